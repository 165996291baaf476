// The location table of a code object (co_linetable in 3.11's format, Objects/locations.md in CPython):
// for every code unit, its source line and its (line, end line, column, end column) position, any of which
// may be absent.
#pragma once

#include "frontend/FrontendError.h"
#include "frontend/Offsets.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace pyjit::frontend {

// Columns are 0-based UTF-8 byte offsets, as in co_positions().
struct SourcePosition {
    std::optional<int32_t> line;
    std::optional<int32_t> endLine;
    std::optional<int32_t> column;
    std::optional<int32_t> endColumn;

    bool operator==(const SourcePosition&) const = default;
};

struct LineTableEntry {
    CodeUnitOffset start;
    uint32_t length = 0;  // code units, 1..8
    SourcePosition position;
    // dis.findlinestarts() reports this entry: it has a line, and not the line of the last entry that had one.
    bool startsLine = false;
};

class LineTable {
public:
    // `firstLine` is co_firstlineno, the base of the first line delta.
    static Expected<LineTable> decode(std::span<const uint8_t> table, int32_t firstLine, uint32_t codeUnitCount);

    std::span<const LineTableEntry> entries() const { return entries_; }

    // Units past the end of the table have no position: CPython reports none for them either (a table
    // may be shorter than the code, e.g. co_linetable=b'').
    SourcePosition positionAt(CodeUnitOffset unit) const;
    std::optional<int32_t> lineAt(CodeUnitOffset unit) const { return positionAt(unit).line; }
    // The line that starts at this unit, as dis shows it (starts_line), if one does.
    std::optional<int32_t> lineStartingAt(CodeUnitOffset unit) const;

private:
    const LineTableEntry* entryAt(CodeUnitOffset unit) const;

    std::vector<LineTableEntry> entries_;
    std::vector<uint32_t> entryOfUnit_;  // per covered code unit: the index of its entry
};

}  // namespace pyjit::frontend
