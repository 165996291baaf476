#include "BytecodeBuilder.h"
#include "EmbeddedPython.h"
#include "frontend/CodeAnalysis.h"

#include <gtest/gtest.h>

namespace pyjit::frontend {
namespace {

using testing::BytecodeBuilder;

CodeAnalysis analyzeOk(const CodeInput& input) {
    auto analysis = analyzeCode(input);
    if (!analysis) {
        ADD_FAILURE() << analysis.error().message;
        std::abort();
    }
    return std::move(*analysis);
}

// (first instruction, instruction count, successor kinds) per block, for compact expectations.
std::string describe(const CodeAnalysis& analysis) {
    std::string text;
    for (uint32_t b = 0; b < analysis.graph.size(); b++) {
        const BasicBlock& block = analysis.graph[BlockIndex(b)];
        text += fmt::format("B{} [{},{}) ->", b, block.begin.value(), block.end.value());
        for (const Edge& edge : block.successors)
            text += fmt::format(" B{}:{}", edge.target.value(), edgeKindName(edge.kind));
        text += "\n";
    }
    return text;
}

TEST(ControlFlowGraph, StraightLineCodeIsOneBlock) {
    auto bytes = BytecodeBuilder().op(Opcode::RESUME).op(Opcode::LOAD_CONST, 0).op(Opcode::RETURN_VALUE).bytes;
    CodeAnalysis analysis = analyzeOk(testing::inputOf(bytes));
    EXPECT_EQ(describe(analysis), "B0 [0,3) ->\n");
}

TEST(ControlFlowGraph, ConditionalJumpsHaveFallthroughAndJumpEdges) {
    // 0 RESUME; 1 LOAD_CONST; 2 POP_JUMP_FORWARD_IF_FALSE ->5; 3 LOAD_CONST; 4 RETURN_VALUE; 5 LOAD_CONST;
    // 6 RETURN_VALUE
    auto bytes = BytecodeBuilder()
                     .op(Opcode::RESUME)
                     .op(Opcode::LOAD_CONST, 0)
                     .op(Opcode::POP_JUMP_FORWARD_IF_FALSE, 2)
                     .op(Opcode::LOAD_CONST, 0)
                     .op(Opcode::RETURN_VALUE)
                     .op(Opcode::LOAD_CONST, 0)
                     .op(Opcode::RETURN_VALUE)
                     .bytes;
    CodeAnalysis analysis = analyzeOk(testing::inputOf(bytes));
    EXPECT_EQ(describe(analysis),
              "B0 [0,3) -> B1:fallthrough B2:jump\n"
              "B1 [3,5) ->\n"
              "B2 [5,7) ->\n");
}

TEST(ControlFlowGraph, LoopsHaveBackEdges) {
    auto code = testing::compile(R"(
def f(n):
    total = 0
    for i in range(n):
        total += i
    return total
)",
                                 "f");
    CodeAnalysis analysis = analyzeOk(code.input());
    int backEdges = 0;
    for (uint32_t b = 0; b < analysis.graph.size(); b++) {
        for (const Edge& edge : analysis.graph[BlockIndex(b)].successors) {
            if (edge.kind == EdgeKind::Jump && edge.target.value() <= b) backEdges++;
        }
    }
    EXPECT_EQ(backEdges, 1);
}

TEST(ControlFlowGraph, CoveredBlocksHaveExceptionEdgesToTheirHandler) {
    auto code = testing::compile(R"(
def f(x):
    try:
        x = x.y
    except AttributeError:
        x = None
    return x
)",
                                 "f");
    CodeAnalysis analysis = analyzeOk(code.input());
    ASSERT_FALSE(analysis.exceptionTable.empty());
    const ExceptionTableEntry& first = analysis.exceptionTable.entries()[0];
    BlockIndex handler = analysis.graph.blockContaining(first.handler);
    EXPECT_EQ(analysis.bytecode[analysis.graph[handler].begin].opcode, Opcode::PUSH_EXC_INFO);
    bool found = false;
    for (const BasicBlock& block : analysis.graph.blocks()) {
        // Blocks are split at range boundaries: a block is wholly inside or outside each range.
        for (const ExceptionTableEntry& entry : analysis.exceptionTable.entries()) {
            bool inside = block.begin >= entry.firstInstruction && block.end <= entry.endInstruction;
            bool outside = block.end <= entry.firstInstruction || block.begin >= entry.endInstruction;
            EXPECT_TRUE(inside || outside);
        }
        if (block.exceptionEntry == 0u) {
            ASSERT_FALSE(block.successors.empty());
            EXPECT_EQ(block.successors.back().kind, EdgeKind::Exception);
            EXPECT_EQ(block.successors.back().target, handler);
            found = true;
        }
    }
    EXPECT_TRUE(found);
}

TEST(ControlFlowGraph, RunningPastTheEndIsAnError) {
    auto bytes = BytecodeBuilder().op(Opcode::RESUME).op(Opcode::NOP).bytes;
    auto analysis = analyzeCode(testing::inputOf(bytes));
    ASSERT_FALSE(analysis);
    EXPECT_EQ(analysis.error().message, "offset 2: control runs past the end of the code after NOP");
}

TEST(ControlFlowGraph, UnreachableCodePastTheEndIsNoError) {
    // Dead code that would fall off the end is never run.
    auto bytes = BytecodeBuilder().op(Opcode::LOAD_CONST, 0).op(Opcode::RETURN_VALUE).op(Opcode::NOP).bytes;
    CodeAnalysis analysis = analyzeOk(testing::inputOf(bytes));
    ASSERT_EQ(analysis.graph.size(), 2u);
    EXPECT_TRUE(analysis.graph[BlockIndex(1)].fallsOffEnd);
    EXPECT_FALSE(analysis.stackDepths.reachable(BlockIndex(1)));
    EXPECT_EQ(analysis.stackDepths.blockEntryDepth(BlockIndex(1)), std::nullopt);
}

}  // namespace
}  // namespace pyjit::frontend
