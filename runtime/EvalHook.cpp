#include "EvalHook.h"

#include "CodeState.h"
#include "InlinedCallPosition.h"
#include "JitCompiler.h"
#include "JitRuntime.h"
#include "cpython/direct_call.h"
#include "cpython/frame_access.h"
#include "tier1/Interpreter.h"

namespace pyjit {

namespace {

// Copies of the settings the hook reads on every frame.
bool gCompiles = false;
uint64_t gThreshold = 0;

PyObject* evalFrame(PyThreadState* tstate, struct _PyInterpreterFrame* frame, int throwflag) {
    // Resumptions (generators, exception hand-over) belong to CPython's interpreter.
    if (throwflag != 0 || !pyjit_frame_is_fresh(frame)) return pyjit_eval_in_cpython(tstate, frame, throwflag);
    if (JitCompiler::hasFinishedCompiles()) JitCompiler::installFinishedCompiles();
    mirrorInlinedCallPosition(tstate, frame);
    CodeState* state = CodeStateRegistry::forCode(pyjit_frame_code(frame));
    if (state == nullptr) return pyjit_eval_in_cpython(tstate, frame, throwflag);
    state->calls++;
    if (state->entry == nullptr && gCompiles && state->tier == CodeTier::Interpreter &&
        state->calls + state->backEdges > gThreshold) {
        JitCompiler::compile(*state, JitRuntime::options().dumpDir);
    }
    // A tracer or profiler sees every event only in CPython's interpreter.
    if (pyjit_tracing_active(tstate)) return pyjit_eval_in_cpython(tstate, frame, throwflag);
    if (state->entry != nullptr) return static_cast<PyObject*>(state->entry(tstate, frame, kFreshCall));
    // Not compiled (yet): tier 1 runs it, counting and profiling, unless it cannot. While compiled code
    // does not read the profiles yet (the specialized tier will), loop-free code waiting for its call
    // count runs faster in CPython's interpreter: tier 1 is there for back-edges and OSR.
    if (tier1::DecodedCode* code = tier1::decodedFor(*state); code != nullptr && (code->hasLoops || !gCompiles)) {
        return tier1::run(tstate, frame, *state, *code);
    }
    return pyjit_eval_in_cpython(tstate, frame, throwflag);
}

}  // namespace

void installEvalHook(const JitOptions& options) {
    gCompiles = options.mode == JitMode::Generic || options.mode == JitMode::Specialized;
    gThreshold = options.threshold;
    tier1::configure({gCompiles, gThreshold});
    pyjit_set_eval_hook(evalFrame);
}

void removeEvalHook() {
    if (evalHookInstalled()) pyjit_clear_eval_hook();
}

bool evalHookInstalled() { return pyjit_current_eval_hook() == evalFrame; }

}  // namespace pyjit

// A direct call from compiled code skips evalFrame: count it as evalFrame would, and run compiled code
// only where evalFrame would run it (pyjit_try_direct_call has checked the tracer and the hook).
static_assert(pyjit::kFreshCall == PYJIT_FRESH_CALL);

extern "C" PyjitNativeEntry pyjit_entry_for_direct_call(PyCodeObject* code) {
    pyjit::CodeState* state = pyjit::CodeStateRegistry::find(code);
    if (state == nullptr || state->entry == nullptr) return nullptr;
    state->calls++;
    return reinterpret_cast<PyjitNativeEntry>(state->entry);
}
