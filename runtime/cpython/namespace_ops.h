/* Instruction helpers that read frame fields (f_locals, f_globals, f_builtins, f_code, localsplus):
 * LOAD_NAME and its family, imports, class building. Compiled as C with Py_BUILD_CORE; listed in
 * runtime/helpers.def.
 *
 * Results follow helpers.def: an object result is a new reference, NULL with an exception set (the
 * instruction raised) or NULL without one (CPython's interpreter must run the instruction: the compiled
 * code hands the frame over before it, inputs untouched). Int results: 0 done, -1 raised, 1 hand over.
 * A helper asks for a hand-over only before it has run any code that could be observed, so CPython
 * repeats nothing. Helpers do not steal their inputs unless the comment says so. */
#ifndef PYJIT_RUNTIME_CPYTHON_NAMESPACE_OPS_H
#define PYJIT_RUNTIME_CPYTHON_NAMESPACE_OPS_H

#include <Python.h>

#ifdef __cplusplus
extern "C" {
#endif

struct _PyInterpreterFrame;

/* LOAD_NAME: locals, then globals, then builtins. Hands over for a missing name (NameError), missing
 * locals (SystemError) and builtins that are not a dict. */
PyObject *pyjit_load_name(struct _PyInterpreterFrame *frame, PyObject *name);
/* STORE_NAME: 0, -1, or 1 when the frame has no locals. */
int pyjit_store_name(struct _PyInterpreterFrame *frame, PyObject *name, PyObject *value);
/* DELETE_NAME: 0, -1, or 1 (no locals; the name is not bound in a dict namespace). */
int pyjit_delete_name(struct _PyInterpreterFrame *frame, PyObject *name);
/* LOAD_CLASSDEREF: locals, then the cell localsplus[index]. Hands over when both miss. */
PyObject *pyjit_load_classderef(struct _PyInterpreterFrame *frame, int index);
/* STORE_GLOBAL: 0 or -1. DELETE_GLOBAL: 0, -1, or 1 when the name is not bound. */
int pyjit_store_global(struct _PyInterpreterFrame *frame, PyObject *name, PyObject *value);
int pyjit_delete_global(struct _PyInterpreterFrame *frame, PyObject *name);

/* IMPORT_NAME: hands over when builtins has no __import__. */
PyObject *pyjit_import_name(struct _PyInterpreterFrame *frame, PyObject *name, PyObject *fromlist,
                            PyObject *level);
/* IMPORT_STAR (module code): 0, -1, or 1 for everything but a plain module whose __all__ (or __dict__)
 * holds strings only. */
int pyjit_import_star(struct _PyInterpreterFrame *frame, PyObject *from);
/* SETUP_ANNOTATIONS: 0, -1, or 1 when the frame has no locals. */
int pyjit_setup_annotations(struct _PyInterpreterFrame *frame);
/* LOAD_BUILD_CLASS: builtins.__build_class__; hands over when it is missing. */
PyObject *pyjit_load_build_class(struct _PyInterpreterFrame *frame);
/* MAKE_FUNCTION: items[0..n) are the stack entries bottom to top: [defaults] [kwdefaults] [annotations]
 * [closure] code, as the oparg's flag bits say. Steals all of them, even on failure. */
PyObject *pyjit_make_function(struct _PyInterpreterFrame *frame, PyObject **items, int oparg);

#ifdef __cplusplus
}
#endif

#endif
