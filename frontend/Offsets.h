// Positions in a code object, as distinct types so that a byte offset, a code-unit offset and an
// instruction index can never be mixed up: they differ by a factor of two, by EXTENDED_ARG prefixes and
// by inline CACHE entries, and every one of those mix-ups would still compile if they were plain ints.
#pragma once

#include <fmt/format.h>

#include <compare>
#include <cstdint>

namespace pyjit::frontend {

// A 32-bit index with a tag that keeps it apart from other indices. Distances between two indices of
// the same kind are plain counts.
template <typename Tag>
class StrongIndex {
public:
    constexpr StrongIndex() = default;
    constexpr explicit StrongIndex(uint32_t value) : value_(value) {}

    constexpr uint32_t value() const { return value_; }
    constexpr auto operator<=>(const StrongIndex&) const = default;

    constexpr StrongIndex operator+(uint32_t count) const { return StrongIndex(value_ + count); }
    constexpr StrongIndex operator-(uint32_t count) const { return StrongIndex(value_ - count); }
    constexpr uint32_t operator-(StrongIndex other) const { return value_ - other.value_; }
    constexpr StrongIndex& operator++() {
        ++value_;
        return *this;
    }

private:
    uint32_t value_ = 0;
};

// An offset into co_code in bytes: what dis, tracebacks (f_lasti * 2) and Python users see.
using ByteOffset = StrongIndex<struct ByteOffsetTag>;
// An offset into co_code in 2-byte code units: what ceval's next_instr, jump arguments and the
// exception table count in, and what maps 1:1 onto co_code_adaptive.
using CodeUnitOffset = StrongIndex<struct CodeUnitOffsetTag>;
// The position of a decoded instruction; EXTENDED_ARG prefixes and CACHE entries are not instructions.
using InstrIndex = StrongIndex<struct InstrIndexTag>;
// The position of a basic block in its ControlFlowGraph.
using BlockIndex = StrongIndex<struct BlockIndexTag>;

inline constexpr uint32_t kBytesPerCodeUnit = 2;

constexpr ByteOffset toByteOffset(CodeUnitOffset unit) { return ByteOffset(unit.value() * kBytesPerCodeUnit); }

}  // namespace pyjit::frontend

// Formats as the bare number, so messages read "offset 14".
template <typename Tag>
struct fmt::formatter<pyjit::frontend::StrongIndex<Tag>> : fmt::formatter<uint32_t> {
    auto format(pyjit::frontend::StrongIndex<Tag> index, format_context& context) const {
        return fmt::formatter<uint32_t>::format(index.value(), context);
    }
};
