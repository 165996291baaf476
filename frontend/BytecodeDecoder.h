// Decodes the unquickened bytecode of one code object (PyCode_GetCode / co_code) into Instructions:
// EXTENDED_ARG prefixes folded into the instruction they prefix, inline CACHE entries skipped, and jump
// arguments resolved to the instruction they land on. Anything that is not well-formed 3.11 bytecode is a
// FrontendError naming its offset.
#pragma once

#include "frontend/FrontendError.h"
#include "frontend/Instruction.h"
#include "frontend/Offsets.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace pyjit::frontend {

// Bounds on operands that index the code object's tuples. Optional: without them the decoder only checks
// what the bytecode alone determines.
struct OperandLimits {
    uint32_t constCount = 0;       // len(co_consts)
    uint32_t nameCount = 0;        // len(co_names)
    uint32_t localsPlusCount = 0;  // fast locals + cells + free variables (co_nlocalsplus)
};

class Bytecode {
public:
    std::span<const Instruction> instructions() const { return instructions_; }
    const Instruction& operator[](InstrIndex index) const { return instructions_[index.value()]; }
    uint32_t size() const { return static_cast<uint32_t>(instructions_.size()); }
    uint32_t codeUnitCount() const { return static_cast<uint32_t>(owners_.size()); }

    // The instruction a unit belongs to (one of its prefixes, its opcode unit or a cache entry).
    InstrIndex instructionContaining(CodeUnitOffset unit) const { return InstrIndex(owners_[unit.value()]); }
    // The instruction whose first unit this is; nullopt inside an instruction or past the end.
    std::optional<InstrIndex> instructionStartingAt(CodeUnitOffset unit) const;

private:
    friend class BytecodeDecoder;
    std::vector<Instruction> instructions_;
    std::vector<uint32_t> owners_;  // per code unit: the index of the instruction it belongs to
};

class BytecodeDecoder {
public:
    explicit BytecodeDecoder(std::span<const uint8_t> code, std::optional<OperandLimits> limits = std::nullopt)
        : code_(code), limits_(limits) {}

    Expected<Bytecode> decode();

private:
    uint8_t opcodeByte(CodeUnitOffset unit) const { return code_[unit.value() * kBytesPerCodeUnit]; }
    uint8_t argByte(CodeUnitOffset unit) const { return code_[unit.value() * kBytesPerCodeUnit + 1]; }
    uint32_t unitCount() const { return static_cast<uint32_t>(code_.size() / kBytesPerCodeUnit); }

    std::optional<FrontendError> decodeInstructionAt(CodeUnitOffset start, Bytecode& out) const;
    std::optional<FrontendError> checkCaches(const Instruction& instruction) const;
    std::optional<FrontendError> checkOperand(const Instruction& instruction) const;
    std::optional<FrontendError> resolveJump(Instruction& instruction, const Bytecode& bytecode) const;

    std::span<const uint8_t> code_;
    std::optional<OperandLimits> limits_;
};

// Checks co_code_adaptive as CPython holds it, before anything hands the code to PyCode_GetCode():
// - CPython 3.11's PyCode_GetCode() (deopt_code) writes every instruction's inline cache entries, past the
//   end of its buffer when the last instruction's run past the end of the code (a hand-made co_code);
// - unless `quickened`, it is co_code as written, which may hold only base opcodes: CPython runs a
//   specialized form written into co_code as that specialized instruction, while PyCode_GetCode() maps it
//   back to its base.
// The first such problem, as an error.
std::optional<FrontendError> checkAdaptiveCode(std::span<const uint8_t> code, bool quickened);

inline Expected<Bytecode> decodeBytecode(std::span<const uint8_t> code,
                                         std::optional<OperandLimits> limits = std::nullopt) {
    return BytecodeDecoder(code, limits).decode();
}

}  // namespace pyjit::frontend
