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
    kAnd = 1,
    kFloorDivide = 2,
    kLshift = 3,
    kMultiply = 5,
    kRemainder = 6,
    kOr = 7,
    kRshift = 9,
    kSubtract = 10,
    kTrueDivide = 11,
    kXor = 12,
    kInPlaceAdd = 13,
    kInPlaceAnd = 14,
    kInPlaceFloorDivide = 15,
    kInPlaceLshift = 16,
    kInPlaceMultiply = 18,
    kInPlaceRemainder = 19,
    kInPlaceOr = 20,
    kInPlaceRshift = 22,
    kInPlaceSubtract = 23,
    kInPlaceTrueDivide = 24,
    kInPlaceXor = 25,
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

// An exact float, or a compact int as float's operations convert it (PyLong_AsDouble: exact below 2**53).
inline bool asDouble(PyObject* value, double& result) {
    if (PyFloat_CheckExact(value)) {
        result = PyFloat_AS_DOUBLE(value);
        return true;
    }
    if (isCompactInt(value)) {
        result = static_cast<double>(compactValue(value));
        return true;
    }
    return false;
}
// Two floats, or a float and a compact int: what float's slots compute on, as doubles.
inline bool floatOperands(PyObject* lhs, PyObject* rhs, double& a, double& b) { return asDouble(lhs, a) && asDouble(rhs, b); }

// Shifts of a compact int whose result provably fits in 64 bits: right by any count (from 63 on, every
// bit is the sign), left by at most 32 (|value| < 2**30).
inline constexpr int64_t kMaxRightShift = 63;
inline constexpr int64_t kMaxLeftShift = 32;

// Python's floor division and modulo of two compact ints (divisor nonzero): C's truncating results,
// moved one step down when the remainder's sign differs from the divisor's (long_divmod's rule).
inline int64_t floorDivide(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a % b < 0) != (b < 0))); }
inline int64_t floorModulo(int64_t a, int64_t b) {
    int64_t remainder = a % b;
    return remainder != 0 && ((remainder < 0) != (b < 0)) ? remainder + b : remainder;
}

// The operation of a BINARY_OP oparg, its in-place form folded onto the plain one (int and float have no
// in-place slots, so `x op= y` is `x op y` for them).
inline int plainOperation(int oparg) { return oparg >= kInPlaceAdd ? oparg - (kInPlaceAdd - kAdd) : oparg; }

// The fast paths test the operation with if-chains, not a switch: one BINARY_OP handler serves every
// operation, and a jump table there is an indirect branch the predictor rarely gets right.

// BINARY_OP on two compact ints: the result, or `handled` false when the operation has no fast path for
// these operands (a zero divisor, a negative or large shift: the generic path raises or computes).
[[gnu::always_inline]] inline PyObject* compactIntBinaryOp(int64_t a, int64_t b, int oparg, bool& handled) {
    const int operation = plainOperation(oparg);
    if (operation == kAdd) return PyLong_FromLongLong(a + b);
    if (operation == kSubtract) return PyLong_FromLongLong(a - b);
    if (operation == kMultiply) return PyLong_FromLongLong(a * b);
    if (operation == kAnd) return PyLong_FromLongLong(a & b);
    if (operation == kOr) return PyLong_FromLongLong(a | b);
    if (operation == kXor) return PyLong_FromLongLong(a ^ b);
    if (operation == kRshift && b >= 0) return PyLong_FromLongLong(a >> (b < kMaxRightShift ? b : kMaxRightShift));
    if (operation == kLshift && b >= 0 && b <= kMaxLeftShift) return PyLong_FromLongLong(a * (int64_t{1} << b));
    if (b != 0) {
        if (operation == kFloorDivide) return PyLong_FromLongLong(floorDivide(a, b));
        if (operation == kRemainder) return PyLong_FromLongLong(floorModulo(a, b));
        // Both below 2**53: exactly representable, and one IEEE division rounds as long_true_divide does.
        if (operation == kTrueDivide) return PyFloat_FromDouble(static_cast<double>(a) / static_cast<double>(b));
    }
    handled = false;
    return nullptr;
}

// BINARY_OP on two compact ints, or floats and compact ints: a new reference (NULL only when memory ran out,
// with the exception set); `handled` false when no fast path applies (nothing happened then).
[[gnu::always_inline]] inline PyObject* binaryOp(PyObject* lhs, PyObject* rhs, int oparg, bool& handled) {
    handled = true;
    if (bothCompactInts(lhs, rhs)) return compactIntBinaryOp(compactValue(lhs), compactValue(rhs), oparg, handled);
    // Not two ints: a float with a float or int, where float's slot computes on the two doubles.
    if (double a, b; floatOperands(lhs, rhs, a, b)) {
        const int operation = plainOperation(oparg);
        if (operation == kAdd) return PyFloat_FromDouble(a + b);
        if (operation == kSubtract) return PyFloat_FromDouble(a - b);
        if (operation == kMultiply) return PyFloat_FromDouble(a * b);
        // By zero: float_div's ZeroDivisionError, from the generic path.
        if (operation == kTrueDivide && b != 0.0) return PyFloat_FromDouble(a / b);
    }
    handled = false;
    return nullptr;
}

// A rich comparison (oparg Py_LT..Py_GE) of two compact ints, or floats and compact ints: 1 or 0, or -1
// when no fast path applies. Floats compare as float_richcompare compares them (NaN unordered).
template <typename T>
inline int compareValues(T a, T b, int oparg) {  // an if-chain, for the reason above
    if (oparg == Py_LT) return a < b;
    if (oparg == Py_LE) return a <= b;
    if (oparg == Py_EQ) return a == b;
    if (oparg == Py_NE) return a != b;
    if (oparg == Py_GT) return a > b;
    if (oparg == Py_GE) return a >= b;
    return -1;
}
[[gnu::always_inline]] inline int compare(PyObject* lhs, PyObject* rhs, int oparg) {
    if (bothCompactInts(lhs, rhs)) return compareValues(compactValue(lhs), compactValue(rhs), oparg);
    // float_richcompare converts an int of at most 48 bits to double and compares the doubles.
    if (double a, b; floatOperands(lhs, rhs, a, b)) return compareValues(a, b, oparg);
    return -1;
}

}  // namespace pyjit::fast
