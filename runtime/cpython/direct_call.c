#define Py_BUILD_CORE 1
#include <Python.h>
#include <internal/pycore_code.h>
#include <internal/pycore_frame.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_object.h>
#include <internal/pycore_pystate.h>

#include "direct_call.h"
#include "frame_access.h"

/* What CPython 3.11's specializer calls a simple function (specialize.c function_kind): positional
 * parameters only, so binding is a copy; kw-only parameters, *args and **kwargs take the normal path. */
#define PYJIT_COMPLEX_PARAMETERS (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)

static int binds_positionally(PyFunctionObject *func, PyCodeObject *code, int argcount) {
    if ((code->co_flags & PYJIT_COMPLEX_PARAMETERS) != 0 || (code->co_flags & CO_OPTIMIZED) == 0 ||
        code->co_kwonlyargcount != 0) {
        return 0;
    }
    if (argcount == code->co_argcount) {
        return 1;
    }
    /* Missing arguments come from the defaults, as CALL_PY_WITH_DEFAULTS binds them. */
    PyObject *defaults = func->func_defaults;
    Py_ssize_t ndefaults = defaults != NULL ? PyTuple_GET_SIZE(defaults) : 0;
    return argcount < code->co_argcount && argcount >= code->co_argcount - ndefaults;
}

/* The frame's size in the thread's data stack (_PyEvalFramePushAndInit). */
static size_t frame_size(PyCodeObject *code) {
    return (size_t)code->co_nlocalsplus + code->co_stacksize + FRAME_SPECIALS_SIZE;
}

/* _PyThreadState_BumpFramePointer without its slow path (the caller checked for space): a frame that needs
 * a new data stack chunk takes the normal call path, so a direct call's frame is never the first in its
 * chunk and popping it is just moving datastack_top back (see _PyThreadState_PopFrame). */
static _PyInterpreterFrame *push_frame(PyThreadState *tstate, PyFunctionObject *func, PyCodeObject *code) {
    _PyInterpreterFrame *frame = (_PyInterpreterFrame *)tstate->datastack_top;
    tstate->datastack_top += frame_size(code);
    _PyFrame_InitializeSpecials(frame, func, NULL, code->co_nlocalsplus); /* takes the func reference */
    return frame;
}

static void bind_arguments(_PyInterpreterFrame *frame, PyFunctionObject *func, PyCodeObject *code, PyObject **args,
                           int argcount) {
    PyObject **locals = frame->localsplus;
    for (int i = 0; i < argcount; i++) {
        locals[i] = args[i];
    }
    if (argcount < code->co_argcount) {
        PyObject *defaults = func->func_defaults;
        int first_default = code->co_argcount - (int)PyTuple_GET_SIZE(defaults);
        for (int i = argcount; i < code->co_argcount; i++) {
            locals[i] = Py_NewRef(PyTuple_GET_ITEM(defaults, i - first_default));
        }
    }
    for (int i = code->co_argcount; i < code->co_nlocalsplus; i++) {
        locals[i] = NULL;
    }
}

/* Frame.c's take_ownership: a frame object outliving the call gets its own copy of the frame, linked to
 * the caller's frame object. PyFrame_GetBack finds (and creates) that one exactly as take_ownership does. */
static void hand_frame_to_its_object(PyFrameObject *frame_object, _PyInterpreterFrame *frame) {
    PyFrameObject *back = PyFrame_GetBack(frame_object);
    if (back == NULL && PyErr_Occurred()) {
        PyErr_Clear(); /* a memory error: take_ownership ignores it too */
    }
    Py_ssize_t size = ((char *)&frame->localsplus[frame->stacktop]) - (char *)frame;
    _PyInterpreterFrame *copy = (_PyInterpreterFrame *)frame_object->_f_frame_data;
    memcpy(copy, frame, size);
    frame_object->f_frame = copy;
    copy->owner = FRAME_OWNED_BY_FRAME_OBJECT;
    frame_object->f_back = back; /* the reference from PyFrame_GetBack */
    copy->previous = NULL;
    if (!_PyObject_GC_IS_TRACKED((PyObject *)frame_object)) {
        _PyObject_GC_TRACK((PyObject *)frame_object);
    }
}

/* _PyEvalFrameClearAndPop with _PyFrame_Clear inlined. */
static void clear_and_pop_frame(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    tstate->recursion_remaining--;
    PyFrameObject *frame_object = frame->frame_obj;
    int owned_elsewhere = 0;
    if (frame_object != NULL) {
        frame->frame_obj = NULL;
        if (Py_REFCNT(frame_object) > 1) {
            hand_frame_to_its_object(frame_object, frame);
            owned_elsewhere = 1;
        }
        Py_DECREF(frame_object);
    }
    if (!owned_elsewhere) {
        for (int i = 0; i < frame->stacktop; i++) {
            Py_XDECREF(frame->localsplus[i]);
        }
        Py_XDECREF(frame->f_locals);
        Py_DECREF(frame->f_func);
        Py_DECREF(frame->f_code);
    }
    tstate->recursion_remaining++;
    tstate->datastack_top = (PyObject **)frame;
}

_PyInterpreterFrame *pyjit_push_direct_frame(PyThreadState *tstate, _PyInterpreterFrame *caller, PyObject *callable,
                                             PyObject **args, int argcount) {
    if (Py_TYPE(callable) != &PyFunction_Type || tstate->cframe->use_tracing ||
        tstate->interp->eval_frame == NULL || tstate->interp->eval_frame != pyjit_installed_eval_hook) {
        return NULL;
    }
    PyFunctionObject *func = (PyFunctionObject *)callable;
    PyCodeObject *code = (PyCodeObject *)func->func_code;
    if (!binds_positionally(func, code, argcount)) {
        return NULL;
    }
    if (!_PyThreadState_HasStackSpace(tstate, frame_size(code))) {
        return NULL;
    }
    if (caller != NULL) {
        caller->prev_instr += INLINE_CACHE_ENTRIES_CALL;
    }
    _PyInterpreterFrame *frame = push_frame(tstate, func, code);
    bind_arguments(frame, func, code, args, argcount);
    return frame;
}

void pyjit_pop_direct_frame(PyThreadState *tstate, _PyInterpreterFrame *frame) { clear_and_pop_frame(tstate, frame); }

int pyjit_try_direct_call(PyThreadState *tstate, PyObject *callable, PyObject **args, int argcount,
                          PyObject **result) {
    _PyInterpreterFrame *frame = pyjit_push_direct_frame(tstate, NULL, callable, args, argcount);
    if (frame == NULL) {
        return 0;
    }
    *result = pyjit_run_direct_call(tstate, frame, frame->f_code);
    clear_and_pop_frame(tstate, frame);
    return 1;
}
