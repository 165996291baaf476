// One decoded instruction of unquickened bytecode, with its EXTENDED_ARG prefixes folded in and its
// inline CACHE entries skipped.
#pragma once

#include "frontend/Offsets.h"
#include "frontend/OpcodeTable.h"

#include <cstdint>
#include <optional>

namespace pyjit::frontend {

struct Instruction {
    Opcode opcode;
    // EXTENDED_ARG units before the opcode unit (0..3); their bytes are the high bytes of `arg`.
    uint8_t prefixCount = 0;
    // CACHE units after the opcode unit.
    uint8_t cacheEntries = 0;
    // The full argument; 0 for opcodes without one.
    uint32_t arg = 0;
    // The first unit, prefixes included: where jumps and exception handlers land, and where the
    // instruction starts in exception table ranges.
    CodeUnitOffset start;
    // Set for jumps: the instruction the jump lands on.
    std::optional<InstrIndex> jumpTarget;

    const OpcodeInfo& info() const { return opcodeInfo(opcode); }
    // The unit holding the opcode itself: what ceval's prev_instr points at while this instruction runs,
    // and the offset dis lists it at.
    CodeUnitOffset opcodeUnit() const { return start + prefixCount; }
    // One past the last unit, caches included: where the next instruction starts.
    CodeUnitOffset end() const { return opcodeUnit() + 1 + cacheEntries; }
    // The argument as EXTENDED_ARG prefix k (0-based) carries it, as dis lists it: the bytes up to its own.
    uint32_t prefixArg(uint32_t k) const { return arg >> (8 * (prefixCount - k)); }
};

}  // namespace pyjit::frontend
