// The net stack effect of one instruction: what dis.stack_effect(opcode, arg, jump=...) says, which is
// what CPython's compiler used to compute co_stacksize.
#pragma once

#include "frontend/OpcodeTable.h"

#include <cstdint>
#include <optional>

namespace pyjit::frontend {

// `jump` picks the effect on the taken branch of a jump (equal to the other for non-jumps). The argument
// is ignored by opcodes without one. nullopt only if a Special opcode of the table has no rule here,
// which a unit test rules out.
std::optional<int64_t> stackEffect(Opcode opcode, uint32_t arg, bool jump);

}  // namespace pyjit::frontend
