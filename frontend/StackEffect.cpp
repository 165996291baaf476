#include "frontend/StackEffect.h"

#include <bit>

namespace pyjit::frontend {

namespace {

// The opcodes whose effect is not linear in the argument, as compile.c's stack_effect() defines them.
std::optional<int64_t> specialStackEffect(Opcode opcode, int64_t arg) {
    switch (opcode) {
        // The low byte counts the targets before the starred one, the next byte those after it.
        case Opcode::UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
        // Bit 2 (FVS_HAVE_SPEC): a format spec sits above the value.
        case Opcode::FORMAT_VALUE: return (arg & 0x04) ? -1 : 0;
        // Bits 0-3: defaults, kwdefaults, annotations, closure, each one value below the code object.
        case Opcode::MAKE_FUNCTION: return -std::popcount(static_cast<uint32_t>(arg & 0x0F));
        // Bit 0: a keyword-arguments mapping above the positional tuple.
        case Opcode::CALL_FUNCTION_EX: return -2 - (arg & 1);
        // Bit 0: push NULL before the global, for a following call.
        case Opcode::LOAD_GLOBAL: return 1 + (arg & 1);
        // 3 means a step; anything else is start and stop only.
        case Opcode::BUILD_SLICE: return arg == 3 ? -2 : -1;
        default: return std::nullopt;
    }
}

}  // namespace

std::optional<int64_t> stackEffect(Opcode opcode, uint32_t arg, bool jump) {
    const OpcodeInfo& info = opcodeInfo(opcode);
    int64_t argument = info.hasArg() ? arg : 0;
    const StackEffectRule& rule = info.stackEffect;
    if (rule.kind == StackEffectKind::Special) return specialStackEffect(opcode, argument);
    return jump ? rule.jumpEffect + rule.jumpEffectPerArg * argument : rule.effect + rule.effectPerArg * argument;
}

}  // namespace pyjit::frontend
