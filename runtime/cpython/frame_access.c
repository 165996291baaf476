#define Py_BUILD_CORE 1
#include <Python.h>
#include <internal/pycore_frame.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_pystate.h>

#include "frame_access.h"

#if PY_VERSION_HEX < 0x030B0000 || PY_VERSION_HEX >= 0x030C0000
#error "pyjit's runtime/cpython layer is written for CPython 3.11 exactly"
#endif

PyCodeObject *pyjit_frame_code(struct _PyInterpreterFrame *frame) { return frame->f_code; }
PyObject *pyjit_frame_globals(struct _PyInterpreterFrame *frame) { return frame->f_globals; }
PyObject *pyjit_frame_builtins(struct _PyInterpreterFrame *frame) { return frame->f_builtins; }

int pyjit_frame_is_fresh(struct _PyInterpreterFrame *frame) {
    /* _PyFrame_Initialize sets prev_instr one unit before the first instruction. */
    return frame->prev_instr < _PyCode_CODE(frame->f_code);
}

int pyjit_tracing_active(PyThreadState *tstate) { return tstate->cframe->use_tracing != 0; }

int pyjit_is_main_interpreter(void) {
    return PyInterpreterState_Get() == PyInterpreterState_Main();
}

_PyFrameEvalFunction pyjit_installed_eval_hook = NULL;

/* The runtime's part of the hook (EvalHook.cpp), for fresh frames. */
static _PyFrameEvalFunction fresh_frame_hook = NULL;

/* The PEP 523 function itself. Resumptions (generators and coroutines, exception hand-overs) always run in
 * CPython's interpreter: they go there from here, as cheaply as a hook allows (every yield of a generator
 * comes back through this). Fresh frames go to the runtime. */
static PyObject *eval_frame_entry(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag) {
    if (throwflag != 0 || !pyjit_frame_is_fresh(frame)) {
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    }
    return fresh_frame_hook(tstate, frame, throwflag);
}

void pyjit_set_eval_hook(_PyFrameEvalFunction hook) {
    fresh_frame_hook = hook;
    pyjit_installed_eval_hook = eval_frame_entry;
    _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), eval_frame_entry);
}

void pyjit_clear_eval_hook(void) {
    pyjit_installed_eval_hook = NULL;
    _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), _PyEval_EvalFrameDefault);
}

_PyFrameEvalFunction pyjit_current_eval_hook(void) {
    return _PyInterpreterState_GetEvalFrameFunc(PyInterpreterState_Get());
}

PyObject *pyjit_eval_in_cpython(PyThreadState *tstate, struct _PyInterpreterFrame *frame, int throwflag) {
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

int pyjit_caller_view(PyThreadState *tstate, struct _PyInterpreterFrame *frame, PyjitCallerView *view) {
    /* frame->previous is only set once a tier links the frame; until then the caller is the current one. */
    _PyInterpreterFrame *caller = tstate->cframe->current_frame;
    if (caller == NULL || _PyFrame_IsIncomplete(caller)) {
        return 0;
    }
    view->caller = caller;
    view->code = caller->f_code;
    view->prev_unit = (int)(caller->prev_instr - _PyCode_CODE(caller->f_code));
    view->stack_base = _PyFrame_Stackbase(caller);
    view->callee_function = (PyObject *)frame->f_func;
    return 1;
}

void pyjit_advance_prev_instr(struct _PyInterpreterFrame *frame, int units) { frame->prev_instr += units; }
