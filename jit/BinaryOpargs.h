// BINARY_OP's oparg (Lib/opcode.py _nb_ops) grouped by the arithmetic the tiers' fast paths compute.
#pragma once

namespace pyjit::jit {

enum class Arithmetic { Add, Subtract, Multiply, TrueDivide, None };

inline Arithmetic arithmeticOf(int oparg) {
    constexpr int kAdd = 0, kMultiply = 5, kSubtract = 10, kTrueDivide = 11, kInPlaceAdd = 13, kInPlaceMultiply = 18,
                  kInPlaceSubtract = 23, kInPlaceTrueDivide = 24;
    switch (oparg) {
        case kAdd:
        case kInPlaceAdd: return Arithmetic::Add;
        case kSubtract:
        case kInPlaceSubtract: return Arithmetic::Subtract;
        case kMultiply:
        case kInPlaceMultiply: return Arithmetic::Multiply;
        case kTrueDivide:
        case kInPlaceTrueDivide: return Arithmetic::TrueDivide;
        default: return Arithmetic::None;
    }
}

// COMPARE_OP's oparg is a rich comparison, Py_LT..Py_GE.
inline constexpr int kRichCompareCount = 6;

}  // namespace pyjit::jit
