#include "EmbeddedPython.h"
#include "frontend/OpcodeTable.h"
#include "frontend/StackEffect.h"

#include <gtest/gtest.h>

namespace pyjit::frontend {
namespace {

TEST(OpcodeTable, NumbersAndNamesRoundTrip) {
    for (const OpcodeInfo& info : allOpcodes()) {
        const OpcodeInfo* found = findOpcode(static_cast<uint8_t>(info.opcode));
        ASSERT_NE(found, nullptr) << info.name;
        EXPECT_EQ(found->name, info.name);
        EXPECT_EQ(opcodeName(info.opcode), info.name);
    }
    EXPECT_EQ(opcodeName(Opcode::LOAD_CONST), "LOAD_CONST");
    EXPECT_EQ(static_cast<int>(Opcode::EXTENDED_ARG), 144);
    EXPECT_EQ(opcodeInfo(Opcode::LOAD_GLOBAL).cacheEntries, 5);
}

TEST(OpcodeTable, FlagsFollowCPythonsClasses) {
    EXPECT_TRUE(opcodeInfo(Opcode::LOAD_CONST).has(OpcodeInfo::Const));
    EXPECT_TRUE(opcodeInfo(Opcode::LOAD_FAST).has(OpcodeInfo::Local));
    EXPECT_TRUE(opcodeInfo(Opcode::LOAD_DEREF).has(OpcodeInfo::Free));
    EXPECT_TRUE(opcodeInfo(Opcode::COMPARE_OP).has(OpcodeInfo::Compare));
    EXPECT_TRUE(opcodeInfo(Opcode::JUMP_BACKWARD).has(OpcodeInfo::Backward));
    EXPECT_TRUE(opcodeInfo(Opcode::POP_JUMP_FORWARD_IF_NONE).isJump());
    EXPECT_FALSE(opcodeInfo(Opcode::POP_JUMP_FORWARD_IF_NONE).endsFlow());
    EXPECT_TRUE(opcodeInfo(Opcode::JUMP_FORWARD).endsFlow());
    EXPECT_TRUE(opcodeInfo(Opcode::RERAISE).endsFlow());
    EXPECT_FALSE(opcodeInfo(Opcode::POP_TOP).hasArg());
    EXPECT_TRUE(opcodeInfo(Opcode::RESUME).hasArg());
}

TEST(OpcodeTable, SpecializedFormsAreKnownButNotDecodable) {
    ASSERT_FALSE(allSpecializedOpcodes().empty());
    for (const SpecializedOpcodeInfo& info : allSpecializedOpcodes()) {
        EXPECT_EQ(findOpcode(info.number), nullptr) << info.name;
        EXPECT_EQ(findSpecializedOpcode(info.number), &info);
    }
    const SpecializedOpcodeInfo* quick = nullptr;
    for (const SpecializedOpcodeInfo& info : allSpecializedOpcodes()) {
        if (info.name == "JUMP_BACKWARD_QUICK") quick = &info;
    }
    ASSERT_NE(quick, nullptr);
    EXPECT_EQ(quick->base, Opcode::JUMP_BACKWARD);
}

TEST(OpcodeTable, JumpsHaveNoInlineCaches) {
    for (const OpcodeInfo& info : allOpcodes()) {
        if (info.isJump()) {
            EXPECT_EQ(info.cacheEntries, 0) << info.name;
        }
    }
}

TEST(OpcodeTable, OperatorTables) {
    ASSERT_EQ(compareOps().size(), 6u);
    EXPECT_EQ(compareOps()[2], "==");
    ASSERT_EQ(binaryOps().size(), 26u);
    EXPECT_EQ(binaryOps()[0].name, "NB_ADD");
    EXPECT_EQ(binaryOps()[13].symbol, "+=");
}

// The reference for stack effects is CPython's own dis.stack_effect, for every opcode number, every
// argument 0..1023, both with and without the jump.
TEST(StackEffect, MatchesDisForEveryOpcodeAndArgument) {
    constexpr int kArgs = 1024;
    int compared = 0;
    for (int number = 0; number < 256; number++) {
        std::vector<int64_t> reference = testing::disStackEffects(number, kArgs);
        const OpcodeInfo* info = findOpcode(static_cast<uint8_t>(number));
        ASSERT_EQ(info != nullptr, !reference.empty()) << "opcode " << number;
        if (info == nullptr) continue;
        for (int arg = 0; arg < kArgs; arg++) {
            for (bool jump : {false, true}) {
                std::optional<int64_t> effect = stackEffect(info->opcode, arg, jump);
                ASSERT_TRUE(effect) << info->name;
                ASSERT_EQ(*effect, reference[2 * arg + jump]) << info->name << " arg " << arg << " jump " << jump;
                compared++;
            }
        }
    }
    EXPECT_EQ(compared, static_cast<int>(allOpcodes().size()) * kArgs * 2);
}

TEST(StackEffect, SpecialRulesCoverTheIrregularOpcodes) {
    EXPECT_EQ(stackEffect(Opcode::UNPACK_EX, 0x0203, false), 3 + 2);
    EXPECT_EQ(stackEffect(Opcode::BUILD_SLICE, 3, false), -2);
    EXPECT_EQ(stackEffect(Opcode::BUILD_SLICE, 2, false), -1);
    EXPECT_EQ(stackEffect(Opcode::MAKE_FUNCTION, 0x0F, false), -4);
    EXPECT_EQ(stackEffect(Opcode::FORMAT_VALUE, 0x04, false), -1);
    EXPECT_EQ(stackEffect(Opcode::CALL_FUNCTION_EX, 1, false), -3);
    EXPECT_EQ(stackEffect(Opcode::LOAD_GLOBAL, 1, false), 2);
    EXPECT_EQ(stackEffect(Opcode::FOR_ITER, 7, true), -1);
    EXPECT_EQ(stackEffect(Opcode::FOR_ITER, 7, false), 1);
    EXPECT_EQ(stackEffect(Opcode::BUILD_MAP, 1000000, false), 1 - 2 * 1000000);
}

}  // namespace
}  // namespace pyjit::frontend
