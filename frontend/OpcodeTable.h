// CPython 3.11's opcodes, from frontend/opcodes.def: the Opcode enum, and per opcode its name, inline
// cache size, flags and stack-effect rule. The decoder, the printer, the stack-depth analysis and the
// translator's dispatch all read this one table.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace pyjit::frontend {

// The enumerators are CPython's opcode names; do not include CPython's opcode.h (which #defines the same
// names) in a translation unit that includes this.
enum class Opcode : uint8_t {
#define PYJIT_OPCODE(name, number, ...) name = number,
#include "frontend/opcodes.def"
};

#define PYJIT_OPCODE_TABLE_VERSION(major, minor)           \
    inline constexpr int kOpcodeTableMajorVersion = major; \
    inline constexpr int kOpcodeTableMinorVersion = minor;
#include "frontend/opcodes.def"

// How an opcode's stack effect depends on its argument (see opcodes.def).
enum class StackEffectKind : uint8_t { Linear, Special };

struct StackEffectRule {
    StackEffectKind kind;
    int16_t effect;  // Linear: effect + effectPerArg * arg when falling through
    int16_t effectPerArg;
    int16_t jumpEffect;  // Linear: jumpEffect + jumpEffectPerArg * arg when the jump is taken
    int16_t jumpEffectPerArg;
};

struct OpcodeInfo {
    enum Flag : uint32_t {
#define PYJIT_OPCODE_FLAG(name, bit, description) name = 1u << (bit),
#include "frontend/opcodes.def"
    };

    std::string_view name;
    Opcode opcode;
    uint8_t cacheEntries;
    uint32_t flags;
    StackEffectRule stackEffect;

    bool has(Flag flag) const { return (flags & flag) != 0; }
    bool hasArg() const { return has(HasArg); }
    bool isJump() const { return (flags & (JumpRelative | JumpAbsolute)) != 0; }
    // Control never reaches the next instruction (an unconditional jump, a return or a raise).
    bool endsFlow() const { return (flags & (UnconditionalJump | ScopeExit)) != 0; }
};

// A form the adaptive interpreter rewrites an opcode into; only its name and base are known here.
struct SpecializedOpcodeInfo {
    std::string_view name;
    uint8_t number;
    Opcode base;
};

// The opcode with this number, or nullptr if unquickened 3.11 bytecode has no such opcode.
const OpcodeInfo* findOpcode(uint8_t number);
const OpcodeInfo& opcodeInfo(Opcode opcode);
std::string_view opcodeName(Opcode opcode);
std::span<const OpcodeInfo> allOpcodes();

const SpecializedOpcodeInfo* findSpecializedOpcode(uint8_t number);
std::span<const SpecializedOpcodeInfo> allSpecializedOpcodes();

// The argument values of BINARY_OP ("NB_ADD", "+") and COMPARE_OP ("<"), indexed by arg.
struct BinaryOpInfo {
    std::string_view name;
    std::string_view symbol;
};
std::span<const BinaryOpInfo> binaryOps();
std::span<const std::string_view> compareOps();

// The flag names and descriptions, by bit, for views that list them.
struct OpcodeFlagInfo {
    std::string_view name;
    OpcodeInfo::Flag flag;
    std::string_view description;
};
std::span<const OpcodeFlagInfo> allOpcodeFlags();

}  // namespace pyjit::frontend
