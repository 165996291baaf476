// Hand-made bytecode for the tests that need input no compiler produces: malformed code, long EXTENDED_ARG
// chains, exact exception tables and line tables.
#pragma once

#include "frontend/CodeAnalysis.h"
#include "frontend/OpcodeTable.h"

#include <cstdint>
#include <initializer_list>
#include <vector>

namespace pyjit::frontend::testing {

class BytecodeBuilder {
public:
    // Emits the instruction with as many EXTENDED_ARG prefixes as its argument needs and zeroed caches.
    BytecodeBuilder& op(Opcode opcode, uint32_t arg = 0) {
        const OpcodeInfo& info = opcodeInfo(opcode);
        int prefixes = (arg > 0xFF) + (arg > 0xFFFF) + (arg > 0xFFFFFF);
        for (int shift = 8 * prefixes; shift > 0; shift -= 8) {
            unit(static_cast<uint8_t>(Opcode::EXTENDED_ARG), static_cast<uint8_t>(arg >> shift));
        }
        unit(static_cast<uint8_t>(opcode), static_cast<uint8_t>(arg));
        for (int i = 0; i < info.cacheEntries; i++) unit(0, 0);
        return *this;
    }
    BytecodeBuilder& unit(uint8_t opcode, uint8_t arg) {
        bytes.push_back(opcode);
        bytes.push_back(arg);
        return *this;
    }
    BytecodeBuilder& repeat(Opcode opcode, int count) {
        for (int i = 0; i < count; i++) op(opcode);
        return *this;
    }
    // The code unit the next instruction will start at.
    uint32_t here() const { return static_cast<uint32_t>(bytes.size() / 2); }

    std::vector<uint8_t> bytes;
};

// co_exceptiontable's encoding: per entry start, size, target, (depth << 1) | lasti, in code units, each
// as 6-bit chunks most significant first, bit 6 = more follows, bit 7 marks an entry's first byte.
struct RawExceptionEntry {
    uint32_t start, size, target, depth;
    bool lasti = false;
};

inline void appendExceptionVarint(std::vector<uint8_t>& out, uint32_t value, bool startsEntry) {
    int chunks = 1;
    while (chunks < 6 && (value >> (6 * chunks)) != 0) chunks++;
    for (int i = chunks - 1; i >= 0; i--) {
        uint8_t byte = (value >> (6 * i)) & 0x3F;
        if (i > 0) byte |= 0x40;
        if (startsEntry && i == chunks - 1) byte |= 0x80;
        out.push_back(byte);
    }
}

inline std::vector<uint8_t> encodeExceptionTable(std::initializer_list<RawExceptionEntry> entries) {
    std::vector<uint8_t> out;
    for (const RawExceptionEntry& entry : entries) {
        appendExceptionVarint(out, entry.start, true);
        appendExceptionVarint(out, entry.size, false);
        appendExceptionVarint(out, entry.target, false);
        appendExceptionVarint(out, (entry.depth << 1) | (entry.lasti ? 1 : 0), false);
    }
    return out;
}

inline CodeInput inputOf(const std::vector<uint8_t>& code, const std::vector<uint8_t>& exceptionTable = {},
                         const std::vector<uint8_t>& lineTable = {}) {
    return CodeInput{code, exceptionTable, lineTable, 1, std::nullopt};
}

}  // namespace pyjit::frontend::testing
