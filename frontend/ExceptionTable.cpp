#include "frontend/ExceptionTable.h"

#include <algorithm>
#include <optional>

namespace pyjit::frontend {

namespace {

// Bit 7 marks the first byte of an entry, bit 6 says another 6-bit chunk follows (most significant first).
constexpr uint8_t kEntryStartBit = 0x80;
constexpr uint8_t kContinueBit = 0x40;
constexpr uint8_t kChunkMask = 0x3F;
// Offsets count code units of a code object smaller than 2**31 bytes.
constexpr uint64_t kMaxValue = uint64_t(1) << 30;

struct RawEntry {
    uint64_t start, size, target, depthAndLasti;
};

class EntryReader {
public:
    explicit EntryReader(std::span<const uint8_t> table) : table_(table) {}

    bool atEnd() const { return position_ >= table_.size(); }

    Expected<RawEntry> next(size_t entryNumber) {
        entryByte_ = position_;
        if ((table_[position_] & kEntryStartBit) == 0) {
            return error("exception table: entry {} at byte {} lacks its start marker", entryNumber, position_);
        }
        RawEntry entry{};
        for (uint64_t* field : {&entry.start, &entry.size, &entry.target, &entry.depthAndLasti}) {
            auto value = readVarint(entryNumber);
            if (!value) return value.error();
            *field = *value;
        }
        return entry;
    }

private:
    Expected<uint64_t> readVarint(size_t entryNumber) {
        uint64_t value = 0;
        for (;;) {
            if (position_ >= table_.size()) {
                return error("exception table: entry {} (byte {}) is truncated", entryNumber, entryByte_);
            }
            uint8_t byte = table_[position_];
            if (position_ != entryByte_ && (byte & kEntryStartBit) != 0) {
                return error("exception table: entry {} (byte {}) is truncated by the start of another at byte {}",
                             entryNumber, entryByte_, position_);
            }
            position_++;
            value = (value << 6) | (byte & kChunkMask);
            if (value > kMaxValue) {
                return error("exception table: entry {} (byte {}) has a value over 2**30", entryNumber, entryByte_);
            }
            if ((byte & kContinueBit) == 0) return value;
        }
    }

    std::span<const uint8_t> table_;
    size_t position_ = 0;
    size_t entryByte_ = 0;
};

// The instruction starting at `unit`; `end` also accepts the end of the code.
std::optional<InstrIndex> instructionBoundary(const Bytecode& bytecode, CodeUnitOffset unit, bool allowEnd) {
    if (allowEnd && unit.value() == bytecode.codeUnitCount()) return InstrIndex(bytecode.size());
    return bytecode.instructionStartingAt(unit);
}

Expected<ExceptionTableEntry> resolve(const RawEntry& raw, size_t number, const Bytecode& bytecode) {
    ExceptionTableEntry entry;
    uint64_t units = bytecode.codeUnitCount();
    if (raw.start + raw.size > units || raw.target >= units) {
        return error(
            "exception table: entry {} (offsets {} to {}, handler {}) reaches past the end of the code "
            "({} bytes)",
            number, raw.start * kBytesPerCodeUnit, (raw.start + raw.size) * kBytesPerCodeUnit,
            raw.target * kBytesPerCodeUnit, units * kBytesPerCodeUnit);
    }
    entry.start = CodeUnitOffset(static_cast<uint32_t>(raw.start));
    entry.end = CodeUnitOffset(static_cast<uint32_t>(raw.start + raw.size));
    entry.target = CodeUnitOffset(static_cast<uint32_t>(raw.target));
    entry.depth = static_cast<uint32_t>(raw.depthAndLasti >> 1);
    entry.pushLasti = (raw.depthAndLasti & 1) != 0;
    auto first = instructionBoundary(bytecode, entry.start, false);
    auto end = instructionBoundary(bytecode, entry.end, true);
    auto handler = instructionBoundary(bytecode, entry.target, false);
    struct Boundary {
        const char* what;
        CodeUnitOffset unit;
        bool found;
    };
    for (Boundary boundary :
         {Boundary{"range starts", entry.start, first.has_value()}, Boundary{"range ends", entry.end, end.has_value()},
          Boundary{"handler is", entry.target, handler.has_value()}}) {
        if (!boundary.found) {
            return errorAt(boundary.unit, "exception table entry {}: its {} inside an instruction", number,
                           boundary.what);
        }
    }
    entry.firstInstruction = *first;
    entry.endInstruction = *end;
    entry.handler = *handler;
    return entry;
}

}  // namespace

Expected<ExceptionTable> ExceptionTable::decode(std::span<const uint8_t> table, const Bytecode& bytecode) {
    ExceptionTable result;
    EntryReader reader(table);
    for (size_t number = 0; !reader.atEnd(); number++) {
        auto raw = reader.next(number);
        if (!raw) return raw.error();
        auto entry = resolve(*raw, number, bytecode);
        if (!entry) return entry.error();
        // CPython binary-searches the table, so it must be sorted; overlaps would make the handler ambiguous.
        if (!result.entries_.empty() && entry->start < result.entries_.back().end) {
            return errorAt(entry->start, "exception table entry {} overlaps or precedes entry {}", number, number - 1);
        }
        result.entries_.push_back(*entry);
    }
    return result;
}

const ExceptionTableEntry* ExceptionTable::handlerFor(const Bytecode& bytecode, InstrIndex instruction) const {
    CodeUnitOffset unit = bytecode[instruction].start;
    auto after = std::upper_bound(entries_.begin(), entries_.end(), unit,
                                  [](CodeUnitOffset u, const ExceptionTableEntry& e) { return u < e.start; });
    if (after == entries_.begin()) return nullptr;
    const ExceptionTableEntry& candidate = *(after - 1);
    return unit < candidate.end ? &candidate : nullptr;
}

}  // namespace pyjit::frontend
