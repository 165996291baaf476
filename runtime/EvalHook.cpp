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
bool gSpecializes = false;
uint64_t gThreshold = 0;
// Loop-free code runs its last calls before a specialized compile in tier 1, for the profile.
constexpr uint64_t kProfiledCalls = 50;

// Who runs a fresh frame of a code object.
enum class Runner { Compiled, Tier1, CPython };

// Counts a call of `state`'s code, starts its compile when it got hot, and says who runs the frame
// (the caller has checked that no tracer is active). The hook and direct calls both decide here, so a
// call is counted once whichever way it arrives.
Runner countCallAndChooseRunner(CodeState& state, struct _PyInterpreterFrame* frame) {
    if (gCompiles && JitCompiler::hasFinishedCompiles()) JitCompiler::installFinishedCompiles();
    state.calls++;
    if (state.entry == nullptr && gCompiles && state.tier == CodeTier::Interpreter &&
        state.calls + state.backEdges > gThreshold / 4) {
        JitCompiler::codeIsWarming();
        if (state.calls + state.backEdges > gThreshold) {
            JitCompiler::compile(state, JitRuntime::options().dumpDir, frame);
        }
    }
    // A generator function's fresh frame only makes the generator (RETURN_GENERATOR): CPython's job. Its
    // compiled code runs from the resumptions on (resumeGenerator).
    if (state.entry != nullptr && !state.compiledGenerator) return Runner::Compiled;
    // Not compiled (yet): tier 1 runs it, counting and profiling, unless it cannot. Loop-free code waiting
    // for its call count runs faster in CPython's interpreter (tier 1 is there for back-edges and OSR),
    // except for its last calls before a specialized compile: the tier-1 profile then sees the operand
    // types of every site, where CPython's quickened instructions know only its own families (not `>>`,
    // float / int, ...). Once the compile is queued, CPython's interpreter again until it is installed (tier 1
    // records nothing then): a 100 ms script's small methods ran 30,000 calls in tier 1 waiting for theirs.
    tier1::DecodedCode* code = state.tier1 ? state.tier1.get() : tier1::decodedFor(state);
    const bool profiling =
        gSpecializes && state.tier == CodeTier::Interpreter && state.calls + kProfiledCalls > gThreshold;
    if (code != nullptr && (code->hasLoops || !gCompiles || profiling)) {
        return Runner::Tier1;
    }
    return Runner::CPython;
}

PyObject* runFreshFrame(PyThreadState* tstate, struct _PyInterpreterFrame* frame, CodeState& state, Runner runner) {
    switch (runner) {
    case Runner::Compiled: return static_cast<PyObject*>(state.entry(tstate, frame, kFreshCall));
    case Runner::Tier1: return tier1::run(tstate, frame, state, *state.tier1);
    case Runner::CPython: break;
    }
    return pyjit_eval_in_cpython(tstate, frame, 0);
}

// A fresh frame.
PyObject* evalFrame(PyThreadState* tstate, struct _PyInterpreterFrame* frame, int throwflag) {
    mirrorInlinedCallPosition(tstate, frame);
    CodeState* state = CodeStateRegistry::forCode(pyjit_frame_code(frame));
    if (state == nullptr) return pyjit_eval_in_cpython(tstate, frame, throwflag);
    Runner runner = countCallAndChooseRunner(*state, frame);
    // A tracer or profiler sees every event only in CPython's interpreter.
    if (pyjit_tracing_active(tstate)) return pyjit_eval_in_cpython(tstate, frame, throwflag);
    return runFreshFrame(tstate, frame, *state, runner);
}

// A generator frame resumed by next() or send() (pyjit_set_eval_hook's C entry sends the other resumptions
// straight to CPython's interpreter). Once the code is compiled, the resumption enters it right after the
// yield the frame is suspended at; until then each resumption counts toward hotness like a back-edge (it
// is one more turn of the loop that drives the generator).
PyObject* resumeGenerator(PyThreadState* tstate, struct _PyInterpreterFrame* frame, int throwflag) {
    CodeState* state = gCompiles ? CodeStateRegistry::find(pyjit_frame_code(frame)) : nullptr;
    if (state == nullptr) return pyjit_eval_in_cpython(tstate, frame, throwflag);
    if (state->entry == nullptr) {
        if (JitCompiler::hasFinishedCompiles()) JitCompiler::installFinishedCompiles();
        state->backEdges++;
        if (state->entry == nullptr && state->tier == CodeTier::Interpreter &&
            state->calls + state->backEdges > gThreshold) {
            JitCompiler::compile(*state, JitRuntime::options().dumpDir, frame);
        }
        if (state->entry == nullptr) return pyjit_eval_in_cpython(tstate, frame, throwflag);
    }
    if (pyjit_tracing_active(tstate)) return pyjit_eval_in_cpython(tstate, frame, throwflag);
    const int suspendedAt = pyjit_frame_prev_unit(frame);
    for (const GeneratorResume& resume : state->generatorResumes) {
        if (resume.suspendedAt != suspendedAt) continue;
        if (resume.depth != pyjit_frame_stack_depth(frame)) break;
        // As ceval's entry: the recursion check (a failure leaves the frame as it is), then the link.
        if (pyjit_frame_enter(tstate, frame) < 0) return nullptr;
        pyjit_frame_claim_stack(frame);
        return static_cast<PyObject*>(state->entry(tstate, frame, static_cast<int>(resume.instruction)));
    }
    return pyjit_eval_in_cpython(tstate, frame, throwflag);
}

}  // namespace

void installEvalHook(const JitOptions& options) {
    gCompiles = options.mode == JitMode::Generic || options.mode == JitMode::Specialized;
    gSpecializes = options.mode == JitMode::Specialized;
    gThreshold = options.threshold;
    tier1::configure({gCompiles, gThreshold});
    pyjit_set_eval_hook(evalFrame, resumeGenerator);
}

void removeEvalHook() {
    if (evalHookInstalled()) pyjit_clear_eval_hook();
}

bool evalHookInstalled() {
    return pyjit_installed_eval_hook != nullptr && pyjit_current_eval_hook() == pyjit_installed_eval_hook;
}

}  // namespace pyjit

// A direct call (from compiled code or tier 1) skips evalFrame: it is counted and dispatched as
// evalFrame would (pyjit_try_direct_call has checked the tracer and the hook), and even a frame for
// CPython's interpreter saves the vectorcall, the frame push and the hook.

extern "C" PyObject* pyjit_run_direct_call(PyThreadState* tstate, struct _PyInterpreterFrame* frame,
                                          PyCodeObject* code) {
    pyjit::CodeState* state = pyjit::CodeStateRegistry::forCode(code);
    if (state == nullptr) return pyjit_eval_in_cpython(tstate, frame, 0);  // out of memory: unobserved
    return pyjit::runFreshFrame(tstate, frame, *state, pyjit::countCallAndChooseRunner(*state, frame));
}
