#include "frontend/LineTable.h"

#include <limits>

namespace pyjit::frontend {

namespace {

// The 4-bit code in bits 3-6 of an entry's first byte (_PyCodeLocationInfoKind).
constexpr int kShortFormLast = 9;
constexpr int kOneLineFirst = 10;
constexpr int kOneLineLast = 12;
constexpr int kNoColumns = 13;
constexpr int kLongForm = 14;
constexpr int kNoLocation = 15;

constexpr uint8_t kEntryStartBit = 0x80;
constexpr uint64_t kMaxValue = uint64_t(1) << 31;

class EntryReader {
public:
    EntryReader(std::span<const uint8_t> table, size_t entryByte)
        : table_(table), position_(entryByte + 1), entryByte_(entryByte) {}

    size_t position() const { return position_; }
    size_t entryByte() const { return entryByte_; }

    Expected<uint32_t> byte() {
        if (position_ >= table_.size() || (table_[position_] & kEntryStartBit) != 0) {
            return error("line table: the entry at byte {} is truncated", entryByte_);
        }
        return table_[position_++];
    }

    // 6-bit chunks, least significant first; bit 6 says another follows.
    Expected<uint32_t> varint() {
        uint64_t value = 0;
        for (unsigned shift = 0;; shift += 6) {
            auto next = byte();
            if (!next) return next;
            value |= uint64_t(*next & 0x3F) << shift;
            if (value >= kMaxValue || shift > 30) {
                return error("line table: the entry at byte {} has a value over 2**31", entryByte_);
            }
            if ((*next & 0x40) == 0) return static_cast<uint32_t>(value);
        }
    }

    Expected<int32_t> signedVarint() {
        auto value = varint();
        if (!value) return value.error();
        int32_t magnitude = static_cast<int32_t>(*value >> 1);
        return (*value & 1) ? -magnitude : magnitude;
    }

private:
    std::span<const uint8_t> table_;
    size_t position_;
    size_t entryByte_;
};

// A stored column of 0 means "none"; the others are one more than the column.
std::optional<int32_t> columnFromVarint(uint32_t stored) {
    if (stored == 0) return std::nullopt;
    return static_cast<int32_t>(stored - 1);
}

// Reads the bytes after the first one; `line` is the running line number, updated by the entry's delta.
Expected<SourcePosition> readPosition(EntryReader& reader, int code, int64_t& line) {
    SourcePosition position;
    if (code == kNoLocation) return position;
    if (code == kLongForm || code == kNoColumns) {
        auto delta = reader.signedVarint();
        if (!delta) return delta.error();
        line += *delta;
    } else if (code >= kOneLineFirst && code <= kOneLineLast) {
        line += code - kOneLineFirst;
    }
    auto checkedLine = [&](int64_t value) -> Expected<int32_t> {
        if (value < 0 || value > std::numeric_limits<int32_t>::max()) {
            return error("line table: the entry at byte {} gives line {}", reader.entryByte(), value);
        }
        return static_cast<int32_t>(value);
    };
    auto startLine = checkedLine(line);
    if (!startLine) return startLine.error();
    position.line = position.endLine = *startLine;
    if (code == kLongForm) {
        auto endDelta = reader.varint();
        if (!endDelta) return endDelta.error();
        auto column = reader.varint();
        if (!column) return column.error();
        auto endColumn = reader.varint();
        if (!endColumn) return endColumn.error();
        auto endLine = checkedLine(line + *endDelta);
        if (!endLine) return endLine.error();
        position.endLine = *endLine;
        position.column = columnFromVarint(*column);
        position.endColumn = columnFromVarint(*endColumn);
    } else if (code >= kOneLineFirst && code <= kOneLineLast) {
        auto column = reader.byte();
        if (!column) return column.error();
        auto endColumn = reader.byte();
        if (!endColumn) return endColumn.error();
        position.column = static_cast<int32_t>(*column);
        position.endColumn = static_cast<int32_t>(*endColumn);
    } else if (code <= kShortFormLast) {
        // The code holds column / 8; the second byte the column's low 3 bits and the width.
        auto second = reader.byte();
        if (!second) return second.error();
        position.column = code * 8 + static_cast<int32_t>((*second >> 4) & 7);
        position.endColumn = *position.column + static_cast<int32_t>(*second & 15);
    }
    return position;
}

}  // namespace

Expected<LineTable> LineTable::decode(std::span<const uint8_t> table, int32_t firstLine, uint32_t codeUnitCount) {
    LineTable result;
    result.entryOfUnit_.reserve(codeUnitCount);
    int64_t line = firstLine;
    std::optional<int32_t> lastLine;
    CodeUnitOffset unit(0);
    for (size_t position = 0; position < table.size();) {
        uint8_t first = table[position];
        if ((first & kEntryStartBit) == 0) return error("line table: byte {} should start an entry", position);
        EntryReader reader(table, position);
        auto entryPosition = readPosition(reader, (first >> 3) & 15, line);
        if (!entryPosition) return entryPosition.error();
        LineTableEntry entry{unit, uint32_t(first & 7) + 1, *entryPosition, false};
        if (entry.start.value() + entry.length > codeUnitCount) {
            return error(
                "line table: the entry at byte {} covers offsets up to {}, past the end of the code ({} bytes)",
                position, (entry.start.value() + entry.length) * kBytesPerCodeUnit, codeUnitCount * kBytesPerCodeUnit);
        }
        if (entry.position.line && entry.position.line != lastLine) {
            entry.startsLine = true;
            lastLine = entry.position.line;
        }
        result.entryOfUnit_.insert(result.entryOfUnit_.end(), entry.length,
                                   static_cast<uint32_t>(result.entries_.size()));
        result.entries_.push_back(entry);
        unit = unit + entry.length;
        position = reader.position();
    }
    return result;
}

const LineTableEntry* LineTable::entryAt(CodeUnitOffset unit) const {
    if (unit.value() >= entryOfUnit_.size()) return nullptr;
    return &entries_[entryOfUnit_[unit.value()]];
}

SourcePosition LineTable::positionAt(CodeUnitOffset unit) const {
    const LineTableEntry* entry = entryAt(unit);
    return entry ? entry->position : SourcePosition{};
}

std::optional<int32_t> LineTable::lineStartingAt(CodeUnitOffset unit) const {
    const LineTableEntry* entry = entryAt(unit);
    if (entry == nullptr || entry->start != unit || !entry->startsLine) return std::nullopt;
    return entry->position.line;
}

}  // namespace pyjit::frontend
