#include "frontend/OpcodeTable.h"

#include <array>
#include <cstdlib>

namespace pyjit::frontend {

namespace {

using enum OpcodeInfo::Flag;
using enum StackEffectKind;

constexpr OpcodeInfo kOpcodes[] = {
#define PYJIT_OPCODE(name, number, cacheEntries, flags, effectKind, effect, effectPerArg, jumpEffect, \
                     jumpEffectPerArg)                                                                \
    {#name,                                                                                           \
     Opcode::name,                                                                                    \
     cacheEntries,                                                                                    \
     static_cast<uint32_t>(flags),                                                                    \
     {effectKind, effect, effectPerArg, jumpEffect, jumpEffectPerArg}},
#include "frontend/opcodes.def"
};

constexpr SpecializedOpcodeInfo kSpecializedOpcodes[] = {
#define PYJIT_SPECIALIZED_OPCODE(name, number, base) {#name, number, Opcode::base},
#include "frontend/opcodes.def"
};

constexpr BinaryOpInfo kBinaryOps[] = {
#define PYJIT_BINARY_OP(name, arg, symbol) {#name, symbol},
#include "frontend/opcodes.def"
};

constexpr std::string_view kCompareOps[] = {
#define PYJIT_COMPARE_OP(arg, symbol) symbol,
#include "frontend/opcodes.def"
};

constexpr OpcodeFlagInfo kFlags[] = {
#define PYJIT_OPCODE_FLAG(name, bit, description) {#name, name, description},
#include "frontend/opcodes.def"
};

// Opcode numbers index these; -1 marks a number with no entry.
template <typename Entry, size_t N, typename NumberOf>
constexpr std::array<int16_t, 256> indexByNumber(const Entry (&entries)[N], NumberOf numberOf) {
    std::array<int16_t, 256> index{};
    index.fill(-1);
    for (size_t i = 0; i < N; i++) index[numberOf(entries[i])] = static_cast<int16_t>(i);
    return index;
}

constexpr auto kOpcodeIndex =
    indexByNumber(kOpcodes, [](const OpcodeInfo& info) { return static_cast<uint8_t>(info.opcode); });
constexpr auto kSpecializedIndex =
    indexByNumber(kSpecializedOpcodes, [](const SpecializedOpcodeInfo& info) { return info.number; });

}  // namespace

const OpcodeInfo* findOpcode(uint8_t number) {
    int16_t index = kOpcodeIndex[number];
    return index < 0 ? nullptr : &kOpcodes[index];
}

const OpcodeInfo& opcodeInfo(Opcode opcode) {
    const OpcodeInfo* info = findOpcode(static_cast<uint8_t>(opcode));
    // An Opcode value outside the enum can only come from a cast that skipped findOpcode.
    if (info == nullptr) std::abort();
    return *info;
}

std::string_view opcodeName(Opcode opcode) { return opcodeInfo(opcode).name; }

std::span<const OpcodeInfo> allOpcodes() { return kOpcodes; }

const SpecializedOpcodeInfo* findSpecializedOpcode(uint8_t number) {
    int16_t index = kSpecializedIndex[number];
    return index < 0 ? nullptr : &kSpecializedOpcodes[index];
}

std::span<const SpecializedOpcodeInfo> allSpecializedOpcodes() { return kSpecializedOpcodes; }

std::span<const BinaryOpInfo> binaryOps() { return kBinaryOps; }

std::span<const std::string_view> compareOps() { return kCompareOps; }

std::span<const OpcodeFlagInfo> allOpcodeFlags() { return kFlags; }

}  // namespace pyjit::frontend
