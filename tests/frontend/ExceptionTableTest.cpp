#include "BytecodeBuilder.h"
#include "EmbeddedPython.h"
#include "frontend/ExceptionTable.h"

#include <gtest/gtest.h>

#include <string>

namespace pyjit::frontend {
namespace {

using testing::BytecodeBuilder;
using testing::encodeExceptionTable;

// NOPs followed by a RETURN_VALUE: every unit is an instruction start.
Bytecode nops(int count) {
    BytecodeBuilder builder;
    builder.repeat(Opcode::NOP, count - 1).op(Opcode::RETURN_VALUE);
    return std::move(*decodeBytecode(builder.bytes));
}

std::vector<testing::Row> rowsOf(const ExceptionTable& table) {
    std::vector<testing::Row> rows;
    for (const ExceptionTableEntry& entry : table.entries()) {
        rows.push_back({toByteOffset(entry.start).value(), toByteOffset(entry.end).value(),
                        toByteOffset(entry.target).value(), entry.depth, entry.pushLasti});
    }
    return rows;
}

void expectError(const std::vector<uint8_t>& table, const Bytecode& bytecode, const std::string& expected) {
    auto decoded = ExceptionTable::decode(table, bytecode);
    ASSERT_FALSE(decoded) << "decoded, expected: " << expected;
    EXPECT_NE(decoded.error().message.find(expected), std::string::npos) << decoded.error().message;
}

// The worked example of CPython's Objects/exception_handling_notes.txt.
TEST(ExceptionTable, DecodesTheDocumentedExample) {
    std::vector<uint8_t> table = {148, 8, 65, 36, 6};
    EXPECT_EQ(table, encodeExceptionTable({{20, 8, 100, 3, false}}));
    Bytecode bytecode = nops(120);
    auto decoded = ExceptionTable::decode(table, bytecode);
    ASSERT_TRUE(decoded) << decoded.error().message;
    ASSERT_EQ(decoded->entries().size(), 1u);
    const ExceptionTableEntry& entry = decoded->entries()[0];
    EXPECT_EQ(entry.start.value(), 20u);
    EXPECT_EQ(entry.end.value(), 28u);
    EXPECT_EQ(entry.target.value(), 100u);
    EXPECT_EQ(entry.depth, 3u);
    EXPECT_FALSE(entry.pushLasti);
    EXPECT_EQ(entry.handlerEntryDepth(), 4u);
    EXPECT_EQ(entry.handler.value(), 100u);
    EXPECT_EQ(decoded->handlerFor(bytecode, InstrIndex(27)), &entry);
    EXPECT_EQ(decoded->handlerFor(bytecode, InstrIndex(28)), nullptr);
    EXPECT_EQ(decoded->handlerFor(bytecode, InstrIndex(19)), nullptr);
}

TEST(ExceptionTable, MatchesDisOnHandlersWithAndWithoutLasti) {
    auto code = testing::compile(R"(
def f(path):
    try:
        with open(path) as file:
            return file.read()
    except OSError as error:
        return str(error)
    finally:
        print("done")
)",
                                 "f");
    auto bytecode = decodeBytecode(code.input().code);
    ASSERT_TRUE(bytecode);
    auto table = ExceptionTable::decode(code.input().exceptionTable, *bytecode);
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(rowsOf(*table), code.disExceptionTable());
    bool withLasti = false, withoutLasti = false;
    for (const ExceptionTableEntry& entry : table->entries()) {
        (entry.pushLasti ? withLasti : withoutLasti) = true;
        EXPECT_EQ(entry.handlerEntryDepth(), entry.depth + (entry.pushLasti ? 2 : 1));
    }
    EXPECT_TRUE(withLasti);
    EXPECT_TRUE(withoutLasti);
}

TEST(ExceptionTable, LargeValuesUseSeveralChunks) {
    Bytecode bytecode = nops(5000);
    auto table = encodeExceptionTable({{70, 4000, 4500, 200, true}});
    auto decoded = ExceptionTable::decode(table, bytecode);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(rowsOf(*decoded), (std::vector<testing::Row>{{140, 8140, 9000, 200, 1}}));
}

TEST(ExceptionTable, RangesAndTargetsMustBeInstructionStarts) {
    auto bytecode =
        decodeBytecode(BytecodeBuilder().op(Opcode::NOP).op(Opcode::BINARY_SUBSCR).op(Opcode::RETURN_VALUE).bytes);
    ASSERT_TRUE(bytecode);
    expectError(encodeExceptionTable({{2, 4, 0, 0}}), *bytecode,
                "offset 4: exception table entry 0: its range starts inside an instruction");
    expectError(encodeExceptionTable({{0, 3, 0, 0}}), *bytecode,
                "offset 6: exception table entry 0: its range ends inside an instruction");
    expectError(encodeExceptionTable({{0, 1, 3, 0}}), *bytecode,
                "offset 6: exception table entry 0: its handler is inside an instruction");
    EXPECT_TRUE(ExceptionTable::decode(encodeExceptionTable({{0, 6, 6, 0}}), *bytecode));
}

TEST(ExceptionTable, RangesPastTheEndAreErrors) {
    Bytecode bytecode = nops(10);
    expectError(encodeExceptionTable({{8, 3, 0, 0}}), bytecode, "reaches past the end of the code (20 bytes)");
    expectError(encodeExceptionTable({{0, 3, 10, 0}}), bytecode, "reaches past the end of the code");
}

TEST(ExceptionTable, EntriesMustBeSortedWithoutOverlap) {
    Bytecode bytecode = nops(10);
    expectError(encodeExceptionTable({{0, 4, 9, 0}, {3, 2, 9, 0}}), bytecode, "entry 1 overlaps or precedes entry 0");
    expectError(encodeExceptionTable({{5, 2, 9, 0}, {0, 2, 9, 0}}), bytecode, "entry 1 overlaps or precedes entry 0");
    EXPECT_TRUE(ExceptionTable::decode(encodeExceptionTable({{0, 4, 9, 0}, {4, 2, 9, 0}}), bytecode));
}

TEST(ExceptionTable, MalformedBytesAreErrors) {
    Bytecode bytecode = nops(10);
    expectError({0x01, 0x02, 0x03, 0x00}, bytecode, "entry 0 at byte 0 lacks its start marker");
    expectError({0x80, 0x02, 0x03}, bytecode, "entry 0 (byte 0) is truncated");
    expectError({0x80, 0x42}, bytecode, "entry 0 (byte 0) is truncated");
    expectError({0x80, 0x02, 0x03, 0x80}, bytecode, "truncated by the start of another at byte 3");
    expectError({0x80, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x01, 0x01, 0x00}, bytecode, "has a value over 2**30");
    auto second = encodeExceptionTable({{0, 2, 9, 0}});
    second.push_back(0x01);
    expectError(second, bytecode, "entry 1 at byte 4 lacks its start marker");
    EXPECT_TRUE(ExceptionTable::decode({}, bytecode));
}

}  // namespace
}  // namespace pyjit::frontend
