// Exact fast paths for ints and floats, as CPython 3.11's specialized instructions take them
// (BINARY_OP_ADD_INT, BINARY_OP_MULTIPLY_FLOAT, COMPARE_OP_INT_JUMP, COMPARE_OP_FLOAT_JUMP, ...): only
// exact types, and results identical to the generic operation's. The generic helpers (OpHelpers.cpp) and
// tier 1 (inline, before their helper call) share them.
#pragma once

#include <Python.h>

#include <cstddef>
#include <cstdint>

namespace pyjit::fast {

// BINARY_OP opargs with a fast path (Lib/opcode.py _nb_ops order).
enum BinaryOparg : int {
    kAdd = 0,
    kMultiply = 5,
    kSubtract = 10,
    kTrueDivide = 11,
    kInPlaceAdd = 13,
    kInPlaceMultiply = 18,
    kInPlaceSubtract = 23,
    kInPlaceTrueDivide = 24,
};

// An exact int of at most one 30-bit digit: sums, differences and products of two fit in 64 bits, and
// PyLong_FromLongLong returns the same objects (small-int cache included) as long_add & co.
inline bool isCompactInt(PyObject* value) {
    // ob_size is -1, 0 or 1; as an unsigned value, ob_size + 1 is then at most 2.
    return PyLong_CheckExact(value) && static_cast<size_t>(Py_SIZE(value) + 1) <= 2;
}
inline bool bothCompactInts(PyObject* lhs, PyObject* rhs) { return isCompactInt(lhs) && isCompactInt(rhs); }

inline int64_t compactValue(PyObject* value) {
    return Py_SIZE(value) * static_cast<int64_t>(reinterpret_cast<PyLongObject*>(value)->ob_digit[0]);
}

inline bool bothFloats(PyObject* lhs, PyObject* rhs) { return PyFloat_CheckExact(lhs) && PyFloat_CheckExact(rhs); }

// BINARY_OP on two compact ints or two floats: a new reference (NULL only when memory ran out, with the
// exception set); `handled` false when no fast path applies (nothing happened then).
[[gnu::always_inline]] inline PyObject* binaryOp(PyObject* lhs, PyObject* rhs, int oparg, bool& handled) {
    handled = true;
    switch (oparg) {
    case kAdd:
    case kInPlaceAdd:
        if (bothCompactInts(lhs, rhs)) return PyLong_FromLongLong(compactValue(lhs) + compactValue(rhs));
        if (bothFloats(lhs, rhs)) return PyFloat_FromDouble(PyFloat_AS_DOUBLE(lhs) + PyFloat_AS_DOUBLE(rhs));
        break;
    case kSubtract:
    case kInPlaceSubtract:
        if (bothCompactInts(lhs, rhs)) return PyLong_FromLongLong(compactValue(lhs) - compactValue(rhs));
        if (bothFloats(lhs, rhs)) return PyFloat_FromDouble(PyFloat_AS_DOUBLE(lhs) - PyFloat_AS_DOUBLE(rhs));
        break;
    case kMultiply:
    case kInPlaceMultiply:
        if (bothCompactInts(lhs, rhs)) return PyLong_FromLongLong(compactValue(lhs) * compactValue(rhs));
        if (bothFloats(lhs, rhs)) return PyFloat_FromDouble(PyFloat_AS_DOUBLE(lhs) * PyFloat_AS_DOUBLE(rhs));
        break;
    case kTrueDivide:
    case kInPlaceTrueDivide:
        // By zero: float_div's ZeroDivisionError, from the generic path.
        if (bothFloats(lhs, rhs) && PyFloat_AS_DOUBLE(rhs) != 0.0) {
            return PyFloat_FromDouble(PyFloat_AS_DOUBLE(lhs) / PyFloat_AS_DOUBLE(rhs));
        }
        break;
    default: break;
    }
    handled = false;
    return nullptr;
}

// A rich comparison (oparg Py_LT..Py_GE) of two compact ints or two floats: 1 or 0, or -1 when no fast
// path applies. Floats compare as float_richcompare compares two floats (NaN unordered).
template <typename T>
inline int compareValues(T a, T b, int oparg) {
    switch (oparg) {
    case Py_LT: return a < b;
    case Py_LE: return a <= b;
    case Py_EQ: return a == b;
    case Py_NE: return a != b;
    case Py_GT: return a > b;
    case Py_GE: return a >= b;
    default: return -1;
    }
}
[[gnu::always_inline]] inline int compare(PyObject* lhs, PyObject* rhs, int oparg) {
    if (bothCompactInts(lhs, rhs)) return compareValues(compactValue(lhs), compactValue(rhs), oparg);
    if (bothFloats(lhs, rhs)) return compareValues(PyFloat_AS_DOUBLE(lhs), PyFloat_AS_DOUBLE(rhs), oparg);
    return -1;
}

}  // namespace pyjit::fast
