// Op helpers for the instruction groups lowered in jit/LowerMore.cpp (public C API only). Helpers that
// need frame fields live in runtime/cpython/namespace_ops.c. Listed in runtime/helpers.def.
//
// Results follow helpers.def: an object result is a new reference, NULL with an exception set (raised) or
// NULL without one (hand the frame to CPython before the instruction, inputs untouched). Int results:
// 0 done, -1 raised, 1 hand over. A helper asks for a hand-over only before it ran anything observable.
// Helpers that steal do so on every path except a hand-over.
#pragma once

#include <Python.h>

extern "C" {
// Namespaces and imports.
int pyjit_delete_deref(PyObject* cell);                    // 0, or 1 when unbound
PyObject* pyjit_import_from(PyObject* from, PyObject* name);  // hands over unless a plain module's dict has it
PyObject* pyjit_load_assertion_error();

// Containers.
PyObject* pyjit_build_map(PyObject** items, int count);        // [k0, v0, k1, v1, ...]; steals
PyObject* pyjit_build_const_key_map(PyObject** items, int count);  // [v0 .. v(n-1), keys]; steals
PyObject* pyjit_build_set(PyObject** items, int count);        // steals
PyObject* pyjit_build_slice(PyObject* start, PyObject* stop, PyObject* step);  // step may be NULL
int pyjit_list_extend(PyObject* list, PyObject* iterable);
int pyjit_set_update(PyObject* set, PyObject* iterable);
int pyjit_dict_update(PyObject* dict, PyObject* update);
int pyjit_dict_merge(PyObject* dict, PyObject* update);
int pyjit_set_add(PyObject* set, PyObject* item);              // steals the item
int pyjit_map_add(PyObject* map, PyObject* key, PyObject* value);  // steals key and value
PyObject* pyjit_list_to_tuple(PyObject* list);
int pyjit_unpack_ex(PyObject* sequence, int oparg, PyObject** out);  // out: bottom to top

// Calls.
PyObject* pyjit_call_function_ex(PyObject* func, PyObject* callargs, PyObject* kwargs);  // steals
int pyjit_before_with(PyObject* manager, PyObject** out);      // out: [__exit__, result]; steals the manager
int pyjit_print_expr(PyObject* value);                         // steals the value

// Pattern matching.
PyObject* pyjit_get_len(PyObject* subject);
PyObject* pyjit_match_class(PyObject* subject, PyObject* type, int count, PyObject* names);  // tuple or None
PyObject* pyjit_match_mapping(PyObject* subject);
PyObject* pyjit_match_sequence(PyObject* subject);
PyObject* pyjit_match_keys(PyObject* subject, PyObject* keys);  // tuple or None
}
