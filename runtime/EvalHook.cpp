#include "EvalHook.h"

#include "CodeState.h"
#include "InlinedCallPosition.h"
#include "JitCompiler.h"
#include "JitRuntime.h"
#include "cpython/frame_access.h"

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
        state->calls > gThreshold) {
        // Threshold 0 asks for compiled code from the first call on; otherwise the code goes on in the
        // interpreter while it compiles.
        JitCompiler::compile(*state, JitRuntime::options().dumpDir,
                             gThreshold == 0 ? JitCompiler::CompileTiming::Now : JitCompiler::CompileTiming::Background);
    }
    // A tracer or profiler sees every event only in CPython's interpreter.
    if (state->entry != nullptr && !pyjit_tracing_active(tstate)) {
        return static_cast<PyObject*>(state->entry(tstate, frame));
    }
    return pyjit_eval_in_cpython(tstate, frame, throwflag);
}

}  // namespace

void installEvalHook(const JitOptions& options) {
    gCompiles = options.mode == JitMode::Generic || options.mode == JitMode::Specialized;
    gThreshold = options.threshold;
    pyjit_set_eval_hook(evalFrame);
}

void removeEvalHook() {
    if (evalHookInstalled()) pyjit_clear_eval_hook();
}

bool evalHookInstalled() { return pyjit_current_eval_hook() == evalFrame; }

}  // namespace pyjit
