#include "OpHelpers.h"

#include "CompilerInterface.h"
#include "Deopt.h"
#include "NumericFastPaths.h"
#include "OpHelpersMore.h"
#include "cpython/attribute_cache.h"
#include "cpython/direct_call.h"
#include "cpython/namespace_ops.h"

namespace {

// BINARY_OP's oparg indexes CPython's NB_* list (Lib/opcode.py _nb_ops): 13 operators, then their
// in-place forms in the same order.
using BinaryFunction = PyObject* (*)(PyObject*, PyObject*);
PyObject* power(PyObject* a, PyObject* b) { return PyNumber_Power(a, b, Py_None); }
PyObject* inPlacePower(PyObject* a, PyObject* b) { return PyNumber_InPlacePower(a, b, Py_None); }
constexpr BinaryFunction kBinaryOperations[] = {
    PyNumber_Add,
    PyNumber_And,
    PyNumber_FloorDivide,
    PyNumber_Lshift,
    PyNumber_MatrixMultiply,
    PyNumber_Multiply,
    PyNumber_Remainder,
    PyNumber_Or,
    power,
    PyNumber_Rshift,
    PyNumber_Subtract,
    PyNumber_TrueDivide,
    PyNumber_Xor,
    PyNumber_InPlaceAdd,
    PyNumber_InPlaceAnd,
    PyNumber_InPlaceFloorDivide,
    PyNumber_InPlaceLshift,
    PyNumber_InPlaceMatrixMultiply,
    PyNumber_InPlaceMultiply,
    PyNumber_InPlaceRemainder,
    PyNumber_InPlaceOr,
    inPlacePower,
    PyNumber_InPlaceRshift,
    PyNumber_InPlaceSubtract,
    PyNumber_InPlaceTrueDivide,
    PyNumber_InPlaceXor,
};

// The number slot of each plain operation, in NB_* order (power is ternary: not here).
constexpr binaryfunc PyNumberMethods::*kNumberSlots[] = {
    &PyNumberMethods::nb_add,
    &PyNumberMethods::nb_and,
    &PyNumberMethods::nb_floor_divide,
    &PyNumberMethods::nb_lshift,
    &PyNumberMethods::nb_matrix_multiply,
    &PyNumberMethods::nb_multiply,
    &PyNumberMethods::nb_remainder,
    &PyNumberMethods::nb_or,
    nullptr,
    &PyNumberMethods::nb_rshift,
    &PyNumberMethods::nb_subtract,
    &PyNumberMethods::nb_true_divide,
    &PyNumberMethods::nb_xor,
};

// Both operands exact ints, or both exact floats: the type's own slot, called as binary_op1 calls it for
// two operands of one type (no reflected slot; int and float have no in-place slots for the in-place forms
// to try first). CPython 3.11's BINARY_OP_ADD_INT & co. skip PyNumber_Add just the same. Two exact strs
// added: PyUnicode_Concat, which PyNumber_Add reaches through sq_concat (BINARY_OP_ADD_UNICODE).
// `handled` false when none of this applies.
PyObject* sameBuiltinTypeOp(PyObject* lhs, PyObject* rhs, int oparg, bool& handled) {
    PyTypeObject* type = Py_TYPE(lhs);
    handled = false;
    if (type != Py_TYPE(rhs)) return nullptr;
    const int operation = pyjit::fast::plainOperation(oparg);
    if (type == &PyLong_Type || type == &PyFloat_Type) {
        auto slotMember = kNumberSlots[operation];
        binaryfunc slot = slotMember != nullptr ? type->tp_as_number->*slotMember : nullptr;
        if (slot == nullptr) return nullptr;
        PyObject* result = slot(lhs, rhs);
        if (result == Py_NotImplemented) {  // not for these types; the generic path has the rules
            Py_DECREF(result);
            return nullptr;
        }
        handled = true;
        return result;
    }
    if (type == &PyUnicode_Type && operation == pyjit::fast::kAdd) {
        handled = true;
        return PyUnicode_Concat(lhs, rhs);
    }
    return nullptr;
}

void releaseItems(PyObject** items, int count) {
    for (int i = 0; i < count; i++) Py_DECREF(items[i]);
}

}  // namespace

extern "C" {

void pyjit_incref(PyObject* object) { Py_INCREF(object); }
void pyjit_decref(PyObject* object) { Py_DECREF(object); }
void pyjit_dealloc(PyObject* object) { _Py_Dealloc(object); }
int pyjit_error_occurred() { return PyErr_Occurred() != nullptr; }

int pyjit_unicode_append_to_local(PyObject** local, PyObject* lhs, PyObject* rhs) {
    if (!PyUnicode_CheckExact(lhs) || !PyUnicode_CheckExact(rhs) || *local != lhs) return 1;
    Py_DECREF(lhs);  // the stack's reference; the local keeps the string alive
    PyUnicode_Append(local, rhs);
    Py_DECREF(rhs);
    return *local == nullptr ? -1 : 0;
}

PyObject* pyjit_binary_op(PyObject* lhs, PyObject* rhs, int oparg) {
    if (oparg < 0 || oparg >= static_cast<int>(std::size(kBinaryOperations))) return nullptr;
    bool handled;
    PyObject* result = pyjit::fast::binaryOp(lhs, rhs, oparg, handled);
    if (handled) return result;
    result = sameBuiltinTypeOp(lhs, rhs, oparg, handled);
    return handled ? result : kBinaryOperations[oparg](lhs, rhs);
}

PyObject* pyjit_long_from_int64(int64_t value) { return PyLong_FromLongLong(value); }
PyObject* pyjit_float_from_double(double value) { return PyFloat_FromDouble(value); }

PyObject* pyjit_compare_op(PyObject* lhs, PyObject* rhs, int oparg) {
    if (oparg > Py_GE) return nullptr;  // not a rich comparison: CPython decides
    int fast = pyjit::fast::compare(lhs, rhs, oparg);
    if (fast >= 0) return Py_NewRef(fast ? Py_True : Py_False);
    return PyObject_RichCompare(lhs, rhs, oparg);
}

int pyjit_is_true(PyObject* value) {
    if (value == Py_True) return 1;
    if (value == Py_False || value == Py_None) return 0;
    return PyObject_IsTrue(value);
}

PyObject* pyjit_contains_op(PyObject* item, PyObject* container, int invert) {
    int found = PySequence_Contains(container, item);
    if (found < 0) return nullptr;
    return Py_NewRef((found ^ invert) ? Py_True : Py_False);
}

PyObject* pyjit_unary_op(PyObject* value, int operation) {
    switch (static_cast<pyjit::UnaryOperation>(operation)) {
        case pyjit::UnaryOperation::Positive: return PyNumber_Positive(value);
        case pyjit::UnaryOperation::Negative: return PyNumber_Negative(value);
        case pyjit::UnaryOperation::Invert: return PyNumber_Invert(value);
        case pyjit::UnaryOperation::Not: {
            int truth = PyObject_IsTrue(value);
            if (truth < 0) return nullptr;
            return Py_NewRef(truth ? Py_False : Py_True);
        }
    }
    return nullptr;
}

PyObject* pyjit_binary_subscr(PyObject* container, PyObject* key) { return PyObject_GetItem(container, key); }
int pyjit_store_subscr(PyObject* container, PyObject* key, PyObject* value) {
    return PyObject_SetItem(container, key, value);
}
int pyjit_delete_subscr(PyObject* container, PyObject* key) { return PyObject_DelItem(container, key); }
PyObject* pyjit_load_attr(PyObject* owner, PyObject* name) { return PyObject_GetAttr(owner, name); }
int pyjit_store_attr(PyObject* owner, PyObject* name, PyObject* value) { return PyObject_SetAttr(owner, name, value); }

int pyjit_load_method(PyObject* owner, PyObject* name, PyObject** out) {
    PyObject* method = nullptr;
    int found = _PyObject_GetMethod(owner, name, &method);
    if (method == nullptr) {
        Py_DECREF(owner);
        return -1;
    }
    if (found) {
        out[0] = method;
        out[1] = owner;  // the owner's reference moves into the self slot
    } else {
        Py_DECREF(owner);
        out[0] = nullptr;
        out[1] = method;
    }
    return 0;
}

PyObject* pyjit_build_tuple(PyObject** items, int count) {
    PyObject* tuple = PyTuple_New(count);
    if (tuple == nullptr) {
        releaseItems(items, count);
        return nullptr;
    }
    for (int i = 0; i < count; i++) PyTuple_SET_ITEM(tuple, i, items[i]);
    return tuple;
}

PyObject* pyjit_build_list(PyObject** items, int count) {
    PyObject* list = PyList_New(count);
    if (list == nullptr) {
        releaseItems(items, count);
        return nullptr;
    }
    for (int i = 0; i < count; i++) PyList_SET_ITEM(list, i, items[i]);
    return list;
}

PyObject* pyjit_build_string(PyObject** items, int count) {
    PyObject* empty = PyUnicode_New(0, 0);
    PyObject* result = empty != nullptr ? _PyUnicode_JoinArray(empty, items, count) : nullptr;
    Py_XDECREF(empty);
    releaseItems(items, count);
    return result;
}

int pyjit_list_append(PyObject* list, PyObject* item) {
    int status = PyList_Append(list, item);
    Py_DECREF(item);
    return status;
}

PyObject* pyjit_get_iter(PyObject* iterable) { return PyObject_GetIter(iterable); }

PyObject* pyjit_for_iter_next(PyObject* iterator) {
    PyObject* next;
    if (Py_TYPE(iterator) != &PyGen_Type || !pyjit_next_of_compiled_generator(iterator, &next)) {
        next = (*Py_TYPE(iterator)->tp_iternext)(iterator);
    }
    if (next == nullptr && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration)) return nullptr;
        // ceval reports the StopIteration to a tracer here; tracing hands frames to CPython first.
        PyErr_Clear();
    }
    return next;
}

int pyjit_unpack_sequence(PyObject* sequence, int count, PyObject** out) {
    PyObject** items;
    if (PyTuple_CheckExact(sequence) && PyTuple_GET_SIZE(sequence) == count) {
        items = &PyTuple_GET_ITEM(sequence, 0);
    } else if (PyList_CheckExact(sequence) && PyList_GET_SIZE(sequence) == count) {
        items = &PyList_GET_ITEM(sequence, 0);
    } else {
        return 1;  // iterables, wrong lengths and their exact error messages: CPython's
    }
    for (int i = 0; i < count; i++) out[count - 1 - i] = Py_NewRef(items[i]);
    return 0;
}

PyObject* pyjit_format_value(PyObject* value, PyObject* spec, int oparg) {
    // FORMAT_VALUE: the low two bits choose a conversion (none, str, repr, ascii); bit 2 says a
    // format spec is on the stack.
    using Conversion = PyObject* (*)(PyObject*);
    static constexpr Conversion kConversions[] = {nullptr, PyObject_Str, PyObject_Repr, PyObject_ASCII};
    if (Conversion convert = kConversions[oparg & 0x3]) {
        PyObject* converted = convert(value);
        Py_DECREF(value);
        if (converted == nullptr) {
            Py_XDECREF(spec);
            return nullptr;
        }
        value = converted;
    }
    if (PyUnicode_CheckExact(value) && spec == nullptr) return value;
    PyObject* result = PyObject_Format(value, spec);
    Py_DECREF(value);
    Py_XDECREF(spec);
    return result;
}

PyObject* pyjit_check_exc_match(PyObject* exception, PyObject* clause) {
    // An except clause must name exception classes; CPython raises the TypeError for anything else.
    if (PyTuple_Check(clause)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(clause); i++) {
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(clause, i))) return nullptr;
        }
    } else if (!PyExceptionClass_Check(clause)) {
        return nullptr;
    }
    return Py_NewRef(PyErr_GivenExceptionMatches(exception, clause) ? Py_True : Py_False);
}

}  // extern "C"

namespace pyjit {

const void* const* helperAddresses() {
    static const void* const kAddresses[] = {
#define PYJIT_HELPER(name, ...) reinterpret_cast<const void*>(&pyjit_##name),
#include "runtime/helpers.def"
#undef PYJIT_HELPER
    };
    static_assert(std::size(kAddresses) == static_cast<size_t>(HelperId::Count));
    static_assert(sizeof(PyjitAttributeCache) == kAttributeCacheWords * sizeof(uint64_t));
    static_assert(offsetof(PyjitAttributeCache, type_version) == 0 && sizeof(uint32_t) == 4);
    static_assert(offsetof(PyjitAttributeCache, kind) == kAttributeCacheKindOffset);
    static_assert(offsetof(PyjitAttributeCache, index) == kAttributeCacheIndexOffset);
    static_assert(PYJIT_ATTRIBUTE_INSTANCE_VALUE == kAttributeKindInstanceValue);
    static_assert(PYJIT_ATTRIBUTE_SLOT == kAttributeKindSlot);
    static_assert(PYJIT_ATTRIBUTE_METHOD_NO_DICT == kAttributeKindMethodNoDict);
    static_assert(PYJIT_ATTRIBUTE_METHOD_WITH_VALUES == kAttributeKindMethodWithValues);
    static_assert(offsetof(PyjitAttributeCache, keys) == kAttributeCacheKeysOffset);
    static_assert(offsetof(PyjitAttributeCache, keys_entries) == kAttributeCacheKeysEntriesOffset);
    static_assert(offsetof(PyjitAttributeCache, method) == kAttributeCacheMethodOffset);
    return kAddresses;
}

}  // namespace pyjit
