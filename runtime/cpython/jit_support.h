/* What compiled code needs from CPython 3.11's internals: the frame protocol of docs/architecture.md
 * (enter, leave, hand over to CPython's interpreter mid-frame), the field offsets compiled code reads
 * directly, and the few instruction helpers that need frame fields. Compiled as C with Py_BUILD_CORE. */
#ifndef PYJIT_RUNTIME_CPYTHON_JIT_SUPPORT_H
#define PYJIT_RUNTIME_CPYTHON_JIT_SUPPORT_H

#include <Python.h>

#include "frame_access.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Offsets (bytes) and addresses that compiled code uses instead of CPython's headers. */
typedef struct PyjitLayout {
    int frame_localsplus;  /* _PyInterpreterFrame.localsplus */
    int frame_prev_instr;  /* _PyInterpreterFrame.prev_instr */
    int object_refcnt;     /* PyObject.ob_refcnt */
    int object_type;       /* PyObject.ob_type */
    int ref_debug;         /* Py_REF_DEBUG: reference counting must go through helper calls */
    const int *eval_breaker; /* &interp->ceval.eval_breaker (an _Py_atomic_int's value) */
    /* Exact int and float fast paths (see jit/LowerFastPaths.cpp) */
    int long_size;              /* PyVarObject.ob_size: the sign and digit count of an int */
    int long_digit;             /* PyLongObject.ob_digit[0] */
    int float_value;            /* PyFloatObject.ob_fval */
    const void *small_int_zero; /* the cached int 0; small ints -5..256 follow each other */
    int small_int_stride;       /* sizeof(PyLongObject) */
    int small_int_min;          /* -_PY_NSMALLNEGINTS */
    int small_int_max;          /* _PY_NSMALLPOSINTS - 1 */
    /* Exact list and tuple fast paths */
    int var_size;    /* PyVarObject.ob_size: a list's or tuple's length */
    int list_items;  /* PyListObject.ob_item: the pointer to the item array */
    int tuple_items; /* PyTupleObject.ob_item: the item array itself */
    /* FOR_ITER over exact range and list iterators (CPython 3.11's private rangeiterobject and
       listiterobject: version-exact copies in jit_support.c) */
    int range_iter_index;
    int range_iter_start;
    int range_iter_step;
    int range_iter_len;
    int list_iter_index;
    int list_iter_seq; /* NULL once exhausted */
    /* Attribute caches read inline (jit/LowerFastPaths.cpp, runtime/cpython/attribute_cache.h) */
    int type_version_tag; /* PyTypeObject.tp_version_tag (32 bits) */
    int managed_values;   /* where a managed-dict instance keeps its PyDictValues pointer, from the object
                             (negative: before the header; _PyObject_ValuesPointer) */
    /* bytearray subscripts of the specialized tier */
    int bytearray_start;  /* PyByteArrayObject.ob_start: the first byte */
    int tstate_cframe;    /* PyThreadState.cframe ... */
    int cframe_use_tracing; /* ... and its use_tracing (8 bits): a tracer or profiler is active */
    int managed_dict;       /* a managed-dict instance's __dict__ pointer, from the object (NULL: none) */
    int heap_type_cached_keys; /* PyHeapTypeObject.ht_cached_keys: the instances' shared keys */
    int dict_keys_entries;  /* PyDictKeysObject.dk_nentries */
    /* A compiled frame's entry and exit inline (pyjit_frame_enter/pyjit_frame_leave's fast paths) */
    int tstate_recursion_remaining; /* PyThreadState.recursion_remaining (int) */
    int cframe_current_frame;       /* _PyCFrame.current_frame */
    int frame_previous;             /* _PyInterpreterFrame.previous */
    int frame_stacktop;             /* _PyInterpreterFrame.stacktop (int) */
    /* LOAD_GLOBAL's cache hit inline: the frame's namespaces, a dict's version, PyjitGlobalCache's fields */
    int frame_globals;              /* _PyInterpreterFrame.f_globals */
    int frame_builtins;             /* _PyInterpreterFrame.f_builtins */
    int dict_version_tag;           /* PyDictObject.ma_version_tag (uint64_t) */
    int global_cache_globals_version;
    int global_cache_builtins_version;
    int global_cache_value;
    int function_code; /* PyFunctionObject.func_code: an inlined call's callee check */
    int function_defaults; /* PyFunctionObject.func_defaults: a direct call's missing arguments */
    /* A direct call's frame pushed and popped inline (jit/DirectCalls.cpp; direct_call.c does the same in C) */
    int function_globals; /* PyFunctionObject.func_globals, func_builtins */
    int function_builtins;
    int frame_func; /* _PyInterpreterFrame's specials: f_func, f_locals, f_code, frame_obj */
    int frame_locals;
    int frame_code;
    int frame_object;
    int frame_is_entry; /* bool (8 bits) */
    int frame_owner;    /* char: FRAME_OWNED_BY_THREAD for a frame on the thread's data stack */
    int frame_owned_by_thread;
    int tstate_datastack_top; /* PyThreadState.datastack_top, datastack_limit (PyObject **) */
    int tstate_datastack_limit;
    int tstate_interp; /* PyThreadState.interp, and its eval_frame (the PEP 523 hook) */
    int interp_eval_frame;
    const void* installed_eval_hook; /* &pyjit_installed_eval_hook: the hook the direct call must find */
    int call_target_entry;           /* PyjitCallTarget.entry, calls */
    int call_target_calls;
    int direct_call_cell_code; /* PyjitDirectCallCell.code, target */
    int direct_call_cell_target;
    int call_cache_entries; /* INLINE_CACHE_ENTRIES_CALL: CALL's prev_instr during a Python call */
    int cell_ref;           /* PyCellObject.ob_ref: a cell's value (NULL: empty) */
} PyjitLayout;

void pyjit_layout_init(PyjitLayout *layout);

/* Entry of a compiled frame, as ceval's prologue: recursion check and frame linking. Returns 0, or -1
 * with RecursionError set (the frame stays unlinked; return NULL to the caller). */
int pyjit_frame_enter(PyThreadState *tstate, struct _PyInterpreterFrame *frame);

/* Normal return of a compiled frame: empty value stack, recursion count and link undone. */
void pyjit_frame_leave(PyThreadState *tstate, struct _PyInterpreterFrame *frame);

/* Hands the rest of this activation to CPython's interpreter: the frame's value stack holds `depth`
 * owned values, execution continues after code unit `prev_unit` (-1: from the start), and with
 * `throwflag` an exception is set and is raised at `prev_unit`. PYJIT_KEEP_PREV_INSTR keeps the
 * prev_instr a helper set. Undoes pyjit_frame_enter first. */
#define PYJIT_KEEP_PREV_INSTR (-2)
PyObject *pyjit_resume_in_cpython(PyThreadState *tstate, struct _PyInterpreterFrame *frame, int prev_unit,
                                  int depth, int throwflag);

/* LOAD_GLOBAL's lookup: a new reference; NULL with an exception set; or NULL without one when the name
 * is not found (CPython's interpreter then raises the exact NameError). Each site has a cache: the value
 * found for the exact states of the globals and builtins dicts, identified by their ma_version_tag
 * (3.11 gives every dict mutation a new, process-unique tag, so equal tags mean the same dicts, unchanged,
 * still holding the value). Exact, not speculative: a changed dict simply means a new lookup. */
typedef struct PyjitGlobalCache {
    uint64_t globals_version;
    uint64_t builtins_version;
    PyObject *value; /* borrowed from the dict that holds it */
    uint64_t unused;
} PyjitGlobalCache;
PyObject *pyjit_load_global(struct _PyInterpreterFrame *frame, PyObject *name, PyjitGlobalCache *cache);
/* The cached value (borrowed) when the cache holds one for these exact dicts' states, else NULL. */
static inline PyObject *pyjit_global_cache_hit(const PyjitGlobalCache *cache, PyObject *globals, PyObject *builtins) {
    if (cache->value != NULL && PyDict_CheckExact(globals) && PyDict_CheckExact(builtins) &&
        cache->globals_version == ((PyDictObject *)globals)->ma_version_tag &&
        cache->builtins_version == ((PyDictObject *)builtins)->ma_version_tag) {
        return cache->value;
    }
    return NULL;
}

/* The eval breaker's slow path, as ceval's eval_frame_handle_pending: 0 go on, -1 an exception was raised
 * (KeyboardInterrupt, ...), 1 CPython's interpreter must take over (an asynchronous exception). */
int pyjit_handle_eval_breaker(PyThreadState *tstate);

/* MAKE_CELL and COPY_FREE_VARS. */
int pyjit_make_cell(struct _PyInterpreterFrame *frame, int index);
void pyjit_copy_free_vars(struct _PyInterpreterFrame *frame, int count);

/* CALL: stack holds [method or NULL, callable or self, args...]; all of it is consumed. While a Python
 * function runs, the caller's prev_instr points at the CALL's last cache unit, as when ceval inlines the
 * call (what f_lasti and tb_lasti show without a PEP 523 hook); otherwise at the CALL itself. A bound
 * method is unpacked first, as PRECALL does; a plain Python callee is called directly
 * (direct_call.h). */
PyObject *pyjit_call(struct _PyInterpreterFrame *frame, PyObject **stack, int argc, PyObject *kwnames);

/* Exceptions raised by compiled code (see runtime/helpers.def). */
int pyjit_raise_traceback(PyThreadState *tstate);
PyObject *pyjit_handler_lasti(struct _PyInterpreterFrame *frame);
PyObject *pyjit_handler_exception(PyThreadState *tstate);
void pyjit_unwind_leave(PyThreadState *tstate, struct _PyInterpreterFrame *frame);
void pyjit_release_values(PyObject** values, int count);
/* An exception raised in a frame without a handler for it: the traceback entry, then the `depth` stack
   values (written into the frame) released and the frame left, returning NULL; with a tracer active,
   CPython's interpreter does the whole thing (throwflag 1 at prev_unit) and its result is returned. */
PyObject *pyjit_raise_and_leave(PyThreadState *tstate, struct _PyInterpreterFrame *frame, int prev_unit, int depth);
PyObject *pyjit_push_exc_info(PyThreadState *tstate, PyObject *value);
void pyjit_pop_except(PyThreadState *tstate, PyObject *value);
int pyjit_raise_varargs(PyObject *exception, PyObject *cause);

/* Generators. YIELD_VALUE: the frame suspended at `unit` with `depth` values on its stack (already
 * stored), left as ceval leaves it; the compiled code then returns the value. SEND: PyIter_Send as ceval
 * calls it without a tracer, stealing `value`. GET_YIELD_FROM_ITER: the new top of stack (a new
 * reference) or NULL with an exception; NULL without one for a coroutine (CPython decides). */
void pyjit_yield_value(PyThreadState *tstate, struct _PyInterpreterFrame *frame, int unit, int depth);
int pyjit_send(PyObject *receiver, PyObject *value, PyObject **result);
PyObject *pyjit_get_yield_from_iter(PyObject *iterable);

#ifdef __cplusplus
}
#endif

#endif
