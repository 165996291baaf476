// The exception table of a code object (co_exceptiontable, Objects/exception_handling_notes.txt in
// CPython): which instructions are covered by which handler, and the stack depth to unwind to.
#pragma once

#include "frontend/BytecodeDecoder.h"
#include "frontend/FrontendError.h"
#include "frontend/Offsets.h"

#include <cstdint>
#include <span>
#include <vector>

namespace pyjit::frontend {

struct ExceptionTableEntry {
    CodeUnitOffset start;    // first unit covered
    CodeUnitOffset end;      // one past the last unit covered
    CodeUnitOffset target;   // the handler
    uint32_t depth = 0;      // the stack is popped down to this many values ...
    bool pushLasti = false;  // ... then the raising instruction's offset is pushed if set, then the exception

    // The same range and handler as instruction indices.
    InstrIndex firstInstruction;
    InstrIndex endInstruction;  // one past the last covered instruction
    InstrIndex handler;

    // The stack depth the handler starts with.
    uint32_t handlerEntryDepth() const { return depth + (pushLasti ? 1 : 0) + 1; }
};

class ExceptionTable {
public:
    // Decodes and checks the table against the decoded bytecode: entries in order without overlaps,
    // every range boundary and target on an instruction start.
    static Expected<ExceptionTable> decode(std::span<const uint8_t> table, const Bytecode& bytecode);

    std::span<const ExceptionTableEntry> entries() const { return entries_; }
    bool empty() const { return entries_.empty(); }
    // The entry covering the instruction, or nullptr.
    const ExceptionTableEntry* handlerFor(const Bytecode& bytecode, InstrIndex instruction) const;

private:
    std::vector<ExceptionTableEntry> entries_;
};

}  // namespace pyjit::frontend
