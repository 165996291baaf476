// The generic semantics of instructions, called by compiled code (and by the tier-1 interpreter when it
// lands): one implementation of each instruction's behaviour. Declared with C linkage so jit/ can bind
// them by address; the list and the ownership rules are in runtime/helpers.def.
#pragma once

#include <Python.h>

#include "runtime/cpython/jit_support.h"

namespace pyjit {

// UNARY_* as one helper.
enum class UnaryOperation : int { Positive = 0, Negative = 1, Not = 2, Invert = 3 };

// Helper addresses in HelperId order (runtime/CompilerInterface.h).
const void* const* helperAddresses();

}  // namespace pyjit

extern "C" {
void pyjit_incref(PyObject* object);
void pyjit_decref(PyObject* object);
void pyjit_dealloc(PyObject* object);
int pyjit_error_occurred();
PyObject* pyjit_binary_op(PyObject* lhs, PyObject* rhs, int oparg);
int pyjit_unicode_append_to_local(PyObject** local, PyObject* lhs, PyObject* rhs);
PyObject* pyjit_compare_op(PyObject* lhs, PyObject* rhs, int oparg);
PyObject* pyjit_long_from_int64(int64_t value);
PyObject* pyjit_float_from_double(double value);
int pyjit_is_true(PyObject* value);
PyObject* pyjit_contains_op(PyObject* item, PyObject* container, int invert);
PyObject* pyjit_unary_op(PyObject* value, int operation);
PyObject* pyjit_binary_subscr(PyObject* container, PyObject* key);
int pyjit_store_subscr(PyObject* container, PyObject* key, PyObject* value);
int pyjit_delete_subscr(PyObject* container, PyObject* key);
PyObject* pyjit_load_attr(PyObject* owner, PyObject* name);
int pyjit_store_attr(PyObject* owner, PyObject* name, PyObject* value);
int pyjit_load_method(PyObject* owner, PyObject* name, PyObject** out);
PyObject* pyjit_build_tuple(PyObject** items, int count);
PyObject* pyjit_build_list(PyObject** items, int count);
PyObject* pyjit_build_string(PyObject** items, int count);
int pyjit_list_append(PyObject* list, PyObject* item);
PyObject* pyjit_get_iter(PyObject* iterable);
PyObject* pyjit_for_iter_next(PyObject* iterator);
int pyjit_unpack_sequence(PyObject* sequence, int count, PyObject** out);
PyObject* pyjit_check_exc_match(PyObject* exception, PyObject* clause);
PyObject* pyjit_format_value(PyObject* value, PyObject* spec, int oparg);
}
