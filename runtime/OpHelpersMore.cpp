#include "OpHelpersMore.h"

// Each helper mirrors its instruction's TARGET in CPython 3.11's Python/ceval.c: the same calls in the
// same order, the same references released in the same order. Where ceval formats an error message of
// its own, the helper asks CPython to run the instruction instead, having checked (without running
// anything observable) that the error is coming; the few messages that are still needed here are for
// errors that can only show up after code of the program ran, and are ceval's, character for character.

namespace {

// An interned string made once (names of special methods); NULL with MemoryError set.
PyObject* internedName(PyObject*& slot, const char* text) {
    if (slot == nullptr) slot = PyUnicode_InternFromString(text);
    return slot;
}

// CPython's _PyObject_LookupSpecial (internal): the attribute on the type, bound to the object.
PyObject* lookupSpecial(PyObject* self, PyObject* name) {
    PyObject* found = _PyType_Lookup(Py_TYPE(self), name);
    if (found == nullptr) return nullptr;
    descrgetfunc get = Py_TYPE(found)->tp_descr_get;
    if (get == nullptr) return Py_NewRef(found);
    return get(found, self, reinterpret_cast<PyObject*>(Py_TYPE(self)));
}

// USABLE_FRACTION(PyDict_MINSIZE): up to this many items, dict_new_presized is PyDict_New().
constexpr int kSmallDictItems = 5;
// The compiler emits BUILD_MAP with at most 16 pairs (STACK_USE_GUIDELINE); more take the heap.
constexpr int kMaxSmallMap = 16;

}  // namespace

extern "C" {

// --- namespaces and imports

int pyjit_delete_deref(PyObject* cell) {
    PyObject* old = PyCell_GET(cell);
    if (old == nullptr) return 1;  // unbound: CPython raises the exact NameError/UnboundLocalError
    PyCell_SET(cell, nullptr);
    Py_DECREF(old);
    return 0;
}

PyObject* pyjit_import_from(PyObject* from, PyObject* name) {
    // ceval's import_from: getattr, then (circular imports) sys.modules, then an ImportError of its own.
    // Natively only what getattr on a plain module finds in the module's dict without running code: no
    // ModuleType attribute of that name, so neither a descriptor nor the module's __getattr__ is involved.
    if (!PyModule_CheckExact(from) || !PyUnicode_CheckExact(name)) return nullptr;
    PyObject* dict = PyModule_GetDict(from);
    if (dict == nullptr || !PyDict_CheckExact(dict)) {
        PyErr_Clear();
        return nullptr;
    }
    if (_PyType_Lookup(&PyModule_Type, name) != nullptr) return nullptr;
    PyObject* value = PyDict_GetItemWithError(dict, name);
    if (value == nullptr) {
        PyErr_Clear();
        return nullptr;  // the rest of import_from: CPython's
    }
    return Py_NewRef(value);
}

PyObject* pyjit_load_assertion_error() { return Py_NewRef(PyExc_AssertionError); }

// --- containers

PyObject* pyjit_build_map(PyObject** items, int count) {
    // ceval: _PyDict_FromItems, which presizes for string keys when there are more than a few items.
    // _PyStack_AsDict is that function for keys in a tuple and values in an array.
    bool stringKeys = count > kSmallDictItems;
    for (int i = 0; stringKeys && i < count; i++) stringKeys = PyUnicode_CheckExact(items[2 * i]);
    PyObject* map = nullptr;
    if (stringKeys) {
        PyObject* smallValues[kMaxSmallMap];
        PyObject** values = count <= kMaxSmallMap ? smallValues : PyMem_New(PyObject*, count);
        PyObject* keys = values != nullptr ? PyTuple_New(count) : PyErr_NoMemory();
        if (keys != nullptr) {
            for (int i = 0; i < count; i++) {
                PyTuple_SET_ITEM(keys, i, Py_NewRef(items[2 * i]));
                values[i] = items[2 * i + 1];
            }
            map = _PyStack_AsDict(values, keys);
            Py_DECREF(keys);
        }
        if (values != smallValues) PyMem_Free(values);
    } else {
        map = _PyDict_NewPresized(count);
        for (int i = 0; map != nullptr && i < count; i++) {
            if (PyDict_SetItem(map, items[2 * i], items[2 * i + 1]) < 0) Py_CLEAR(map);
        }
    }
    for (int i = 2 * count - 1; i >= 0; i--) Py_DECREF(items[i]);  // popped from the top
    return map;
}

PyObject* pyjit_build_const_key_map(PyObject** items, int count) {
    PyObject* keys = items[count];
    if (!PyTuple_CheckExact(keys) || PyTuple_GET_SIZE(keys) != count) {
        return nullptr;  // SystemError "bad BUILD_CONST_KEY_MAP keys argument": CPython's
    }
    PyObject* map = _PyStack_AsDict(items, keys);  // _PyDict_FromItems(keys, 1, values, 1, count)
    Py_DECREF(keys);
    for (int i = count - 1; i >= 0; i--) Py_DECREF(items[i]);
    return map;
}

PyObject* pyjit_build_set(PyObject** items, int count) {
    PyObject* set = PySet_New(nullptr);
    if (set == nullptr) {
        for (int i = count - 1; i >= 0; i--) Py_DECREF(items[i]);  // left on the stack by ceval
        return nullptr;
    }
    int err = 0;
    for (int i = 0; i < count; i++) {
        if (err == 0) err = PySet_Add(set, items[i]);
        Py_DECREF(items[i]);
    }
    if (err != 0) Py_CLEAR(set);
    return set;
}

PyObject* pyjit_build_slice(PyObject* start, PyObject* stop, PyObject* step) {
    return PySlice_New(start, stop, step);
}

int pyjit_list_extend(PyObject* list, PyObject* iterable) {
    if (Py_TYPE(iterable)->tp_iter == nullptr && !PySequence_Check(iterable)) {
        return 1;  // TypeError "Value after * must be an iterable": CPython's
    }
    PyObject* none = _PyList_Extend(reinterpret_cast<PyListObject*>(list), iterable);
    if (none == nullptr) return -1;
    Py_DECREF(none);
    return 0;
}

int pyjit_set_update(PyObject* set, PyObject* iterable) { return _PySet_Update(set, iterable) < 0 ? -1 : 0; }

int pyjit_dict_update(PyObject* dict, PyObject* update) {
    if (PyDict_Update(dict, update) < 0) {
        // Raised by keys() or __getitem__ (code of the program ran): ceval's rewording.
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping", Py_TYPE(update)->tp_name);
        }
        return -1;
    }
    return 0;
}

int pyjit_dict_merge(PyObject* dict, PyObject* update) {
    // Natively: a dict (or a dict subclass that dict_merge iterates as a dict) of string keys none of
    // which is in `dict` yet; merging it runs no code and cannot fail but for memory. Everything else (a
    // non-mapping, a repeated keyword, a mapping whose keys() is code): CPython, which rewords the error
    // with the callee's name (format_kwargs_error).
    if (!PyDict_Check(update) || Py_TYPE(update)->tp_iter != PyDict_Type.tp_iter) return 1;
    Py_ssize_t position = 0;
    PyObject* key;
    PyObject* value;
    while (PyDict_Next(update, &position, &key, &value)) {
        if (!PyUnicode_CheckExact(key)) return 1;
        if (PyDict_GetItemWithError(dict, key) != nullptr || PyErr_Occurred()) {
            PyErr_Clear();
            return 1;
        }
    }
    return _PyDict_MergeEx(dict, update, 2) < 0 ? -1 : 0;
}

int pyjit_set_add(PyObject* set, PyObject* item) {
    int err = PySet_Add(set, item);
    Py_DECREF(item);
    return err != 0 ? -1 : 0;
}

int pyjit_map_add(PyObject* map, PyObject* key, PyObject* value) {
    // ceval: _PyDict_SetItem_Take2 (internal), which steals both.
    int err = PyDict_SetItem(map, key, value);
    Py_DECREF(key);
    Py_DECREF(value);
    return err != 0 ? -1 : 0;
}

PyObject* pyjit_list_to_tuple(PyObject* list) { return PyList_AsTuple(list); }

int pyjit_unpack_ex(PyObject* sequence, int oparg, PyObject** out) {
    // ceval's unpack_iterable, step for step (so the starred list is built, and sized, exactly as
    // there). Errors that show before anything ran are CPython's: a non-iterable, a list or tuple too
    // short. An iterator that runs dry can only be found out by running it; its message is ceval's.
    int before = oparg & 0xFF;
    int after = oparg >> 8;
    if (Py_TYPE(sequence)->tp_iter == nullptr && !PySequence_Check(sequence)) return 1;
    if ((PyList_CheckExact(sequence) || PyTuple_CheckExact(sequence)) && Py_SIZE(sequence) < before + after) {
        return 1;
    }
    PyObject** sp = out + before + 1 + after;
    int i = 0;
    PyObject* list;
    Py_ssize_t length;
    PyObject* iterator = PyObject_GetIter(sequence);
    if (iterator == nullptr) return -1;
    for (; i < before; i++) {
        PyObject* item = PyIter_Next(iterator);
        if (item == nullptr) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                             before + after, i);
            }
            goto error;
        }
        *--sp = item;
    }
    list = PySequence_List(iterator);
    if (list == nullptr) goto error;
    *--sp = list;
    i++;
    length = PyList_GET_SIZE(list);
    if (length < after) {
        PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
                     before + after, before + length);
        goto error;
    }
    for (int j = after; j > 0; j--, i++) *--sp = PyList_GET_ITEM(list, length - j);
    Py_SET_SIZE(list, length - after);
    Py_DECREF(iterator);
    return 0;
error:
    for (; i > 0; i--, sp++) Py_DECREF(*sp);
    Py_XDECREF(iterator);
    return -1;
}

// --- calls

PyObject* pyjit_call_function_ex(PyObject* func, PyObject* callargs, PyObject* kwargs) {
    // Hand-overs first, before anything ran: a non-dict **kwargs (the compiler always builds a dict) and
    // a * argument that is not iterable (ceval's check_args_iterable names the callee in its message).
    if (kwargs != nullptr && !PyDict_CheckExact(kwargs)) return nullptr;
    if (!PyTuple_CheckExact(callargs)) {
        if (Py_TYPE(callargs)->tp_iter == nullptr && !PySequence_Check(callargs)) return nullptr;
        PyObject* tuple = PySequence_Tuple(callargs);
        Py_DECREF(callargs);
        if (tuple == nullptr) {
            // CPython 3.11's error path here never releases kwargs (it leaks it, observably: a __del__
            // of something in it never runs); the same happens here. func stays on ceval's stack, so
            // unwinding releases it.
            Py_DECREF(func);
            return nullptr;
        }
        callargs = tuple;
    }
    // do_call_core without tracing (compiled code never runs while tracing) is PyObject_Call.
    PyObject* result = PyObject_Call(func, callargs, kwargs);
    Py_DECREF(func);
    Py_DECREF(callargs);
    Py_XDECREF(kwargs);
    return result;
}

int pyjit_before_with(PyObject* manager, PyObject** out) {
    static PyObject* enterName = nullptr;
    static PyObject* exitName = nullptr;
    if (internedName(enterName, "__enter__") == nullptr || internedName(exitName, "__exit__") == nullptr) {
        Py_DECREF(manager);
        return -1;
    }
    PyTypeObject* type = Py_TYPE(manager);
    if (_PyType_Lookup(type, enterName) == nullptr || _PyType_Lookup(type, exitName) == nullptr) {
        return 1;  // TypeError "... does not support the context manager protocol": CPython's
    }
    PyObject* enter = lookupSpecial(manager, enterName);
    if (enter == nullptr) {
        if (!PyErr_Occurred()) {  // a descriptor's __get__ returned NULL without an error
            PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the context manager protocol",
                         type->tp_name);
        }
        Py_DECREF(manager);
        return -1;
    }
    PyObject* exit = lookupSpecial(manager, exitName);
    if (exit == nullptr) {
        if (!PyErr_Occurred()) {  // __enter__'s __get__ removed __exit__ from the class
            PyErr_Format(PyExc_TypeError,
                         "'%.200s' object does not support the context manager protocol "
                         "(missed __exit__ method)",
                         type->tp_name);
        }
        Py_DECREF(enter);
        Py_DECREF(manager);
        return -1;
    }
    out[0] = exit;  // SET_TOP(exit)
    Py_DECREF(manager);
    PyObject* result = PyObject_CallNoArgs(enter);
    Py_DECREF(enter);
    if (result == nullptr) return -2;  // raised with __exit__ on the stack, as in ceval
    out[1] = result;
    return 0;
}

int pyjit_print_expr(PyObject* value) {
    PyObject* hook = PySys_GetObject("displayhook");  // borrowed, as ceval's _PySys_GetAttr
    if (hook == nullptr) return 1;                   // RuntimeError "lost sys.displayhook": CPython's
    PyObject* result = PyObject_CallOneArg(hook, value);
    Py_DECREF(value);
    if (result == nullptr) return -1;
    Py_DECREF(result);
    return 0;
}

// --- pattern matching

PyObject* pyjit_get_len(PyObject* subject) {
    Py_ssize_t length = PyObject_Length(subject);
    if (length < 0) return nullptr;
    return PyLong_FromSsize_t(length);
}

PyObject* pyjit_match_mapping(PyObject* subject) {
    return Py_NewRef(PyType_HasFeature(Py_TYPE(subject), Py_TPFLAGS_MAPPING) ? Py_True : Py_False);
}

PyObject* pyjit_match_sequence(PyObject* subject) {
    return Py_NewRef(PyType_HasFeature(Py_TYPE(subject), Py_TPFLAGS_SEQUENCE) ? Py_True : Py_False);
}

// ceval's match_keys. Its one message (a key repeated, which only value patterns can do and which shows
// up between calls of the mapping's get) is ceval's.
PyObject* pyjit_match_keys(PyObject* map, PyObject* keys) {
    static PyObject* getName = nullptr;
    if (internedName(getName, "get") == nullptr) return nullptr;
    Py_ssize_t count = PyTuple_GET_SIZE(keys);
    if (count == 0) return PyTuple_New(0);
    PyObject* seen = nullptr;
    PyObject* dummy = nullptr;
    PyObject* values = nullptr;
    PyObject* get = nullptr;
    int methodFound = _PyObject_GetMethod(map, getName, &get);
    if (get == nullptr) goto fail;
    seen = PySet_New(nullptr);
    if (seen == nullptr) goto fail;
    dummy = PyObject_CallNoArgs(reinterpret_cast<PyObject*>(&PyBaseObject_Type));
    if (dummy == nullptr) goto fail;
    values = PyTuple_New(count);
    if (values == nullptr) goto fail;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject* key = PyTuple_GET_ITEM(keys, i);
        if (PySet_Contains(seen, key) || PySet_Add(seen, key)) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            }
            goto fail;
        }
        PyObject* args[] = {map, key, dummy};
        PyObject* value = methodFound ? PyObject_Vectorcall(get, args, 3, nullptr)
                                      : PyObject_Vectorcall(get, &args[1], 2, nullptr);
        if (value == nullptr) goto fail;
        if (value == dummy) {  // not in the mapping: no match
            Py_DECREF(value);
            Py_DECREF(values);
            values = Py_NewRef(Py_None);
            break;
        }
        PyTuple_SET_ITEM(values, i, value);
    }
    Py_DECREF(get);
    Py_DECREF(seen);
    Py_DECREF(dummy);
    return values;
fail:
    Py_XDECREF(get);
    Py_XDECREF(seen);
    Py_XDECREF(dummy);
    Py_XDECREF(values);
    return nullptr;
}

}  // extern "C"

namespace {

// ceval's match_class_attr: NULL with no error set means "no match".
PyObject* matchClassAttribute(PyObject* subject, PyObject* type, PyObject* name, PyObject* seen) {
    if (PySet_Contains(seen, name) || PySet_Add(seen, name)) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                         reinterpret_cast<PyTypeObject*>(type)->tp_name, name);
        }
        return nullptr;
    }
    PyObject* attribute = PyObject_GetAttr(subject, name);
    if (attribute == nullptr && PyErr_ExceptionMatches(PyExc_AttributeError)) PyErr_Clear();
    return attribute;
}

// ceval's match_class: a tuple of attributes; NULL without an error for "no match".
PyObject* matchClass(PyObject* subject, PyObject* type, Py_ssize_t nargs, PyObject* kwargs) {
    if (PyObject_IsInstance(subject, type) <= 0) return nullptr;
    PyObject* seen = PySet_New(nullptr);
    if (seen == nullptr) return nullptr;
    PyObject* attrs = PyList_New(0);
    if (attrs == nullptr) {
        Py_DECREF(seen);
        return nullptr;
    }
    PyObject* matchArgs = nullptr;
    auto* typeObject = reinterpret_cast<PyTypeObject*>(type);
    if (nargs) {
        bool matchSelf = false;
        matchArgs = PyObject_GetAttrString(type, "__match_args__");
        if (matchArgs != nullptr) {
            if (!PyTuple_CheckExact(matchArgs)) {
                PyErr_Format(PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)", typeObject->tp_name,
                             Py_TYPE(matchArgs)->tp_name);
                goto fail;
            }
        } else if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            matchArgs = PyTuple_New(0);
            matchSelf = PyType_HasFeature(typeObject, _Py_TPFLAGS_MATCH_SELF);
        } else {
            goto fail;
        }
        Py_ssize_t allowed = matchSelf ? 1 : PyTuple_GET_SIZE(matchArgs);
        if (allowed < nargs) {
            PyErr_Format(PyExc_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)", typeObject->tp_name,
                         static_cast<int>(allowed), allowed == 1 ? "" : "s", static_cast<int>(nargs));
            goto fail;
        }
        if (matchSelf) {
            PyList_Append(attrs, subject);
        } else {
            for (Py_ssize_t i = 0; i < nargs; i++) {
                PyObject* name = PyTuple_GET_ITEM(matchArgs, i);
                if (!PyUnicode_CheckExact(name)) {
                    PyErr_Format(PyExc_TypeError, "__match_args__ elements must be strings (got %s)",
                                 Py_TYPE(name)->tp_name);
                    goto fail;
                }
                PyObject* attribute = matchClassAttribute(subject, type, name, seen);
                if (attribute == nullptr) goto fail;
                PyList_Append(attrs, attribute);
                Py_DECREF(attribute);
            }
        }
        Py_CLEAR(matchArgs);
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwargs); i++) {
        PyObject* name = PyTuple_GET_ITEM(kwargs, i);
        PyObject* attribute = matchClassAttribute(subject, type, name, seen);
        if (attribute == nullptr) goto fail;
        PyList_Append(attrs, attribute);
        Py_DECREF(attribute);
    }
    Py_SETREF(attrs, PyList_AsTuple(attrs));
    Py_DECREF(seen);
    return attrs;
fail:
    Py_XDECREF(matchArgs);
    Py_DECREF(seen);
    Py_DECREF(attrs);
    return nullptr;
}

}  // namespace

extern "C" PyObject* pyjit_match_class(PyObject* subject, PyObject* type, int count, PyObject* names) {
    if (!PyType_Check(type)) return nullptr;  // TypeError "called match pattern must be a type": CPython's
    PyObject* attrs = matchClass(subject, type, count, names);
    if (attrs == nullptr && !PyErr_Occurred()) return Py_NewRef(Py_None);  // no match
    return attrs;
}
