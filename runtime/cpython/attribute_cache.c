#define Py_BUILD_CORE 1
#include <Python.h>
#include <internal/pycore_dict.h>
#include <internal/pycore_object.h>
#include <structmember.h>

#include "attribute_cache.h"

/* The generic helpers (runtime/OpHelpers.cpp): every miss goes through them. */
PyObject *pyjit_load_attr(PyObject *owner, PyObject *name);
int pyjit_load_method(PyObject *owner, PyObject *name, PyObject **out);
int pyjit_store_attr(PyObject *owner, PyObject *name, PyObject *value);


/* Where `name` is in shared keys, or -1. Keys are compared by value (hash first: a dict's keys have
 * theirs computed), so that "absent" is exact. */
static Py_ssize_t shared_keys_index(PyDictKeysObject *keys, PyObject *name) {
    if (keys == NULL || keys->dk_kind != DICT_KEYS_SPLIT) {
        return -1;
    }
    Py_hash_t hash = PyObject_Hash(name); /* cached in the str */
    PyDictUnicodeEntry *entries = DK_UNICODE_ENTRIES(keys);
    for (Py_ssize_t i = 0; i < keys->dk_nentries; i++) {
        PyObject *key = entries[i].me_key;
        if (key == name) {
            return i;
        }
        if (key != NULL && ((PyASCIIObject *)key)->hash == hash && PyUnicode_Compare(key, name) == 0) {
            return i;
        }
    }
    return -1;
}

/* specialize.c's analyze_descriptor, the part that matters here: what the type has under `name` lets
 * the instance's own attribute win, now and for as long as the type's version tag stays (a descriptor
 * of a mutable class could gain __set__ without the owner type changing). */
static int instance_attribute_wins(PyObject *descriptor) {
    if (descriptor == NULL) {
        return 1;
    }
    PyTypeObject *descriptor_type = Py_TYPE(descriptor);
    return (descriptor_type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) != 0 && descriptor_type->tp_descr_set == NULL;
}

/* Records what was found for `type` (whose version tag the lookup may have just assigned). */
static void record(PyjitAttributeCache *cache, PyTypeObject *type, uint32_t kind) {
    int valid = (type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) != 0 && type->tp_version_tag != 0;
    cache->kind = valid ? kind : PYJIT_ATTRIBUTE_UNCACHED;
    cache->type_version = valid ? type->tp_version_tag : 0;
}

/* specialize.c's OBJECT_SLOT: a member descriptor of a __slots__ entry (T_OBJECT_EX), which as a data
 * descriptor wins over any instance attribute, read without an audit hook and written unless read-only.
 * Its class must be one of the owner's (else the descriptor raises TypeError). */
static int is_slot_member(PyObject *descriptor, PyTypeObject *type, int store) {
    if (descriptor == NULL || Py_TYPE(descriptor) != &PyMemberDescr_Type) {
        return 0;
    }
    PyMemberDescrObject *member = (PyMemberDescrObject *)descriptor;
    int flags = member->d_member->flags;
    return member->d_member->type == T_OBJECT_EX && (flags & (store ? READONLY : PY_AUDIT_READ)) == 0 &&
           PyType_IsSubtype(type, PyDescr_TYPE(member));
}

static void fill_instance_value(PyjitAttributeCache *cache, PyTypeObject *type, PyObject *name, int store) {
    int generic = store ? type->tp_setattro == PyObject_GenericSetAttr : type->tp_getattro == PyObject_GenericGetAttr;
    if (!generic || !PyUnicode_CheckExact(name)) {
        record(cache, type, PYJIT_ATTRIBUTE_UNCACHED);
        return;
    }
    PyObject *descriptor = _PyType_Lookup(type, name);
    if (is_slot_member(descriptor, type, store)) {
        cache->index = ((PyMemberDescrObject *)descriptor)->d_member->offset;
        record(cache, type, PYJIT_ATTRIBUTE_SLOT);
        return;
    }
    if ((type->tp_flags & Py_TPFLAGS_MANAGED_DICT) == 0) {
        record(cache, type, PYJIT_ATTRIBUTE_UNCACHED);
        return;
    }
    Py_ssize_t index = shared_keys_index(((PyHeapTypeObject *)type)->ht_cached_keys, name);
    if (!instance_attribute_wins(descriptor) || index < 0) {
        record(cache, type, PYJIT_ATTRIBUTE_UNCACHED);
        return;
    }
    cache->index = index;
    record(cache, type, PYJIT_ATTRIBUTE_INSTANCE_VALUE);
}

static int cache_matches(PyjitAttributeCache *cache, PyTypeObject *type) {
    return cache->type_version == type->tp_version_tag && cache->type_version != 0;
}

PyObject *pyjit_load_attr_cached(PyObject *owner, PyObject *name, PyjitAttributeCache *cache) {
    PyTypeObject *type = Py_TYPE(owner);
    if (!cache_matches(cache, type)) {
        fill_instance_value(cache, type, name, 0);
    }
    if (cache_matches(cache, type) && cache->kind == PYJIT_ATTRIBUTE_INSTANCE_VALUE) {
        PyDictValues *values = *_PyObject_ValuesPointer(owner);
        PyObject *value = values != NULL ? values->values[cache->index] : NULL;
        if (value != NULL) {
            return Py_NewRef(value);
        }
    } else if (cache_matches(cache, type) && cache->kind == PYJIT_ATTRIBUTE_SLOT) {
        PyObject *value = *(PyObject **)((char *)owner + cache->index);
        if (value != NULL) { /* empty: the generic path raises the AttributeError */
            return Py_NewRef(value);
        }
    }
    return pyjit_load_attr(owner, name);
}

int pyjit_store_attr_cached(PyObject *owner, PyObject *name, PyObject *value, PyjitAttributeCache *cache) {
    PyTypeObject *type = Py_TYPE(owner);
    if (!cache_matches(cache, type)) {
        fill_instance_value(cache, type, name, 1);
    }
    if (cache_matches(cache, type) && cache->kind == PYJIT_ATTRIBUTE_INSTANCE_VALUE) {
        /* Replacing a present value, as STORE_ATTR_INSTANCE_VALUE; a new one also updates the insertion
         * order, which the generic path does. */
        PyDictValues *values = *_PyObject_ValuesPointer(owner);
        PyObject *old = values != NULL ? values->values[cache->index] : NULL;
        if (old != NULL) {
            values->values[cache->index] = Py_NewRef(value);
            Py_DECREF(old);
            return 0;
        }
    } else if (cache_matches(cache, type) && cache->kind == PYJIT_ATTRIBUTE_SLOT && value != NULL) {
        PyObject **slot = (PyObject **)((char *)owner + cache->index); /* as PyMember_SetOne */
        PyObject *old = *slot;
        *slot = Py_NewRef(value);
        Py_XDECREF(old);
        return 0;
    }
    return pyjit_store_attr(owner, name, value);
}

/* specialize.c's LOAD_METHOD cases for instances: a method on the type that no instance attribute
 * shadows. */
static void fill_method(PyjitAttributeCache *cache, PyTypeObject *type, PyObject *name) {
    if (type->tp_getattro != PyObject_GenericGetAttr || !PyUnicode_CheckExact(name)) {
        record(cache, type, PYJIT_ATTRIBUTE_UNCACHED);
        return;
    }
    PyObject *method = _PyType_Lookup(type, name);
    if (method == NULL || (Py_TYPE(method)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) == 0 ||
        !instance_attribute_wins(method)) {
        record(cache, type, PYJIT_ATTRIBUTE_UNCACHED);
        return;
    }
    cache->method = method;
    if (type->tp_flags & Py_TPFLAGS_MANAGED_DICT) {
        PyDictKeysObject *keys = ((PyHeapTypeObject *)type)->ht_cached_keys;
        if (keys == NULL || keys->dk_kind != DICT_KEYS_SPLIT || shared_keys_index(keys, name) >= 0) {
            record(cache, type, PYJIT_ATTRIBUTE_UNCACHED);
            return;
        }
        /* Shared keys only ever grow: the same keys with the same entry count still lack the name. */
        cache->keys = keys;
        cache->keys_entries = keys->dk_nentries;
        record(cache, type, PYJIT_ATTRIBUTE_METHOD_WITH_VALUES);
    } else if (type->tp_dictoffset == 0) {
        record(cache, type, PYJIT_ATTRIBUTE_METHOD_NO_DICT);
    } else {
        record(cache, type, PYJIT_ATTRIBUTE_UNCACHED);
    }
}

static int method_not_shadowed(PyjitAttributeCache *cache, PyObject *owner, PyTypeObject *type) {
    if (cache->kind == PYJIT_ATTRIBUTE_METHOD_NO_DICT) {
        return 1;
    }
    if (cache->kind != PYJIT_ATTRIBUTE_METHOD_WITH_VALUES || *_PyObject_ManagedDictPointer(owner) != NULL) {
        return 0; /* an instance with a real __dict__ is looked up the generic way */
    }
    PyDictKeysObject *keys = ((PyHeapTypeObject *)type)->ht_cached_keys;
    return keys == cache->keys && keys->dk_nentries == cache->keys_entries;
}

int pyjit_load_method_cached(PyObject *owner, PyObject *name, PyObject **out, PyjitAttributeCache *cache) {
    PyTypeObject *type = Py_TYPE(owner);
    if (!cache_matches(cache, type)) {
        fill_method(cache, type, name);
    }
    if (cache_matches(cache, type) && method_not_shadowed(cache, owner, type)) {
        out[0] = Py_NewRef(cache->method);
        out[1] = owner; /* the owner's reference moves into the self slot */
        return 0;
    }
    return pyjit_load_method(owner, name, out);
}
