#define Py_BUILD_CORE 1
#include <Python.h>
#include <internal/pycore_frame.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_pystate.h>

#include "direct_call.h"
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

/* The runtime's part of the hook (EvalHook.cpp), for fresh frames and for resumed generators. */
static _PyFrameEvalFunction fresh_frame_hook = NULL;
static _PyFrameEvalFunction generator_resume_hook = NULL;

/* The PEP 523 function itself. Fresh frames and generators resumed by next() or send() go to the runtime;
 * other resumptions (throwflag: exception hand-overs, generator.throw(); coroutines) run in CPython's
 * interpreter, sent there as cheaply as a hook allows. */
static PyObject *eval_frame_entry(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag) {
    if (throwflag != 0) {
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    }
    if (pyjit_frame_is_fresh(frame)) {
        return fresh_frame_hook(tstate, frame, throwflag);
    }
    if (frame->owner == FRAME_OWNED_BY_GENERATOR && (frame->f_code->co_flags & CO_GENERATOR) != 0) {
        PyObject *result;
        if (pyjit_resume_compiled_generator(tstate, frame, &result)) {
            return result;
        }
        return generator_resume_hook(tstate, frame, throwflag);
    }
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

int pyjit_frame_prev_unit(struct _PyInterpreterFrame *frame) {
    return (int)(frame->prev_instr - _PyCode_CODE(frame->f_code));
}

int pyjit_frame_stack_depth(struct _PyInterpreterFrame *frame) {
    return frame->stacktop - frame->f_code->co_nlocalsplus;
}

void pyjit_frame_claim_stack(struct _PyInterpreterFrame *frame) { frame->stacktop = -1; }

PyObject **pyjit_frame_value_stack(struct _PyInterpreterFrame *frame) {
    return frame->localsplus + frame->f_code->co_nlocalsplus;
}

void pyjit_set_eval_hook(_PyFrameEvalFunction hook, _PyFrameEvalFunction resume_hook) {
    fresh_frame_hook = hook;
    generator_resume_hook = resume_hook;
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
