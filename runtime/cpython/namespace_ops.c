#define Py_BUILD_CORE 1
#include <Python.h>
#include <internal/pycore_frame.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_pystate.h>
#include <internal/pycore_runtime.h>

#include "namespace_ops.h"

/* ceval.c's messages, for the few errors raised after code of the program already ran (a namespace with
 * a __getitem__ of its own missed): there CPython cannot be asked to run the instruction again. */
#define NAME_ERROR_MSG "name '%.200s' is not defined"
#define UNBOUNDLOCAL_ERROR_MSG "cannot access local variable '%s' where it is not associated with a value"
#define UNBOUNDFREE_ERROR_MSG \
    "cannot access free variable '%s' where it is not associated with a value in enclosing scope"

/* As ceval's format_exc_check_arg: the message, and NameError.name for "Did you mean". */
static void format_check_arg(PyObject *exc, const char *format, PyObject *name) {
    const char *text = PyUnicode_AsUTF8(name);
    if (text == NULL) {
        return;
    }
    PyErr_Format(exc, format, text);
    if (exc == PyExc_NameError) {
        PyObject *type, *value, *traceback;
        PyErr_Fetch(&type, &value, &traceback);
        PyErr_NormalizeException(&type, &value, &traceback);
        if (PyErr_GivenExceptionMatches(value, PyExc_NameError)) {
            if (((PyNameErrorObject *)value)->name == NULL) {
                (void)PyObject_SetAttr(value, &_Py_ID(name), name);
            }
        }
        PyErr_Restore(type, value, traceback);
    }
}

/* True when PyObject_GetItem(mapping, key) behaves as PyDict_GetItemWithError plus a KeyError, without
 * running code: a dict, or a dict subclass that overrides neither __getitem__ nor __missing__. */
static int reads_like_dict(PyObject *mapping) {
    if (PyDict_CheckExact(mapping)) {
        return 1;
    }
    if (!PyDict_Check(mapping)) {
        return 0;
    }
    PyTypeObject *type = Py_TYPE(mapping);
    return type->tp_as_mapping != NULL &&
           type->tp_as_mapping->mp_subscript == PyDict_Type.tp_as_mapping->mp_subscript &&
           _PyType_Lookup(type, &_Py_ID(__missing__)) == NULL;
}

/* The first namespace of LOAD_NAME and LOAD_CLASSDEREF, f_locals: a new reference; NULL with an exception
 * set; or NULL without one when the name is not there, with *ran_code set when the program's own
 * __getitem__ ran (a "not found" must then be raised here: CPython cannot be asked to run it again). */
static PyObject *lookup_locals(PyObject *locals, PyObject *name, int *ran_code) {
    *ran_code = 0;
    if (reads_like_dict(locals)) {
        return Py_XNewRef(PyDict_GetItemWithError(locals, name));
    }
    PyObject *value = PyObject_GetItem(locals, name);
    if (value != NULL || !PyErr_ExceptionMatches(PyExc_KeyError)) {
        return value;
    }
    PyErr_Clear();
    *ran_code = 1;
    return NULL;
}

/* Likewise for PyObject_DelItem: a dict, or a dict subclass that does not override __delitem__. */
static int deletes_like_dict(PyObject *mapping) {
    if (PyDict_CheckExact(mapping)) {
        return 1;
    }
    PyTypeObject *type = Py_TYPE(mapping);
    return PyDict_Check(mapping) && type->tp_as_mapping != NULL &&
           type->tp_as_mapping->mp_ass_subscript == PyDict_Type.tp_as_mapping->mp_ass_subscript;
}

PyObject *pyjit_load_name(_PyInterpreterFrame *frame, PyObject *name) {
    PyObject *locals = frame->f_locals;
    PyObject *builtins = frame->f_builtins;
    if (locals == NULL || !reads_like_dict(builtins)) {
        return NULL; /* SystemError "no locals", or builtins with a __getitem__ of their own */
    }
    int ran_code;
    PyObject *value = lookup_locals(locals, name, &ran_code);
    if (value != NULL || PyErr_Occurred()) {
        return value;
    }
    value = PyDict_GetItemWithError(frame->f_globals, name);
    if (value == NULL && !PyErr_Occurred()) {
        value = PyDict_GetItemWithError(builtins, name);
    }
    if (value != NULL) {
        return Py_NewRef(value);
    }
    if (!PyErr_Occurred() && ran_code) {
        format_check_arg(PyExc_NameError, NAME_ERROR_MSG, name);
    }
    return NULL; /* an error, or not found: CPython raises the NameError */
}

int pyjit_store_name(_PyInterpreterFrame *frame, PyObject *name, PyObject *value) {
    PyObject *ns = frame->f_locals;
    if (ns == NULL) {
        return 1; /* SystemError "no locals found when storing": CPython's */
    }
    int err = PyDict_CheckExact(ns) ? PyDict_SetItem(ns, name, value) : PyObject_SetItem(ns, name, value);
    return err != 0 ? -1 : 0;
}

int pyjit_delete_name(_PyInterpreterFrame *frame, PyObject *name) {
    PyObject *ns = frame->f_locals;
    if (ns == NULL) {
        return 1;
    }
    if (deletes_like_dict(ns)) {
        if (PyDict_GetItemWithError(ns, name) == NULL) {
            PyErr_Clear();
            return 1; /* unbound: CPython raises the NameError */
        }
        if (PyDict_DelItem(ns, name) == 0) {
            return 0;
        }
    }
    else if (PyObject_DelItem(ns, name) == 0) {
        return 0;
    }
    format_check_arg(PyExc_NameError, NAME_ERROR_MSG, name);
    return -1;
}

PyObject *pyjit_load_classderef(_PyInterpreterFrame *frame, int index) {
    PyObject *locals = frame->f_locals;
    if (locals == NULL) {
        return NULL;
    }
    PyCodeObject *code = frame->f_code;
    PyObject *name = PyTuple_GET_ITEM(code->co_localsplusnames, index);
    int ran_code;
    PyObject *value = lookup_locals(locals, name, &ran_code);
    if (value != NULL || PyErr_Occurred()) {
        return value;
    }
    value = PyCell_GET(frame->localsplus[index]);
    if (value != NULL) {
        return Py_NewRef(value);
    }
    if (ran_code) { /* as ceval's format_exc_unbound */
        if (index < code->co_nplaincellvars + code->co_nlocals) {
            format_check_arg(PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG, name);
        }
        else {
            format_check_arg(PyExc_NameError, UNBOUNDFREE_ERROR_MSG, name);
        }
    }
    return NULL;
}

int pyjit_store_global(_PyInterpreterFrame *frame, PyObject *name, PyObject *value) {
    return PyDict_SetItem(frame->f_globals, name, value) != 0 ? -1 : 0;
}

int pyjit_delete_global(_PyInterpreterFrame *frame, PyObject *name) {
    PyObject *globals = frame->f_globals;
    if (PyDict_GetItemWithError(globals, name) == NULL) {
        PyErr_Clear();
        return 1; /* unbound: CPython raises the NameError */
    }
    if (PyDict_DelItem(globals, name) == 0) {
        return 0;
    }
    if (PyErr_ExceptionMatches(PyExc_KeyError)) {
        format_check_arg(PyExc_NameError, NAME_ERROR_MSG, name);
    }
    return -1;
}

/* As ceval's import_name. */
PyObject *pyjit_import_name(_PyInterpreterFrame *frame, PyObject *name, PyObject *fromlist, PyObject *level) {
    PyThreadState *tstate = _PyThreadState_GET();
    if (!PyDict_Check(frame->f_builtins)) {
        return NULL;
    }
    PyObject *import_func = PyDict_GetItemWithError(frame->f_builtins, &_Py_ID(__import__));
    if (import_func == NULL) {
        return NULL; /* an error, or ImportError "__import__ not found": CPython's */
    }
    PyObject *locals = frame->f_locals;
    if (import_func == tstate->interp->import_func) {
        int ilevel = _PyLong_AsInt(level);
        if (ilevel == -1 && PyErr_Occurred()) {
            return NULL;
        }
        return PyImport_ImportModuleLevelObject(name, frame->f_globals, locals == NULL ? Py_None : locals,
                                                fromlist, ilevel);
    }
    Py_INCREF(import_func);
    PyObject *stack[5] = {name, frame->f_globals, locals == NULL ? Py_None : locals, fromlist, level};
    PyObject *result = PyObject_Vectorcall(import_func, stack, 5, NULL);
    Py_DECREF(import_func);
    return result;
}

/* IMPORT_STAR for a plain module whose names are all strings, as ceval's import_all_from. Module code has
 * no fast locals, so _PyFrame_FastToLocalsWithError and _PyFrame_LocalsToFast have nothing to do. */
int pyjit_import_star(_PyInterpreterFrame *frame, PyObject *from) {
    PyObject *locals = frame->f_locals;
    if (locals == NULL || frame->f_code->co_nlocalsplus != 0 || !PyModule_CheckExact(from)) {
        return 1;
    }
    PyObject *dict = PyModule_GetDict(from);
    if (dict == NULL || !PyDict_CheckExact(dict)) {
        PyErr_Clear();
        return 1;
    }
    /* ModuleType has no __all__, so getattr(module, "__all__") is the module dict's entry; without one,
     * a module __getattr__ would run: CPython's. */
    PyObject *all = PyDict_GetItemWithError(dict, &_Py_ID(__all__));
    int skip_leading_underscores = 0;
    if (all != NULL) {
        Py_INCREF(all);
    }
    else {
        if (PyErr_Occurred() || PyDict_GetItemWithError(dict, &_Py_ID(__getattr__)) != NULL || PyErr_Occurred()) {
            PyErr_Clear();
            return 1;
        }
        all = PyDict_Keys(dict); /* PyMapping_Keys(module.__dict__) */
        if (all == NULL) {
            return -1;
        }
        skip_leading_underscores = 1;
    }
    /* A list or tuple of strings; anything else (and the TypeError for a non-string name): CPython's. */
    if (!PyList_CheckExact(all) && !PyTuple_CheckExact(all)) {
        Py_DECREF(all);
        return 1;
    }
    Py_ssize_t count = PySequence_Fast_GET_SIZE(all);
    for (Py_ssize_t i = 0; i < count; i++) {
        if (!PyUnicode_Check(PySequence_Fast_GET_ITEM(all, i))) {
            Py_DECREF(all);
            return 1;
        }
    }
    int err = 0;
    for (Py_ssize_t pos = 0;; pos++) {
        PyObject *name = PySequence_GetItem(all, pos);
        if (name == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_IndexError)) {
                err = -1;
            }
            else {
                PyErr_Clear();
            }
            break;
        }
        if (!PyUnicode_Check(name)) {
            /* Only when a __getattr__ or a __del__ rewrote __all__ meanwhile: ceval's message. */
            PyObject *modname = PyObject_GetAttr(from, &_Py_ID(__name__));
            if (modname != NULL) {
                if (!PyUnicode_Check(modname)) {
                    PyErr_Format(PyExc_TypeError, "module __name__ must be a string, not %.100s",
                                 Py_TYPE(modname)->tp_name);
                }
                else {
                    PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                                 skip_leading_underscores ? "Key" : "Item", modname,
                                 skip_leading_underscores ? "__dict__" : "__all__", Py_TYPE(name)->tp_name);
                }
                Py_DECREF(modname);
            }
            Py_DECREF(name);
            err = -1;
            break;
        }
        if (skip_leading_underscores) {
            if (PyUnicode_READY(name) == -1) {
                Py_DECREF(name);
                err = -1;
                break;
            }
            if (PyUnicode_READ_CHAR(name, 0) == '_') {
                Py_DECREF(name);
                continue;
            }
        }
        PyObject *value = PyObject_GetAttr(from, name);
        if (value == NULL) {
            err = -1;
        }
        else if (PyDict_CheckExact(locals)) {
            err = PyDict_SetItem(locals, name, value);
        }
        else {
            err = PyObject_SetItem(locals, name, value);
        }
        Py_DECREF(name);
        Py_XDECREF(value);
        if (err != 0) {
            break;
        }
    }
    Py_DECREF(all);
    return err != 0 ? -1 : 0;
}

int pyjit_setup_annotations(_PyInterpreterFrame *frame) {
    PyObject *locals = frame->f_locals;
    if (locals == NULL) {
        return 1;
    }
    PyObject *annotations;
    if (PyDict_CheckExact(locals)) {
        annotations = PyDict_GetItemWithError(locals, &_Py_ID(__annotations__));
        if (annotations != NULL) {
            return 0;
        }
        if (PyErr_Occurred()) {
            return -1;
        }
        annotations = PyDict_New();
        if (annotations == NULL) {
            return -1;
        }
        int err = PyDict_SetItem(locals, &_Py_ID(__annotations__), annotations);
        Py_DECREF(annotations);
        return err != 0 ? -1 : 0;
    }
    annotations = PyObject_GetItem(locals, &_Py_ID(__annotations__));
    if (annotations != NULL) {
        Py_DECREF(annotations);
        return 0;
    }
    if (!PyErr_ExceptionMatches(PyExc_KeyError)) {
        return -1;
    }
    PyErr_Clear();
    annotations = PyDict_New();
    if (annotations == NULL) {
        return -1;
    }
    int err = PyObject_SetItem(locals, &_Py_ID(__annotations__), annotations);
    Py_DECREF(annotations);
    return err != 0 ? -1 : 0;
}

PyObject *pyjit_load_build_class(_PyInterpreterFrame *frame) {
    PyObject *builtins = frame->f_builtins;
    if (!reads_like_dict(builtins)) {
        return NULL;
    }
    PyObject *build_class = PyDict_GetItemWithError(builtins, &_Py_ID(__build_class__));
    /* Not found: CPython raises NameError "__build_class__ not found". */
    return Py_XNewRef(build_class);
}

PyObject *pyjit_make_function(_PyInterpreterFrame *frame, PyObject **items, int oparg) {
    int last = 0;
    for (int flag = 0x01; flag <= 0x08; flag <<= 1) {
        last += (oparg & flag) != 0;
    }
    PyObject *code = items[last];
    PyFunctionObject *func = (PyFunctionObject *)PyFunction_New(code, frame->f_globals);
    Py_DECREF(code);
    if (func == NULL) {
        for (int k = last - 1; k >= 0; k--) { /* as unwinding the value stack would */
            Py_DECREF(items[k]);
        }
        return NULL;
    }
    int k = last - 1;
    if (oparg & 0x08) {
        func->func_closure = items[k--];
    }
    if (oparg & 0x04) {
        func->func_annotations = items[k--];
    }
    if (oparg & 0x02) {
        func->func_kwdefaults = items[k--];
    }
    if (oparg & 0x01) {
        func->func_defaults = items[k--];
    }
    return (PyObject *)func;
}
