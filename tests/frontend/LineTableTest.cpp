#include "EmbeddedPython.h"
#include "frontend/BytecodeDecoder.h"
#include "frontend/LineTable.h"

#include <gtest/gtest.h>

#include <string>

namespace pyjit::frontend {
namespace {

constexpr int kNone = -1;

testing::Row rowOf(const SourcePosition& p) {
    return {p.line.value_or(kNone), p.endLine.value_or(kNone), p.column.value_or(kNone), p.endColumn.value_or(kNone)};
}

// First byte of an entry: the start bit, the 4-bit kind, the length in code units minus one.
uint8_t entryStart(int kind, int length) { return static_cast<uint8_t>(0x80 | (kind << 3) | (length - 1)); }

LineTable decodeOk(const std::vector<uint8_t>& table, int32_t firstLine, uint32_t units) {
    auto decoded = LineTable::decode(table, firstLine, units);
    if (!decoded) ADD_FAILURE() << decoded.error().message;
    return decoded ? std::move(*decoded) : LineTable{};
}

void expectError(const std::vector<uint8_t>& table, uint32_t units, const std::string& expected) {
    auto decoded = LineTable::decode(table, 1, units);
    ASSERT_FALSE(decoded) << "decoded, expected: " << expected;
    EXPECT_NE(decoded.error().message.find(expected), std::string::npos) << decoded.error().message;
}

TEST(LineTable, DecodesEveryEntryKind) {
    std::vector<uint8_t> table = {
        entryStart(1, 2),  0x35,                    // short form: column 8 + 3 = 11, width 5, same line
        entryStart(12, 1), 4,    9,                 // one-line form, 2 lines down
        entryStart(13, 3), 0x03,                    // no columns, line delta -1 (svarint 3)
        entryStart(15, 1),                          // no location, line unchanged underneath
        entryStart(14, 2), 0x04, 0x02, 0x00, 0x0B,  // long form: +2 lines, ends 2 lines later, no column, column 10
        entryStart(10, 1), 0x48, 0x49,              // one-line form, same line, columns 72..73
    };
    LineTable lines = decodeOk(table, 100, 10);
    std::vector<testing::Row> expected = {
        {100, 100, 11, 16},           {100, 100, 11, 16},       {102, 102, 4, 9},
        {101, 101, kNone, kNone},     {101, 101, kNone, kNone}, {101, 101, kNone, kNone},
        {kNone, kNone, kNone, kNone}, {103, 105, kNone, 10},    {103, 105, kNone, 10},
        {103, 103, 72, 73},
    };
    for (uint32_t unit = 0; unit < expected.size(); unit++) {
        EXPECT_EQ(rowOf(lines.positionAt(CodeUnitOffset(unit))), expected[unit]) << "unit " << unit;
    }
    // dis.findlinestarts: each entry whose line differs from the last line seen; "no location" is skipped.
    EXPECT_EQ(lines.lineStartingAt(CodeUnitOffset(0)), 100);
    EXPECT_EQ(lines.lineStartingAt(CodeUnitOffset(1)), std::nullopt);
    EXPECT_EQ(lines.lineStartingAt(CodeUnitOffset(2)), 102);
    EXPECT_EQ(lines.lineStartingAt(CodeUnitOffset(3)), 101);
    EXPECT_EQ(lines.lineStartingAt(CodeUnitOffset(6)), std::nullopt);
    EXPECT_EQ(lines.lineStartingAt(CodeUnitOffset(7)), 103);
    EXPECT_EQ(lines.lineStartingAt(CodeUnitOffset(9)), std::nullopt);
}

TEST(LineTable, MatchesCoPositionsAndFindLineStarts) {
    auto code = testing::compile(R"(
def f(items, key=None):
    total = sum(len(str(item))
                for item in items
                if item is not key)
    try:
        return {"total": total, "first": items[0]}[key]
    except (KeyError,
            IndexError):
        return None
)",
                                 "f");
    CodeInput input = code.input();
    auto bytecode = decodeBytecode(input.code);
    ASSERT_TRUE(bytecode);
    LineTable lines = decodeOk(std::vector<uint8_t>(input.lineTable.begin(), input.lineTable.end()), input.firstLine,
                               bytecode->codeUnitCount());
    std::vector<testing::Row> positions;
    std::vector<testing::Row> starts;
    for (uint32_t unit = 0; unit < bytecode->codeUnitCount(); unit++) {
        positions.push_back(rowOf(lines.positionAt(CodeUnitOffset(unit))));
        if (auto line = lines.lineStartingAt(CodeUnitOffset(unit))) starts.push_back({unit * 2, *line});
    }
    EXPECT_EQ(positions, code.positions());
    EXPECT_EQ(starts, code.lineStarts());
}

TEST(LineTable, ShorterTableLeavesTheRestWithoutLocation) {
    LineTable empty = decodeOk({}, 7, 4);
    EXPECT_EQ(empty.positionAt(CodeUnitOffset(2)), SourcePosition{});
    LineTable partial = decodeOk({entryStart(13, 1), 0x00}, 7, 4);
    EXPECT_EQ(partial.lineAt(CodeUnitOffset(0)), 7);
    EXPECT_EQ(partial.lineAt(CodeUnitOffset(1)), std::nullopt);
}

TEST(LineTable, MalformedTablesAreErrors) {
    expectError({entryStart(13, 4), 0x00}, 3, "covers offsets up to 8, past the end of the code (6 bytes)");
    expectError({0x05}, 3, "byte 0 should start an entry");
    expectError({entryStart(1, 1)}, 3, "the entry at byte 0 is truncated");
    expectError({entryStart(14, 1), 0x00, 0x00}, 3, "the entry at byte 0 is truncated");
    expectError({entryStart(13, 1), 0x41, entryStart(15, 1)}, 3, "the entry at byte 0 is truncated");
    expectError({entryStart(13, 1), 0x05}, 3, "the entry at byte 0 gives line -1");
    expectError({entryStart(13, 1), 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x01}, 3, "has a value over 2**31");
}

}  // namespace
}  // namespace pyjit::frontend
