#define Py_BUILD_CORE 1
#include <Python.h>
#include <internal/pycore_ceval.h>
#include <internal/pycore_code.h>
#include <internal/pycore_frame.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_object.h>
#include <internal/pycore_pystate.h>

#include "direct_call.h"
#include "frame_access.h"
#include "jit_support.h"

/* What CPython 3.11's specializer calls a simple function (specialize.c function_kind): positional
 * parameters only, so binding is a copy; kw-only parameters, *args and **kwargs take the normal path. */
Py_ssize_t pyjit_code_extra_index = -1;

#define PYJIT_COMPLEX_PARAMETERS (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)

static int binds_positionally(PyFunctionObject* func, PyCodeObject* code, int argcount) {
    if ((code->co_flags & PYJIT_COMPLEX_PARAMETERS) != 0 || (code->co_flags & CO_OPTIMIZED) == 0 ||
        code->co_kwonlyargcount != 0) {
        return 0;
    }
    if (argcount == code->co_argcount) {
        return 1;
    }
    /* Missing arguments come from the defaults, as CALL_PY_WITH_DEFAULTS binds them. */
    PyObject* defaults = func->func_defaults;
    Py_ssize_t ndefaults = defaults != NULL ? PyTuple_GET_SIZE(defaults) : 0;
    return argcount < code->co_argcount && argcount >= code->co_argcount - ndefaults;
}

/* The frame's size in the thread's data stack (_PyEvalFramePushAndInit). */
static size_t frame_size(PyCodeObject* code) {
    return (size_t)code->co_nlocalsplus + code->co_stacksize + FRAME_SPECIALS_SIZE;
}

/* _PyThreadState_BumpFramePointer without its slow path (the caller checked for space): a frame that needs
 * a new data stack chunk takes the normal call path, so a direct call's frame is never the first in its
 * chunk and popping it is just moving datastack_top back (see _PyThreadState_PopFrame). */
static inline __attribute__((always_inline)) _PyInterpreterFrame* push_frame(PyThreadState* tstate,
                                                                             PyFunctionObject* func,
                                                                             PyCodeObject* code) {
    _PyInterpreterFrame* frame = (_PyInterpreterFrame*)tstate->datastack_top;
    tstate->datastack_top += frame_size(code);
    _PyFrame_InitializeSpecials(frame, func, NULL, code->co_nlocalsplus); /* takes the func reference */
    return frame;
}

static void bind_arguments(_PyInterpreterFrame* frame, PyFunctionObject* func, PyCodeObject* code, PyObject** args,
                           int argcount) {
    PyObject** locals = frame->localsplus;
    for (int i = 0; i < argcount; i++) {
        locals[i] = args[i];
    }
    if (argcount < code->co_argcount) {
        PyObject* defaults = func->func_defaults;
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
static void hand_frame_to_its_object(PyFrameObject* frame_object, _PyInterpreterFrame* frame) {
    /* The frame may be leaving with an exception: it stays; a memory error of PyFrame_GetBack (there is
     * no other: with no previous frame it returns NULL and sets nothing) is ignored, as take_ownership
     * ignores it. */
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyFrameObject* back = PyFrame_GetBack(frame_object);
    if (back == NULL) {
        PyErr_Clear();
    }
    PyErr_Restore(type, value, traceback);
    Py_ssize_t size = ((char*)&frame->localsplus[frame->stacktop]) - (char*)frame;
    _PyInterpreterFrame* copy = (_PyInterpreterFrame*)frame_object->_f_frame_data;
    memcpy(copy, frame, size);
    frame_object->f_frame = copy;
    copy->owner = FRAME_OWNED_BY_FRAME_OBJECT;
    frame_object->f_back = back; /* the reference from PyFrame_GetBack */
    copy->previous = NULL;
    if (!_PyObject_GC_IS_TRACKED((PyObject*)frame_object)) {
        _PyObject_GC_TRACK((PyObject*)frame_object);
    }
}

/* _PyFrame_Clear: the frame's object, if something else holds it, takes the frame over; otherwise the frame
 * releases what it holds. */
static void release_frame_values(_PyInterpreterFrame* frame);

/* The frame's object, when something made one: it takes the frame over if anything else holds it. Returns
 * 1 when it did (nothing more to release). */
static __attribute__((noinline)) int clear_frame_object(_PyInterpreterFrame* frame) {
    PyFrameObject* frame_object = frame->frame_obj;
    frame->frame_obj = NULL;
    if (Py_REFCNT(frame_object) > 1) {
        hand_frame_to_its_object(frame_object, frame);
        Py_DECREF(frame_object);
        return 1;
    }
    Py_DECREF(frame_object);
    return 0;
}

static inline __attribute__((always_inline)) void clear_frame(_PyInterpreterFrame* frame) {
    if (frame->frame_obj != NULL && clear_frame_object(frame)) {
        return;
    }
    release_frame_values(frame);
}

static inline __attribute__((always_inline)) void release_frame_values(_PyInterpreterFrame* frame) {
    for (int i = 0; i < frame->stacktop; i++) {
        Py_XDECREF(frame->localsplus[i]);
    }
    Py_XDECREF(frame->f_locals);
    Py_DECREF(frame->f_func);
    Py_DECREF(frame->f_code);
}

/* _PyEvalFrameClearAndPop. */
static inline __attribute__((always_inline)) void clear_and_pop_frame(PyThreadState* tstate,
                                                                      _PyInterpreterFrame* frame) {
    tstate->recursion_remaining--;
    clear_frame(frame);
    tstate->recursion_remaining++;
    tstate->datastack_top = (PyObject**)frame;
}

_PyInterpreterFrame* pyjit_push_direct_frame(PyThreadState* tstate, _PyInterpreterFrame* caller, PyObject* callable,
                                             PyObject** args, int argcount) {
    if (Py_TYPE(callable) != &PyFunction_Type || tstate->cframe->use_tracing || tstate->interp->eval_frame == NULL ||
        tstate->interp->eval_frame != pyjit_installed_eval_hook) {
        return NULL;
    }
    PyFunctionObject* func = (PyFunctionObject*)callable;
    PyCodeObject* code = (PyCodeObject*)func->func_code;
    if (!binds_positionally(func, code, argcount)) {
        return NULL;
    }
    if (!_PyThreadState_HasStackSpace(tstate, frame_size(code))) {
        return NULL;
    }
    if (caller != NULL) {
        caller->prev_instr += INLINE_CACHE_ENTRIES_CALL;
    }
    _PyInterpreterFrame* frame = push_frame(tstate, func, code);
    bind_arguments(frame, func, code, args, argcount);
    return frame;
}

int pyjit_direct_call_shape(PyCodeObject* code, int argcount, const void** first_instr, int* frame_words) {
    if ((code->co_flags & (PYJIT_COMPLEX_PARAMETERS | CO_OPTIMIZED)) != CO_OPTIMIZED || code->co_kwonlyargcount != 0 ||
        argcount > code->co_argcount) {
        return 0;
    }
    *first_instr = _PyCode_CODE(code) - 1;
    *frame_words = (int)frame_size(code);
    return 1;
}

void pyjit_pop_direct_frame(PyThreadState* tstate, _PyInterpreterFrame* frame) { clear_and_pop_frame(tstate, frame); }

/* The common case of a direct call, kept short: a compiled callee given exactly its positional parameters.
 * The hook's decision (pyjit_run_direct_call) would be "run the compiled code" and nothing else, except
 * that it also installs finished compiles; a callee that is not compiled yet takes that path and does. */
static inline __attribute__((always_inline)) int call_compiled_directly(PyThreadState* tstate, PyFunctionObject* func,
                                                                        PyObject** args, int argcount,
                                                                        PyObject** result) {
    PyCodeObject* code = (PyCodeObject*)func->func_code;
    PyjitCallTarget* target = (PyjitCallTarget*)pyjit_code_extra(code, pyjit_code_extra_index);
    if (target == NULL || target->entry == NULL || argcount != code->co_argcount ||
        (code->co_flags & (PYJIT_COMPLEX_PARAMETERS | CO_OPTIMIZED)) != CO_OPTIMIZED || code->co_kwonlyargcount != 0 ||
        tstate->cframe->use_tracing || tstate->interp->eval_frame != pyjit_installed_eval_hook ||
        !_PyThreadState_HasStackSpace(tstate, frame_size(code))) {
        return 0;
    }
    target->calls++;
    _PyInterpreterFrame* frame = push_frame(tstate, func, code);
    PyObject** locals = frame->localsplus;
    for (int i = 0; i < argcount; i++) {
        locals[i] = args[i];
    }
    for (int i = argcount; i < code->co_nlocalsplus; i++) {
        locals[i] = NULL;
    }
    *result = (PyObject*)target->entry(tstate, frame, PYJIT_FRESH_CALL);
    clear_and_pop_frame(tstate, frame);
    return 1;
}

/* The compiled code of a generator frame that can take over its resumption: the code's PyjitCallTarget
 * with the resume point for where the frame is suspended, `depth` values on its stack (the value sent in
 * included). NULL when CPython's interpreter or the hook must run it (not compiled, a tracer, no such
 * resume point). */
static PyjitCallTarget* compiled_generator_resume(PyThreadState* tstate, _PyInterpreterFrame* frame, int depth,
                                                  const PyjitGeneratorResume** resume) {
    PyCodeObject* code = frame->f_code;
    PyjitCallTarget* target = (PyjitCallTarget*)pyjit_code_extra(code, pyjit_code_extra_index);
    if (target == NULL || target->entry == NULL || tstate->cframe->use_tracing) {
        return NULL;
    }
    const int suspended_at = (int)(frame->prev_instr - _PyCode_CODE(code));
    for (size_t i = 0; i < target->generator_resume_count; i++) {
        const PyjitGeneratorResume* candidate = &target->generator_resumes[i];
        if (candidate->suspended_at == suspended_at) {
            *resume = candidate;
            return candidate->depth == depth ? target : NULL;
        }
    }
    return NULL;
}

/* Runs a generator frame, linked and marked executing, from `resume` in its compiled code: ceval's entry
 * (the recursion check; a failure leaves the frame as it is), then the compiled code owns the stack values
 * (stacktop -1, as _PyFrame_GetStackPointer). */
static PyObject* run_compiled_generator(PyThreadState* tstate, _PyInterpreterFrame* frame, PyjitCallTarget* target,
                                        const PyjitGeneratorResume* resume) {
    if (pyjit_frame_enter(tstate, frame) < 0) {
        return NULL;
    }
    frame->stacktop = -1;
    return (PyObject*)target->entry(tstate, frame, (int)resume->instruction);
}

int pyjit_resume_compiled_generator(PyThreadState* tstate, _PyInterpreterFrame* frame, PyObject** result) {
    const PyjitGeneratorResume* resume;
    PyjitCallTarget* target =
        compiled_generator_resume(tstate, frame, frame->stacktop - frame->f_code->co_nlocalsplus, &resume);
    if (target == NULL) {
        return 0;
    }
    *result = run_compiled_generator(tstate, frame, target, resume);
    return 1;
}

/* gen_send_ex2's work for an exact generator whose code is compiled, with the compiled code entered directly
 * instead of through _PyEval_EvalFrame and the hook. `sent` is NULL for next() (FOR_ITER, gen_iternext),
 * else the value of send(). Returns 0, having done nothing, when that does not apply. */
static inline __attribute__((always_inline)) int resume_compiled_generator_with(PyGenObject* gen, PyObject* sent,
                                                                                PyObject** result) {
    PyThreadState* tstate = _PyThreadState_GET();
    /* Running, finished or cleared generators: gen_send_ex2's errors and results. A just-created one
     * takes only None (send's TypeError otherwise): send() leaves it to CPython. */
    const int resumable = sent == NULL ? gen->gi_frame_state < FRAME_EXECUTING : gen->gi_frame_state == FRAME_SUSPENDED;
    if (!resumable || tstate->interp->eval_frame != pyjit_installed_eval_hook) {
        return 0;
    }
    _PyInterpreterFrame* frame = (_PyInterpreterFrame*)gen->gi_iframe;
    const PyjitGeneratorResume* resume;
    PyjitCallTarget* target =
        compiled_generator_resume(tstate, frame, frame->stacktop + 1 - frame->f_code->co_nlocalsplus, &resume);
    if (target == NULL) {
        return 0;
    }
    /* gen_send_ex2: the value sent (None for next()) pushed, the frame linked, the generator's exception
     * state stacked, then the frame run (here: in its compiled code, where _PyEval_EvalFrame and the hook
     * would have sent it). */
    _PyFrame_StackPush(frame, Py_NewRef(sent != NULL ? sent : Py_None));
    frame->previous = tstate->cframe->current_frame;
    gen->gi_exc_state.previous_item = tstate->exc_info;
    tstate->exc_info = &gen->gi_exc_state;
    gen->gi_frame_state = FRAME_EXECUTING;
    PyObject* value = run_compiled_generator(tstate, frame, target, resume);
    if (gen->gi_frame_state == FRAME_EXECUTING) {
        gen->gi_frame_state = FRAME_COMPLETED;
    }
    tstate->exc_info = gen->gi_exc_state.previous_item;
    gen->gi_exc_state.previous_item = NULL;
    frame->previous = NULL;
    if (value != NULL && gen->gi_frame_state == FRAME_SUSPENDED) {
        *result = value; /* yielded */
        return 1;
    }
    /* Returned or raised: the generator is done. next() drops a returned None (gen_iternext's NULL without
     * an exception); send() keeps it for its StopIteration. */
    if (value == Py_None && sent == NULL) {
        Py_CLEAR(value);
    } else if (value == NULL && PyErr_ExceptionMatches(PyExc_StopIteration)) {
        _PyErr_FormatFromCause(PyExc_RuntimeError, "%s", "generator raised StopIteration");
    }
    Py_CLEAR(gen->gi_exc_state.exc_value); /* _PyErr_ClearExcState */
    gen->gi_frame_state = FRAME_CLEARED;
    clear_frame(frame);
    /* A returned value travels in StopIteration: gen_iternext's for next(), gen_send_ex's for send(), which
     * raises a bare StopIteration for None. */
    if (value == Py_None) {
        PyErr_SetNone(PyExc_StopIteration);
        Py_DECREF(value);
    } else if (value != NULL) {
        _PyGen_SetStopIterationValue(value);
        Py_DECREF(value);
    }
    *result = NULL;
    return 1;
}

int pyjit_next_of_compiled_generator(PyObject* iterator, PyObject** result) {
    return Py_TYPE(iterator) == &PyGen_Type && resume_compiled_generator_with((PyGenObject*)iterator, NULL, result);
}

int pyjit_send_to_compiled_generator(PyObject* generator, PyObject* value, PyObject** result) {
    return Py_TYPE(generator) == &PyGen_Type && resume_compiled_generator_with((PyGenObject*)generator, value, result);
}

PyObject* pyjit_call_positional(_PyInterpreterFrame* frame, PyObject** stack, int argc) {
    PyObject* callable = stack[0] != NULL ? stack[0] : stack[1];
    if (Py_TYPE(callable) == &PyFunction_Type) {
        const int is_method = stack[0] != NULL;
        PyObject* result;
        /* CPython's CALL leaves prev_instr at the last cache unit while a Python callee runs. */
        frame->prev_instr += INLINE_CACHE_ENTRIES_CALL;
        if (call_compiled_directly(_PyThreadState_GET(), (PyFunctionObject*)callable, stack + 2 - is_method,
                                   argc + is_method, &result)) {
            return result;
        }
        frame->prev_instr -= INLINE_CACHE_ENTRIES_CALL; /* pyjit_call decides again */
    }
    return pyjit_call(frame, stack, argc, NULL);
}

int pyjit_try_direct_call(PyThreadState* tstate, PyObject* callable, PyObject** args, int argcount, PyObject** result) {
    if (Py_TYPE(callable) == &PyFunction_Type &&
        call_compiled_directly(tstate, (PyFunctionObject*)callable, args, argcount, result)) {
        return 1;
    }
    _PyInterpreterFrame* frame = pyjit_push_direct_frame(tstate, NULL, callable, args, argcount);
    if (frame == NULL) {
        return 0;
    }
    *result = pyjit_run_direct_call(tstate, frame, frame->f_code);
    clear_and_pop_frame(tstate, frame);
    return 1;
}

/* Calls a class's __init__ for a new instance (slot_tp_init's part of type_call), with `args[0..argcount)`
 * borrowed: directly when __init__ is a Python function a direct call can run (its frame gets the instance
 * and new references to the arguments), else through tp_init with a tuple as type_call does. 0 or -1. */
#define PYJIT_DIRECT_INIT_MAX_ARGS 8

static int init_instance(PyThreadState* tstate, PyTypeObject* type, PyObject* self, PyObject** args, int argcount) {
    initproc tp_init = type->tp_init;
    if (tp_init == NULL) {
        return 0;
    }
    PyObject* init = _PyType_Lookup(type, &_Py_ID(__init__));
    if (init != NULL && Py_TYPE(init) == &PyFunction_Type) {
        PyObject* bound[PYJIT_DIRECT_INIT_MAX_ARGS + 1];
        bound[0] = self;
        for (int i = 0; i < argcount; i++) {
            bound[i + 1] = args[i];
        }
        /* The frame takes a reference to each argument and to the function, as slot_tp_init's call does. */
        _PyInterpreterFrame* frame = pyjit_push_direct_frame(tstate, NULL, init, bound, argcount + 1);
        if (frame != NULL) {
            Py_INCREF(init);
            for (int i = 0; i <= argcount; i++) {
                Py_INCREF(bound[i]);
            }
            PyObject* res = pyjit_run_direct_call(tstate, frame, frame->f_code);
            clear_and_pop_frame(tstate, frame);
            if (res == NULL) {
                return -1;
            }
            if (res != Py_None) {
                PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'", Py_TYPE(res)->tp_name);
                Py_DECREF(res);
                return -1;
            }
            Py_DECREF(res);
            return 0;
        }
    }
    PyObject* tuple = PyTuple_New(argcount);
    if (tuple == NULL) {
        return -1;
    }
    for (int i = 0; i < argcount; i++) {
        PyTuple_SET_ITEM(tuple, i, Py_NewRef(args[i]));
    }
    int status = tp_init(self, tuple, NULL);
    Py_DECREF(tuple);
    return status;
}

int pyjit_try_direct_init(PyThreadState* tstate, PyObject* callable, PyObject** args, int argcount, PyObject** result) {
    if (Py_TYPE(callable) != &PyType_Type || argcount > PYJIT_DIRECT_INIT_MAX_ARGS) {
        return 0;
    }
    PyTypeObject* type = (PyTypeObject*)callable;
    /* Called by PyObject_Vectorcall through _PyObject_MakeTpCall and type_call, with object.__new__, which
     * accepts the arguments because __init__ is not object's. */
    if ((type->tp_flags & Py_TPFLAGS_HEAPTYPE) == 0 || type->tp_vectorcall != NULL ||
        type->tp_new != PyBaseObject_Type.tp_new || type->tp_init == NULL ||
        type->tp_init == PyBaseObject_Type.tp_init) {
        return 0;
    }
    PyObject* init = _PyType_Lookup(type, &_Py_ID(__init__));
    if (init == NULL || Py_TYPE(init) != &PyFunction_Type) {
        return 0;
    }
    /* _PyObject_MakeTpCall */
    if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) {
        *result = NULL;
        return 1;
    }
    /* type_call: object.__new__ (its abstract-class check, allocation and dict set-up; the arguments are
     * not its business here), then tp_init as it is after that (a collection may have run code). */
    PyObject* no_arguments = PyTuple_New(0); /* the empty tuple singleton */
    PyObject* self = no_arguments != NULL ? type->tp_new(type, no_arguments, NULL) : NULL;
    Py_XDECREF(no_arguments);
    self = _Py_CheckFunctionResult(tstate, callable, self, NULL);
    if (self != NULL && Py_TYPE(self) == type && init_instance(tstate, type, self, args, argcount) < 0) {
        Py_DECREF(self);
        self = NULL;
    }
    _Py_LeaveRecursiveCallTstate(tstate);
    *result = _Py_CheckFunctionResult(tstate, callable, self, NULL);
    return 1;
}
