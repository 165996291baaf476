#include "EvalHook.h"

#include "CodeState.h"
#include "cpython/frame_access.h"

namespace pyjit {

namespace {

PyObject* evalFrame(PyThreadState* tstate, struct _PyInterpreterFrame* frame, int throwflag) {
    // Resumptions (generators, exception hand-over) and traced frames belong to CPython.
    if (throwflag == 0 && pyjit_frame_is_fresh(frame)) {
        if (CodeState* state = CodeStateRegistry::forCode(pyjit_frame_code(frame))) {
            state->calls++;
        }
    }
    return pyjit_eval_in_cpython(tstate, frame, throwflag);
}

}  // namespace

void installEvalHook() {
    pyjit_set_eval_hook(evalFrame);
}

void removeEvalHook() {
    if (evalHookInstalled()) pyjit_clear_eval_hook();
}

bool evalHookInstalled() { return pyjit_current_eval_hook() == evalFrame; }

}  // namespace pyjit
