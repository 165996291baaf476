#define Py_BUILD_CORE 1
#include <Python.h>
#include <internal/pycore_ceval.h>
#include <internal/pycore_code.h>
#include <internal/pycore_frame.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_long.h>
#include <internal/pycore_pystate.h>

#include <stddef.h>
#include <string.h>

#include "direct_call.h"
#include "frame_access.h"
#include "jit_support.h"

/* Version-exact copies of CPython 3.11's iterator structs (Objects/rangeobject.c, Objects/listobject.c),
   which no header declares; FOR_ITER's inline paths read and advance them as rangeiter_next and
   listiter_next do. */
typedef struct {
    PyObject_HEAD
    long index;
    long start;
    long step;
    long len;
} PyjitRangeIterator;

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyListObject *it_seq;
} PyjitListIterator;

void pyjit_layout_init(PyjitLayout *layout) {
    layout->frame_localsplus = (int)offsetof(_PyInterpreterFrame, localsplus);
    layout->frame_prev_instr = (int)offsetof(_PyInterpreterFrame, prev_instr);
    layout->object_refcnt = (int)offsetof(PyObject, ob_refcnt);
    layout->object_type = (int)offsetof(PyObject, ob_type);
#ifdef Py_REF_DEBUG
    layout->ref_debug = 1;
#else
    layout->ref_debug = 0;
#endif
    layout->eval_breaker = (const int *)&PyInterpreterState_Get()->ceval.eval_breaker._value;
    layout->long_size = (int)offsetof(PyVarObject, ob_size);
    layout->long_digit = (int)offsetof(PyLongObject, ob_digit);
    layout->float_value = (int)offsetof(PyFloatObject, ob_fval);
    layout->small_int_zero = &_PyLong_SMALL_INTS[_PY_NSMALLNEGINTS];
    layout->small_int_stride = (int)sizeof(PyLongObject);
    layout->small_int_min = -_PY_NSMALLNEGINTS;
    layout->small_int_max = _PY_NSMALLPOSINTS - 1;
    layout->var_size = (int)offsetof(PyVarObject, ob_size);
    layout->list_items = (int)offsetof(PyListObject, ob_item);
    layout->tuple_items = (int)offsetof(PyTupleObject, ob_item);
    layout->range_iter_index = (int)offsetof(PyjitRangeIterator, index);
    layout->range_iter_start = (int)offsetof(PyjitRangeIterator, start);
    layout->range_iter_step = (int)offsetof(PyjitRangeIterator, step);
    layout->range_iter_len = (int)offsetof(PyjitRangeIterator, len);
    layout->list_iter_index = (int)offsetof(PyjitListIterator, it_index);
    layout->list_iter_seq = (int)offsetof(PyjitListIterator, it_seq);
    layout->type_version_tag = (int)offsetof(PyTypeObject, tp_version_tag);
    /* _PyObject_ValuesPointer(obj) is ((PyDictValues **)obj) - 4 in 3.11 (the pre-header). */
    layout->managed_values = -4 * (int)sizeof(PyDictValues *);
    layout->bytearray_start = (int)offsetof(PyByteArrayObject, ob_start);
    layout->tstate_cframe = (int)offsetof(PyThreadState, cframe);
    layout->cframe_use_tracing = (int)offsetof(_PyCFrame, use_tracing);
    layout->managed_dict = -3 * (int)sizeof(PyObject *); /* _PyObject_ManagedDictPointer */
    layout->heap_type_cached_keys = (int)offsetof(PyHeapTypeObject, ht_cached_keys);
    layout->dict_keys_entries = (int)offsetof(PyDictKeysObject, dk_nentries);
    layout->tstate_recursion_remaining = (int)offsetof(PyThreadState, recursion_remaining);
    layout->cframe_current_frame = (int)offsetof(_PyCFrame, current_frame);
    layout->frame_previous = (int)offsetof(_PyInterpreterFrame, previous);
    layout->frame_stacktop = (int)offsetof(_PyInterpreterFrame, stacktop);
    layout->frame_globals = (int)offsetof(_PyInterpreterFrame, f_globals);
    layout->frame_builtins = (int)offsetof(_PyInterpreterFrame, f_builtins);
    layout->dict_version_tag = (int)offsetof(PyDictObject, ma_version_tag);
    layout->global_cache_globals_version = (int)offsetof(PyjitGlobalCache, globals_version);
    layout->global_cache_builtins_version = (int)offsetof(PyjitGlobalCache, builtins_version);
    layout->global_cache_value = (int)offsetof(PyjitGlobalCache, value);
    layout->function_code = (int)offsetof(PyFunctionObject, func_code);
    layout->function_defaults = (int)offsetof(PyFunctionObject, func_defaults);
    layout->function_globals = (int)offsetof(PyFunctionObject, func_globals);
    layout->function_builtins = (int)offsetof(PyFunctionObject, func_builtins);
    layout->frame_func = (int)offsetof(_PyInterpreterFrame, f_func);
    layout->frame_locals = (int)offsetof(_PyInterpreterFrame, f_locals);
    layout->frame_code = (int)offsetof(_PyInterpreterFrame, f_code);
    layout->frame_object = (int)offsetof(_PyInterpreterFrame, frame_obj);
    layout->frame_is_entry = (int)offsetof(_PyInterpreterFrame, is_entry);
    layout->frame_owner = (int)offsetof(_PyInterpreterFrame, owner);
    layout->frame_owned_by_thread = FRAME_OWNED_BY_THREAD;
    layout->tstate_datastack_top = (int)offsetof(PyThreadState, datastack_top);
    layout->tstate_datastack_limit = (int)offsetof(PyThreadState, datastack_limit);
    layout->tstate_interp = (int)offsetof(PyThreadState, interp);
    layout->interp_eval_frame = (int)offsetof(PyInterpreterState, eval_frame);
    layout->installed_eval_hook = &pyjit_installed_eval_hook;
    layout->call_target_entry = (int)offsetof(PyjitCallTarget, entry);
    layout->call_target_calls = (int)offsetof(PyjitCallTarget, calls);
    layout->direct_call_cell_code = (int)offsetof(PyjitDirectCallCell, code);
    layout->direct_call_cell_target = (int)offsetof(PyjitDirectCallCell, target);
    layout->call_cache_entries = INLINE_CACHE_ENTRIES_CALL;
    layout->cell_ref = (int)offsetof(PyCellObject, ob_ref);
    Py_BUILD_ASSERT(sizeof(((_PyInterpreterFrame *)NULL)->is_entry) == 1);
    Py_BUILD_ASSERT(sizeof(((_PyInterpreterFrame *)NULL)->owner) == 1);
    Py_BUILD_ASSERT(sizeof(((PyDictObject *)NULL)->ma_version_tag) == sizeof(uint64_t));
    Py_BUILD_ASSERT(sizeof(((_PyCFrame *)NULL)->use_tracing) == 1);
    Py_BUILD_ASSERT(sizeof(((PyThreadState *)NULL)->recursion_remaining) == sizeof(int));
    Py_BUILD_ASSERT(sizeof(((_PyInterpreterFrame *)NULL)->stacktop) == sizeof(int));
}

int pyjit_frame_enter(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    if (_Py_EnterRecursiveCallTstate(tstate, "")) {
        /* As ceval: the failed check and exit_unwind's leave cancel out. */
        tstate->recursion_remaining--;
        _Py_LeaveRecursiveCallTstate(tstate);
        return -1;
    }
    frame->previous = tstate->cframe->current_frame;
    tstate->cframe->current_frame = frame;
    return 0;
}

static void unlink_frame(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    _Py_LeaveRecursiveCallTstate(tstate);
    tstate->cframe->current_frame = frame->previous;
}

void pyjit_frame_leave(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    _PyFrame_SetStackPointer(frame, _PyFrame_Stackbase(frame));
    unlink_frame(tstate, frame);
}

/* Entered with throwflag 1, ceval first reports a 'call' event to the trace and profile functions
 * (meant for generator.throw()); a frame we hand a raised exception to was running already, and
 * CPython's own interpreter would report only the 'exception' event. So, for that one entry, both
 * functions are replaced by ones that put the user's function back and report nothing. */
static Py_tracefunc suppressed_trace, suppressed_profile;

static int skip_trace_entry(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg) {
    PyThreadState_Get()->c_tracefunc = suppressed_trace;
    return 0;
}

static int skip_profile_entry(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg) {
    PyThreadState_Get()->c_profilefunc = suppressed_profile;
    return 0;
}

static void suppress_entry_events(PyThreadState *tstate) {
    /* A skip still installed (its entry never came) must not be saved as the user's function. */
    if (tstate->c_tracefunc != NULL && tstate->c_tracefunc != skip_trace_entry) {
        suppressed_trace = tstate->c_tracefunc;
        tstate->c_tracefunc = skip_trace_entry;
    }
    if (tstate->c_profilefunc != NULL && tstate->c_profilefunc != skip_profile_entry) {
        suppressed_profile = tstate->c_profilefunc;
        tstate->c_profilefunc = skip_profile_entry;
    }
}

static void restore_unused_entry_skips(PyThreadState *tstate) { /* ceval left before the entry event */
    if (tstate->c_tracefunc == skip_trace_entry) {
        tstate->c_tracefunc = suppressed_trace;
    }
    if (tstate->c_profilefunc == skip_profile_entry) {
        tstate->c_profilefunc = suppressed_profile;
    }
}

PyObject *pyjit_resume_in_cpython(PyThreadState *tstate, _PyInterpreterFrame *frame, int prev_unit, int depth,
                                  int throwflag) {
    if (prev_unit != PYJIT_KEEP_PREV_INSTR) {
        frame->prev_instr = _PyCode_CODE(frame->f_code) + prev_unit;
    }
    frame->stacktop = frame->f_code->co_nlocalsplus + depth;
    unlink_frame(tstate, frame);
    if (!throwflag || !tstate->cframe->use_tracing) {
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    }
    suppress_entry_events(tstate);
    PyObject *result = _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    restore_unused_entry_skips(tstate);
    return result;
}

PyObject *pyjit_load_global(_PyInterpreterFrame *frame, PyObject *name, PyjitGlobalCache *cache) {
    PyObject *globals = frame->f_globals;
    PyObject *builtins = frame->f_builtins;
    if (!PyDict_CheckExact(globals) || !PyDict_CheckExact(builtins)) {
        return NULL; /* rare: let CPython do the mapping protocol */
    }
    PyObject *cached = pyjit_global_cache_hit(cache, globals, builtins);
    if (cached != NULL) {
        return Py_NewRef(cached);
    }
    uint64_t globals_version = ((PyDictObject *)globals)->ma_version_tag;
    uint64_t builtins_version = ((PyDictObject *)builtins)->ma_version_tag;
    PyObject *value = PyDict_GetItemWithError(globals, name);
    if (value == NULL && !PyErr_Occurred()) {
        value = PyDict_GetItemWithError(builtins, name);
    }
    if (value != NULL) {
        /* Looking up a str key never mutates either dict, so the tags read above still hold. */
        cache->globals_version = globals_version;
        cache->builtins_version = builtins_version;
        cache->value = value;
    }
    Py_XINCREF(value);
    return value;
}


int pyjit_handle_eval_breaker(PyThreadState *tstate) {
    if (tstate->async_exc != NULL) {
        return 1;
    }
    if (Py_MakePendingCalls() < 0) { /* signals first, then pending calls */
        return -1;
    }
    if (_Py_atomic_load_relaxed(&tstate->interp->ceval.gil_drop_request)) {
        PyEval_RestoreThread(PyEval_SaveThread());
    }
    return tstate->async_exc != NULL ? 1 : 0;
}

int pyjit_make_cell(_PyInterpreterFrame *frame, int index) {
    PyObject *initial = frame->localsplus[index];
    PyObject *cell = PyCell_New(initial);
    if (cell == NULL) {
        return -1;
    }
    frame->localsplus[index] = cell;
    Py_XDECREF(initial);
    return 0;
}

void pyjit_copy_free_vars(_PyInterpreterFrame *frame, int count) {
    PyCodeObject *code = frame->f_code;
    PyObject *closure = ((PyFunctionObject *)frame->f_func)->func_closure;
    int offset = code->co_nlocals + code->co_nplaincellvars;
    for (int i = 0; i < count; i++) {
        PyObject *value = PyTuple_GET_ITEM(closure, i);
        Py_INCREF(value);
        frame->localsplus[offset + i] = value;
    }
}

/* len(x), isinstance(x, cls) and list.append(x) without calling the builtin at all, exactly as CPython
 * 3.11's PRECALL_NO_KW_LEN, PRECALL_NO_KW_ISINSTANCE and PRECALL_NO_KW_LIST_APPEND do (identity with the
 * interpreter's callable cache; no recursion check, as there). The arguments stay the caller's to release.
 * Returns 0, having done nothing, for any other call; otherwise 1 with *result (NULL with an exception). */
static int call_cached_callable(PyThreadState *tstate, PyObject *callable, PyObject **args, int total_args,
                                PyObject **result) {
    struct callable_cache *cache = &tstate->interp->callable_cache;
    if (callable == cache->len && total_args == 1) {
        Py_ssize_t length = PyObject_Length(args[0]);
        *result = length < 0 ? NULL : PyLong_FromSsize_t(length);
        return 1;
    }
    if (callable == cache->isinstance && total_args == 2) {
        int is_instance = PyObject_IsInstance(args[0], args[1]);
        *result = is_instance < 0 ? NULL : Py_NewRef(is_instance ? Py_True : Py_False);
        return 1;
    }
    if (callable == cache->list_append && total_args == 2 && PyList_Check(args[0])) {
        /* _PyList_AppendTakeRef (not exported) appends to the list's own storage, as PyList_Append does. */
        *result = PyList_Append(args[0], args[1]) < 0 ? NULL : Py_NewRef(Py_None);
        return 1;
    }
    return 0;
}

/* generator.send's method definition (gen_send itself is static in CPython). */
static PyMethodDef *generator_send_method(void) {
    static PyMethodDef *send = NULL;
    for (PyMethodDef *method = PyGen_Type.tp_methods; send == NULL && method->ml_name != NULL; method++) {
        if (strcmp(method->ml_name, "send") == 0) {
            send = method;
        }
    }
    return send;
}

/* A C function called directly, as CPython 3.11's PRECALL specializations call builtins and method
 * descriptors (PRECALL_BUILTIN_*, PRECALL_NO_KW_BUILTIN_O, PRECALL_NO_KW_METHOD_DESCRIPTOR_*): the same
 * conditions (exact types and flags), the same recursion checks, no vectorcall detour. Returns 0, having
 * done nothing, for any other call; otherwise 1 with *result (NULL with an exception set). */
static int call_c_function(PyThreadState *tstate, PyObject *callable, PyObject **args, int total_args,
                           Py_ssize_t positional, PyObject *kwnames, PyObject **result) {
    PyObject *self;
    PyMethodDef *method;
    if (Py_IS_TYPE(callable, &PyMethodDescr_Type)) {
        PyMethodDescrObject *descriptor = (PyMethodDescrObject *)callable;
        if (total_args < 1 || !Py_IS_TYPE(args[0], descriptor->d_common.d_type)) {
            return 0;
        }
        method = descriptor->d_method;
        self = args[0];
        args++;
        total_args--;
        positional--;
        if (method->ml_flags == METH_NOARGS) {
            if (total_args != 0 || kwnames != NULL) {
                return 0;
            }
            if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) {
                *result = NULL;
                return 1;
            }
            *result = method->ml_meth(self, NULL);
            _Py_LeaveRecursiveCallTstate(tstate);
            goto done;
        }
    } else if (Py_IS_TYPE(callable, &PyCFunction_Type)) {
        method = ((PyCFunctionObject *)callable)->m_ml;
        self = PyCFunction_GET_SELF(callable);
    } else {
        return 0;
    }
    switch (method->ml_flags) {
    case METH_O:
        if (total_args != 1 || kwnames != NULL) {
            return 0;
        }
        if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) {
            *result = NULL;
            return 1;
        }
        if (method != generator_send_method() || !pyjit_send_to_compiled_generator(self, args[0], result)) {
            *result = method->ml_meth(self, args[0]);
        }
        _Py_LeaveRecursiveCallTstate(tstate);
        break;
    case METH_FASTCALL:
        if (kwnames != NULL) {
            return 0;
        }
        *result = ((_PyCFunctionFast)(void (*)(void))method->ml_meth)(self, args, total_args);
        break;
    case METH_FASTCALL | METH_KEYWORDS:
        *result = ((_PyCFunctionFastWithKeywords)(void (*)(void))method->ml_meth)(self, args, positional, kwnames);
        break;
    default:
        return 0;
    }
done:
    if (*result == NULL && !PyErr_Occurred()) {
        /* What ceval's error label does for a C function that failed without an exception. */
        PyErr_SetString(PyExc_SystemError, "error return without exception set");
    }
    return 1;
}

PyObject *pyjit_call(_PyInterpreterFrame *frame, PyObject **stack, int argc, PyObject *kwnames) {
    PyObject *callable = stack[0] != NULL ? stack[0] : stack[1];
    if (stack[0] == NULL && Py_TYPE(callable) == &PyMethod_Type) {
        /* PRECALL's unpacking of a bound method into [function, self, args...]. */
        stack[0] = Py_NewRef(((PyMethodObject *)callable)->im_func);
        stack[1] = Py_NewRef(((PyMethodObject *)callable)->im_self);
        Py_DECREF(callable);
        callable = stack[0];
    }
    int is_method = stack[0] != NULL;
    int total_args = argc + is_method;
    PyObject **args = stack + 2 - is_method;
    Py_ssize_t positional = total_args - (kwnames != NULL ? PyTuple_GET_SIZE(kwnames) : 0);
    if (Py_TYPE(callable) == &PyFunction_Type) {
        frame->prev_instr += INLINE_CACHE_ENTRIES_CALL;
        PyObject *result;
        if (kwnames == NULL && pyjit_try_direct_call(_PyThreadState_GET(), callable, args, total_args, &result)) {
            return result;
        }
    }
    PyObject *result;
    PyThreadState *tstate = _PyThreadState_GET();
    if ((kwnames != NULL || !call_cached_callable(tstate, callable, args, total_args, &result)) &&
        !call_c_function(tstate, callable, args, total_args, positional, kwnames, &result) &&
        (kwnames != NULL || !pyjit_try_direct_init(tstate, callable, args, total_args, &result))) {
        result = PyObject_Vectorcall(callable, args, positional | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    }
    Py_DECREF(callable);
    for (int i = 0; i < total_args; i++) {
        Py_DECREF(args[i]);
    }
    return result;
}

int pyjit_raise_traceback(PyThreadState *tstate) {
    if (tstate->cframe->use_tracing) {
        return 0; /* ceval reports the exception to the tracer: let it do the whole thing */
    }
    PyFrameObject *frame_object = PyEval_GetFrame(); /* our frame is the current one */
    if (frame_object != NULL) {
        PyTraceBack_Here(frame_object);
    }
    return 1;
}

PyObject *pyjit_handler_lasti(_PyInterpreterFrame *frame) {
    PyObject *lasti = PyLong_FromLong(_PyInterpreterFrame_LASTI(frame));
    if (lasti == NULL) {
        Py_FatalError("pyjit: out of memory entering an exception handler");
    }
    return lasti;
}

PyObject *pyjit_handler_exception(PyThreadState *tstate) {
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyErr_NormalizeException(&type, &value, &traceback);
    PyException_SetTraceback(value, traceback != NULL ? traceback : Py_None);
    Py_XDECREF(traceback);
    Py_XDECREF(type);
    return value;
}

void pyjit_unwind_leave(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    _PyFrame_SetStackPointer(frame, _PyFrame_Stackbase(frame));
    unlink_frame(tstate, frame);
}

void pyjit_release_values(PyObject** values, int count) {
    /* ceval's exception_unwind pops and releases the values above the handler's depth, the top first. */
    for (int k = count - 1; k >= 0; k--) {
        Py_XDECREF(values[k]);
    }
}

PyObject *pyjit_raise_and_leave(PyThreadState *tstate, _PyInterpreterFrame *frame, int prev_unit, int depth) {
    /* Compiled code stores prev_instr lazily: the traceback entry needs the raising instruction's. */
    if (prev_unit != PYJIT_KEEP_PREV_INSTR) {
        frame->prev_instr = _PyCode_CODE(frame->f_code) + prev_unit;
    }
    if (!pyjit_raise_traceback(tstate)) {
        return pyjit_resume_in_cpython(tstate, frame, prev_unit, depth, 1);
    }
    PyObject **stack = frame->localsplus + frame->f_code->co_nlocalsplus;
    for (int k = depth - 1; k >= 0; k--) {
        Py_XDECREF(stack[k]);
    }
    pyjit_unwind_leave(tstate, frame);
    return NULL;
}

PyObject *pyjit_push_exc_info(PyThreadState *tstate, PyObject *value) {
    _PyErr_StackItem *exc_info = tstate->exc_info;
    PyObject *previous = exc_info->exc_value != NULL ? exc_info->exc_value : Py_NewRef(Py_None);
    exc_info->exc_value = Py_NewRef(value);
    return previous;
}

void pyjit_pop_except(PyThreadState *tstate, PyObject *value) {
    _PyErr_StackItem *exc_info = tstate->exc_info;
    PyObject *previous = exc_info->exc_value;
    exc_info->exc_value = value;
    Py_XDECREF(previous);
}

int pyjit_raise_varargs(PyObject *exception, PyObject *cause) {
    /* ceval's do_raise for the common forms: `raise Class`, `raise instance`, `raise X from Y` with Y an
     * exception instance or None. Other forms (whose messages come from do_raise) are handed over
     * (return 1) before any effect, the inputs still owned by the caller. Otherwise steals both and
     * returns -1 with the exception set. */
    int is_class = PyExceptionClass_Check(exception);
    if (!is_class && !PyExceptionInstance_Check(exception)) {
        return 1;
    }
    if (cause != NULL && cause != Py_None && !PyExceptionInstance_Check(cause)) {
        return 1;
    }
    PyObject *type = is_class ? exception : Py_NewRef((PyObject *)Py_TYPE(exception));
    PyObject *value = is_class ? PyObject_CallNoArgs(exception) : exception;
    if (value == NULL) {
        goto failed;
    }
    if (!PyExceptionInstance_Check(value)) {
        PyErr_Format(PyExc_TypeError, "calling %R should have returned an instance of BaseException, not %R", type,
                     Py_TYPE(value));
        goto failed;
    }
    if (cause != NULL) {
        PyObject *fixed = cause == Py_None ? NULL : cause;
        if (fixed == NULL) {
            Py_DECREF(cause);
        }
        cause = NULL;
        PyException_SetCause(value, fixed); /* steals; sets __suppress_context__ */
    }
    PyErr_SetObject(type, value);
    Py_DECREF(value);
    Py_DECREF(type);
    return -1;
failed:
    Py_XDECREF(value);
    Py_DECREF(type);
    Py_XDECREF(cause);
    return -1;
}

void pyjit_yield_value(PyThreadState *tstate, _PyInterpreterFrame *frame, int unit, int depth) {
    frame->prev_instr = _PyCode_CODE(frame->f_code) + unit;
    frame->stacktop = frame->f_code->co_nlocalsplus + depth;
    _PyFrame_GetGenerator(frame)->gi_frame_state = FRAME_SUSPENDED;
    unlink_frame(tstate, frame);
}

int pyjit_send(PyObject *receiver, PyObject *value, PyObject **result) {
    PySendResult status = PyIter_Send(receiver, value, result);
    Py_DECREF(value);
    return (int)status;
}

PyObject *pyjit_get_yield_from_iter(PyObject *iterable) {
    if (PyCoro_CheckExact(iterable)) {
        return NULL; /* valid only in a coroutine, which is never compiled: CPython raises the TypeError */
    }
    if (PyGen_CheckExact(iterable)) {
        return Py_NewRef(iterable);
    }
    return PyObject_GetIter(iterable);
}
