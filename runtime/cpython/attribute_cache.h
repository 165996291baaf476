/* Per-site attribute caches of compiled code, as CPython 3.11's LOAD_ATTR_INSTANCE_VALUE,
 * LOAD_ATTR_SLOT, LOAD_METHOD_WITH_VALUES, LOAD_METHOD_NO_DICT, STORE_ATTR_INSTANCE_VALUE and STORE_ATTR_SLOT
 * specializations cache: what a
 * lookup found for one owner type, validated on every use by the type's tp_version_tag (which changes
 * whenever the type or a base changes) and, for methods, by the instance's shared keys. A failed check
 * simply means the generic lookup; nothing is speculated. */
#ifndef PYJIT_RUNTIME_CPYTHON_ATTRIBUTE_CACHE_H
#define PYJIT_RUNTIME_CPYTHON_ATTRIBUTE_CACHE_H

#include <Python.h>

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a cache entry holds (compiled code reads the INSTANCE_VALUE and SLOT entries inline). */
enum PyjitAttributeKind {
    PYJIT_ATTRIBUTE_UNCACHED = 0,     /* nothing to cache for this type (recorded so as not to retry) */
    PYJIT_ATTRIBUTE_INSTANCE_VALUE,   /* in the instance's inline values, at `index` */
    PYJIT_ATTRIBUTE_METHOD_WITH_VALUES, /* `method`, unless the instance has its own attribute */
    PYJIT_ATTRIBUTE_METHOD_NO_DICT,   /* `method`; instances have no __dict__ */
    PYJIT_ATTRIBUTE_SLOT,             /* a __slots__ member (an object pointer at byte offset `index`) */
};

/* Zeroed memory per site (six 64-bit words; jit/ allocates it with newSiteCache). */
typedef struct PyjitAttributeCache {
    uint32_t type_version; /* 0: empty */
    uint32_t kind;         /* PyjitAttributeKind */
    Py_ssize_t index;      /* instance values: the attribute's index in the type's shared keys; slots: the
                              member's byte offset in the instance */
    PyObject *method;      /* methods: the function found on the type (borrowed; the type keeps it) */
    void *keys;            /* methods with instance values: the type's shared keys ... */
    Py_ssize_t keys_entries; /* ... and their entry count when the name was not among them */
    uint64_t unused;
} PyjitAttributeCache;

/* LOAD_ATTR, LOAD_METHOD and STORE_ATTR with a cache; the same contracts as pyjit_load_attr,
 * pyjit_load_method and pyjit_store_attr (runtime/helpers.def). */
PyObject *pyjit_load_attr_cached(PyObject *owner, PyObject *name, PyjitAttributeCache *cache);
int pyjit_load_method_cached(PyObject *owner, PyObject *name, PyObject **out, PyjitAttributeCache *cache);
int pyjit_store_attr_cached(PyObject *owner, PyObject *name, PyObject *value, PyjitAttributeCache *cache);

#ifdef __cplusplus
}
#endif

#endif
