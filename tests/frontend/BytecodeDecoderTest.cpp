#include "BytecodeBuilder.h"
#include "EmbeddedPython.h"
#include "frontend/BytecodeDecoder.h"

#include <gtest/gtest.h>

#include <string>

namespace pyjit::frontend {
namespace {

using testing::BytecodeBuilder;
using testing::compile;

Bytecode decodeOk(const std::vector<uint8_t>& bytes) {
    auto decoded = decodeBytecode(bytes);
    if (!decoded) ADD_FAILURE() << decoded.error().message;
    return decoded ? std::move(*decoded) : Bytecode{};
}

// Fails unless decoding fails with a message containing `expected` (and the offset, when given).
void expectError(const std::vector<uint8_t>& bytes, const std::string& expected, std::optional<uint32_t> offset,
                 std::optional<OperandLimits> limits = std::nullopt) {
    auto decoded = decodeBytecode(bytes, limits);
    ASSERT_FALSE(decoded) << "decoded, expected: " << expected;
    EXPECT_NE(decoded.error().message.find(expected), std::string::npos) << decoded.error().message;
    if (offset) {
        ASSERT_TRUE(decoded.error().offset);
        EXPECT_EQ(decoded.error().offset->value(), *offset) << decoded.error().message;
        EXPECT_NE(decoded.error().message.find("offset " + std::to_string(*offset)), std::string::npos);
    }
}

// The highest opcode number 3.11 has neither as a base nor as a specialized opcode, or -1.
int unknownOpcodeNumber() {
    for (int number = 255; number >= 0; number--) {
        if (!findOpcode(number) && !findSpecializedOpcode(number)) return number;
    }
    return -1;
}

// Every instruction matches what dis lists (dis shows EXTENDED_ARG prefixes as instructions too).
void expectMatchesDis(const testing::CompiledCode& code) {
    auto decoded = decodeBytecode(code.input().code, code.input().limits);
    ASSERT_TRUE(decoded) << decoded.error().message;
    std::vector<testing::Row> mine;
    for (const Instruction& instruction : decoded->instructions()) {
        for (uint32_t k = 0; k < instruction.prefixCount; k++) {
            mine.push_back({toByteOffset(instruction.start + k).value(), static_cast<int>(Opcode::EXTENDED_ARG),
                            instruction.prefixArg(k), -1});
        }
        int64_t target = -1;
        if (instruction.jumpTarget) target = toByteOffset((*decoded)[*instruction.jumpTarget].start).value();
        mine.push_back({toByteOffset(instruction.opcodeUnit()).value(), static_cast<uint8_t>(instruction.opcode),
                        instruction.info().hasArg() ? int64_t(instruction.arg) : -1, target});
    }
    EXPECT_EQ(mine, code.disInstructions());
}

TEST(BytecodeDecoder, MatchesDisOnAFunction) {
    auto code = compile(R"(
def f(a, b=2, *args, **kw):
    x = [i * a for i in range(b) if i % 2]
    return {k: v for k, v in kw.items()}, x, args
)",
                        "f");
    expectMatchesDis(code);
}

TEST(BytecodeDecoder, FoldsExtendedArgChainsOfUpToThreePrefixes) {
    auto bytes = BytecodeBuilder()
                     .op(Opcode::NOP)
                     .op(Opcode::LOAD_CONST, 0x12)
                     .op(Opcode::LOAD_CONST, 0x1234)
                     .op(Opcode::LOAD_CONST, 0x123456)
                     .op(Opcode::LOAD_CONST, 0x12345678)
                     .op(Opcode::RETURN_VALUE)
                     .bytes;
    Bytecode bytecode = decodeOk(bytes);
    ASSERT_EQ(bytecode.size(), 6u);
    for (uint32_t i = 1; i <= 4; i++) {
        const Instruction& load = bytecode[InstrIndex(i)];
        EXPECT_EQ(load.opcode, Opcode::LOAD_CONST);
        EXPECT_EQ(load.prefixCount, i - 1);
        EXPECT_EQ(load.opcodeUnit(), load.start + (i - 1));
    }
    const Instruction& longest = bytecode[InstrIndex(4)];
    EXPECT_EQ(longest.arg, 0x12345678u);
    EXPECT_EQ(longest.start.value(), 1u + 1 + 2 + 3);
    EXPECT_EQ(longest.prefixArg(0), 0x12u);
    EXPECT_EQ(longest.prefixArg(2), 0x123456u);
    // Units map back to the instruction, prefixes included.
    EXPECT_EQ(bytecode.instructionContaining(longest.start + 1).value(), 4u);
    EXPECT_EQ(bytecode.instructionStartingAt(longest.start), InstrIndex(4));
    EXPECT_EQ(bytecode.instructionStartingAt(longest.opcodeUnit()), std::nullopt);
}

TEST(BytecodeDecoder, SkipsInlineCaches) {
    auto bytes = BytecodeBuilder().op(Opcode::LOAD_GLOBAL, 1).op(Opcode::BINARY_SUBSCR).op(Opcode::RETURN_VALUE).bytes;
    Bytecode bytecode = decodeOk(bytes);
    ASSERT_EQ(bytecode.size(), 3u);
    EXPECT_EQ(bytecode[InstrIndex(1)].start.value(), 6u);  // after LOAD_GLOBAL's 5 caches
    EXPECT_EQ(bytecode[InstrIndex(2)].start.value(), 11u);
    EXPECT_EQ(bytecode.codeUnitCount(), 12u);
}

TEST(BytecodeDecoder, ForwardJumpLandsOnTheTargetsFirstPrefix) {
    // JUMP_FORWARD over a NOP onto an instruction whose argument needs an EXTENDED_ARG.
    auto bytes = BytecodeBuilder()
                     .op(Opcode::JUMP_FORWARD, 1)
                     .op(Opcode::NOP)
                     .op(Opcode::LOAD_CONST, 0x100)
                     .op(Opcode::RETURN_VALUE)
                     .bytes;
    Bytecode bytecode = decodeOk(bytes);
    EXPECT_EQ(bytecode[InstrIndex(0)].jumpTarget, InstrIndex(2));
    // Jumping past the prefix would run LOAD_CONST without its high byte: an error, not a guess.
    auto skipping = BytecodeBuilder()
                        .op(Opcode::JUMP_FORWARD, 2)
                        .op(Opcode::NOP)
                        .op(Opcode::LOAD_CONST, 0x100)
                        .op(Opcode::RETURN_VALUE)
                        .bytes;
    expectError(skipping, "jumps to offset 6, inside the LOAD_CONST at offset 6", 0);
}

TEST(BytecodeDecoder, JumpsCountFromTheOpcodeUnitNotTheFirstPrefix) {
    // A backward jump of 300 units needs a prefix; the distance counts from after its opcode unit.
    BytecodeBuilder builder;
    builder.repeat(Opcode::NOP, 300);
    uint32_t jumpStart = builder.here();
    builder.op(Opcode::JUMP_BACKWARD, 300 + 2);  // from unit 302 (after the opcode) back to 0
    Bytecode bytecode = decodeOk(builder.bytes);
    const Instruction& jump = bytecode[InstrIndex(300)];
    EXPECT_EQ(jump.start.value(), jumpStart);
    EXPECT_EQ(jump.prefixCount, 1);
    EXPECT_EQ(jump.jumpTarget, InstrIndex(0));
    // The same jump one unit further back leaves the code.
    BytecodeBuilder outside;
    outside.repeat(Opcode::NOP, 300).op(Opcode::JUMP_BACKWARD, 303);
    expectError(outside.bytes, "JUMP_BACKWARD jumps to offset -2, outside the code", 602);
}

TEST(BytecodeDecoder, JumpPastTheEndIsAnError) {
    auto bytes = BytecodeBuilder().op(Opcode::POP_JUMP_FORWARD_IF_TRUE, 5).op(Opcode::RETURN_VALUE).bytes;
    expectError(bytes, "jumps to offset 12, outside the code (4 bytes)", 0);
}

TEST(BytecodeDecoder, JumpIntoCachesIsAnError) {
    auto bytes = BytecodeBuilder().op(Opcode::JUMP_FORWARD, 2).op(Opcode::BINARY_SUBSCR).op(Opcode::RETURN_VALUE).bytes;
    expectError(bytes, "inside the BINARY_SUBSCR at offset 2", 0);
}

TEST(BytecodeDecoder, MoreThanThreePrefixesIsAnError) {
    auto bytes = BytecodeBuilder().unit(144, 0).unit(144, 0).unit(144, 0).unit(144, 0).op(Opcode::NOP).bytes;
    expectError(bytes, "more than 3 EXTENDED_ARG prefixes", 0);
}

TEST(BytecodeDecoder, ArgumentBeyondACIntIsAnError) {
    auto bytes = BytecodeBuilder().op(Opcode::LOAD_CONST, 0x80000000u).op(Opcode::RETURN_VALUE).bytes;
    expectError(bytes, "argument 2147483648 of LOAD_CONST does not fit in a C int", 0);
}

TEST(BytecodeDecoder, ExtendedArgAtTheEndIsAnError) {
    auto bytes = BytecodeBuilder().op(Opcode::NOP).unit(144, 1).bytes;
    expectError(bytes, "EXTENDED_ARG at the end of the code prefixes nothing", 2);
}

TEST(BytecodeDecoder, ExtendedArgBeforeAnOpcodeWithoutArgumentIsAnError) {
    auto bytes = BytecodeBuilder().unit(144, 1).op(Opcode::POP_TOP).bytes;
    expectError(bytes, "EXTENDED_ARG prefixes POP_TOP, which takes no argument", 0);
}

TEST(BytecodeDecoder, UnknownOpcodeIsAnError) {
    int unknown = unknownOpcodeNumber();
    ASSERT_GE(unknown, 0);
    auto bytes = BytecodeBuilder().op(Opcode::NOP).unit(static_cast<uint8_t>(unknown), 0).bytes;
    expectError(bytes, "unknown opcode " + std::to_string(unknown), 2);
}

TEST(BytecodeDecoder, QuickenedBytecodeIsAnError) {
    const SpecializedOpcodeInfo& specialized = allSpecializedOpcodes()[0];
    auto bytes = BytecodeBuilder().unit(specialized.number, 0).bytes;
    expectError(bytes, "specialized opcode " + std::string(specialized.name), 0);
    // Caches filled in by the adaptive interpreter.
    auto cached = BytecodeBuilder().op(Opcode::BINARY_SUBSCR).op(Opcode::RETURN_VALUE).bytes;
    cached[4] = 7;
    expectError(cached, "inline cache entry of BINARY_SUBSCR at offset 0 is not zero", 4);
}

TEST(BytecodeDecoder, AdaptiveCodeWithCachesPastTheEndIsAnError) {
    // PyCode_GetCode() would write LOAD_GLOBAL's 5 cache entries past the end of its copy.
    auto truncated = BytecodeBuilder().op(Opcode::RESUME, 0).op(Opcode::LOAD_GLOBAL, 0).bytes;
    truncated.resize(6);
    auto found = checkAdaptiveCode(truncated, true);
    ASSERT_TRUE(found);
    EXPECT_NE(found->message.find("truncated bytecode: LOAD_GLOBAL needs 5 inline cache entries"), std::string::npos)
        << found->message;
}

TEST(BytecodeDecoder, NonBaseOpcodesInOriginalCoCodeAreFound) {
    // Base opcodes only, cache entries skipped even when they hold bytes that look like opcodes.
    auto base = BytecodeBuilder().op(Opcode::BINARY_SUBSCR).op(Opcode::RETURN_VALUE).bytes;
    base[2] = allSpecializedOpcodes()[0].number;
    EXPECT_FALSE(checkAdaptiveCode(base, false));
    EXPECT_FALSE(checkAdaptiveCode(compile("def f(x):\n    return x[0] + len(x)\n", "f").input().code, false));

    const SpecializedOpcodeInfo& specialized = allSpecializedOpcodes()[0];
    auto quick = BytecodeBuilder().op(Opcode::NOP).unit(specialized.number, 0).op(Opcode::RETURN_VALUE).bytes;
    EXPECT_FALSE(checkAdaptiveCode(quick, true));  // quickened: CPython's own specialization
    auto found = checkAdaptiveCode(quick, false);
    ASSERT_TRUE(found);
    EXPECT_NE(found->message.find("specialized opcode " + std::string(specialized.name)), std::string::npos);
    EXPECT_EQ(found->offset->value(), 2u);

    int unknown = unknownOpcodeNumber();
    ASSERT_GE(unknown, 0);
    auto strange = BytecodeBuilder().unit(static_cast<uint8_t>(unknown), 0).bytes;
    ASSERT_TRUE(checkAdaptiveCode(strange, true));
    EXPECT_NE(checkAdaptiveCode(strange, true)->message.find("unknown opcode " + std::to_string(unknown)), std::string::npos);
}

TEST(BytecodeDecoder, CacheWhereAnInstructionStartsIsAnError) {
    auto bytes = BytecodeBuilder().op(Opcode::NOP).unit(0, 0).bytes;
    expectError(bytes, "a CACHE entry where an instruction should start", 2);
}

TEST(BytecodeDecoder, TruncatedBytecodeIsAnError) {
    auto odd = BytecodeBuilder().op(Opcode::NOP).op(Opcode::RETURN_VALUE).bytes;
    odd.push_back(9);
    expectError(odd, "truncated bytecode: 5 bytes", 4);
    auto shortCaches = BytecodeBuilder().op(Opcode::LOAD_GLOBAL, 0).bytes;
    shortCaches.resize(6);
    expectError(shortCaches, "truncated bytecode: LOAD_GLOBAL needs 5 inline cache entries", 0);
    expectError({}, "the bytecode is empty", std::nullopt);
}

TEST(BytecodeDecoder, OperandsOutsideTheCodeObjectAreErrors) {
    OperandLimits limits{2, 1, 3};
    expectError(BytecodeBuilder().op(Opcode::LOAD_CONST, 2).bytes,
                "LOAD_CONST 2 is out of range: the code object has 2 constants", 0, limits);
    expectError(BytecodeBuilder().op(Opcode::LOAD_GLOBAL, 3).bytes,
                "LOAD_GLOBAL 1 is out of range: the code object has 1 names", 0, limits);
    expectError(BytecodeBuilder().op(Opcode::STORE_FAST, 3).bytes, "STORE_FAST 3 is out of range", 0, limits);
    expectError(BytecodeBuilder().op(Opcode::COMPARE_OP, 6).bytes, "COMPARE_OP 6 is out of range", 0);
    expectError(BytecodeBuilder().op(Opcode::BINARY_OP, 26).bytes, "BINARY_OP 26 is out of range", 0);
    EXPECT_TRUE(decodeBytecode(BytecodeBuilder().op(Opcode::LOAD_GLOBAL, 1).op(Opcode::LOAD_FAST, 2).bytes, limits));
}

// Over 65,536 instructions: jumps across the body need two EXTENDED_ARG prefixes, both ways.
TEST(BytecodeDecoder, FunctionsOverSixtyFiveThousandInstructions) {
    std::string body;
    for (int i = 0; i < 22000; i++) body += "        x = x + 1\n";
    auto code = compile("def f(x):\n    while x < 10:\n" + body + "    if x:\n" + body + "    return x\n", "f");
    auto decoded = decodeBytecode(code.input().code);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_GT(decoded->size(), 65536u * 2);
    int twoPrefixJumps = 0;
    for (const Instruction& instruction : decoded->instructions()) {
        if (instruction.jumpTarget && instruction.prefixCount == 2) twoPrefixJumps++;
    }
    EXPECT_GE(twoPrefixJumps, 2);  // the loop's backward jump and the if's forward jump at least
    expectMatchesDis(code);
}

}  // namespace
}  // namespace pyjit::frontend
