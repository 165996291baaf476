#include "BytecodeBuilder.h"
#include "EmbeddedPython.h"
#include "frontend/CodeAnalysis.h"

#include <gtest/gtest.h>

#include <string>

namespace pyjit::frontend {
namespace {

using testing::BytecodeBuilder;
using testing::encodeExceptionTable;

// Analyses a compiled function and checks the maximum against the compiler's co_stacksize, and that every
// handler starts at its table depth plus lasti plus the exception.
CodeAnalysis analyzeCompiled(const std::string& source, const std::string& qualname) {
    auto code = testing::compile(source, qualname);
    auto analysis = analyzeCode(code.input());
    if (!analysis) {
        ADD_FAILURE() << analysis.error().message;
        std::abort();
    }
    EXPECT_EQ(analysis->stackDepths.maxDepth(), code.stackSize()) << qualname;
    for (const ExceptionTableEntry& entry : analysis->exceptionTable.entries()) {
        BlockIndex handler = analysis->graph.blockContaining(entry.handler);
        if (analysis->stackDepths.reachable(handler)) {
            EXPECT_EQ(analysis->stackDepths.blockEntryDepth(handler), entry.handlerEntryDepth());
        }
    }
    return std::move(*analysis);
}

std::optional<uint32_t> depthBeforeFirst(const CodeAnalysis& analysis, Opcode opcode) {
    for (uint32_t i = 0; i < analysis.bytecode.size(); i++) {
        if (analysis.bytecode[InstrIndex(i)].opcode == opcode) return analysis.stackDepths.depthBefore(InstrIndex(i));
    }
    ADD_FAILURE() << "no " << opcodeName(opcode);
    return std::nullopt;
}

void expectError(const CodeInput& input, const std::string& expected) {
    auto analysis = analyzeCode(input);
    ASSERT_FALSE(analysis) << "analysed, expected: " << expected;
    EXPECT_EQ(analysis.error().message, expected);
}

TEST(StackDepthAnalysis, EmptyFunction) {
    CodeAnalysis analysis = analyzeCompiled("def f(): pass\n", "f");
    EXPECT_EQ(analysis.graph.size(), 1u);
    EXPECT_EQ(analysis.stackDepths.maxDepth(), 1u);
    EXPECT_EQ(analysis.stackDepths.depthBefore(InstrIndex(2)), 1u);  // RETURN_VALUE of the None
}

TEST(StackDepthAnalysis, ExpressionsAndCalls) {
    analyzeCompiled(R"(
def f(a, *args, **kwargs):
    g(a, *args, key=a[1:2:3], **kwargs)
    x, *y, z = a
    return f"{a!r:>{len(args)}}" + str(x) + [*y, z].__repr__()
)",
                    "f");
}

TEST(StackDepthAnalysis, HandlersWithLasti) {
    CodeAnalysis analysis = analyzeCompiled(R"(
def f(lock, items):
    with lock:
        for item in items:
            try:
                item.run()
            except* (ValueError, TypeError) as group:
                print(group)
            finally:
                item.close()
)",
                                            "f");
    bool sawLasti = false;
    for (const ExceptionTableEntry& entry : analysis.exceptionTable.entries()) sawLasti |= entry.pushLasti;
    EXPECT_TRUE(sawLasti);
}

TEST(StackDepthAnalysis, GeneratorsStartEmptyAndGetTheSentValueAfterReturnGenerator) {
    CodeAnalysis analysis = analyzeCompiled(R"(
def gen(xs):
    for x in xs:
        received = yield x
        yield from received
)",
                                            "gen");
    EXPECT_EQ(analysis.bytecode[InstrIndex(0)].opcode, Opcode::RETURN_GENERATOR);
    EXPECT_EQ(analysis.stackDepths.depthBefore(InstrIndex(0)), 0u);
    EXPECT_EQ(analysis.stackDepths.depthBefore(InstrIndex(1)), 1u);  // POP_TOP drops the sent None
    EXPECT_EQ(depthBeforeFirst(analysis, Opcode::RESUME), 0u);
}

TEST(StackDepthAnalysis, GeneratorExpressionsAndComprehensions) {
    analyzeCompiled("def f(xs): return (x * 2 for x in xs if x)\n", "f.<locals>.<genexpr>");
    analyzeCompiled("def f(xs): return {x: [y for y in x] for x in xs}\n", "f.<locals>.<dictcomp>");
}

TEST(StackDepthAnalysis, Coroutines) {
    const char* source = R"(
async def f(session, urls):
    async with session:
        async for chunk in session.stream(urls):
            try:
                await chunk.save()
            except Exception:
                return [u async for u in urls]
    return await session.close()
)";
    analyzeCompiled(source, "f");
    analyzeCompiled(source, "f.<locals>.<listcomp>");
    analyzeCompiled("async def g():\n    for i in range(3):\n        yield await i\n", "g");
}

TEST(StackDepthAnalysis, MatchStatements) {
    analyzeCompiled(R"(
def f(command):
    match command:
        case ["go", ("north" | "south") as direction, *rest] if rest:
            return direction
        case {"x": int(x), "y": float() as y, **others}:
            return x, y, others
        case Point(x=0, y=yy) | Point(x=yy, y=0):
            return yy
        case str() | bytes():
            return None
        case _:
            raise ValueError(command)
)",
                    "f");
}

// try bodies the compiler optimizes away leave handler code nothing reaches, which compile.c's
// stackdepth() still counts into co_stacksize; the analysis must follow it there.
TEST(StackDepthAnalysis, OrphanedHandlersCountLikeTheCompilerCountsThem) {
    CodeAnalysis finallyOnly =
        analyzeCompiled("def f():\n    try:\n        pass\n    finally:\n        return 1\n", "f");
    EXPECT_EQ(finallyOnly.stackDepths.maxDepth(), 4u);
    bool orphaned = false;
    for (uint32_t b = 0; b < finallyOnly.graph.size(); b++) {
        BlockIndex block(b);
        orphaned |= !finallyOnly.stackDepths.reachable(block) && finallyOnly.stackDepths.blockEntryDepth(block);
    }
    EXPECT_TRUE(orphaned);
    // A named except* body that compiles to nothing orphans the name's cleanup, which has a successor.
    analyzeCompiled(R"(
def f():
    try:
        raise ValueError(2)
    except* ValueError as e:
        4
    else:
        6
    finally:
        8
)",
                    "f");
}

TEST(StackDepthAnalysis, UnderflowIsAnError) {
    auto bytes = BytecodeBuilder().op(Opcode::RESUME).op(Opcode::POP_TOP).op(Opcode::RETURN_VALUE).bytes;
    expectError(testing::inputOf(bytes), "offset 2: stack underflow: POP_TOP 0 leaves -1 values on a stack of 0");
}

TEST(StackDepthAnalysis, InconsistentDepthsAreAnError) {
    // One path pushes a value before the join, the other does not.
    auto bytes = BytecodeBuilder()
                     .op(Opcode::LOAD_CONST, 0)
                     .op(Opcode::POP_JUMP_FORWARD_IF_TRUE, 1)
                     .op(Opcode::LOAD_CONST, 0)
                     .op(Opcode::LOAD_CONST, 0)  // the join, at offset 6
                     .op(Opcode::RETURN_VALUE)
                     .bytes;
    expectError(testing::inputOf(bytes),
                "offset 6: inconsistent stack depth: 0 on one path, 1 on the path from offset 4");
}

TEST(StackDepthAnalysis, HandlerDepthAboveTheStackIsAnError) {
    auto bytes =
        BytecodeBuilder().op(Opcode::NOP).op(Opcode::LOAD_CONST, 0).op(Opcode::RETURN_VALUE).op(Opcode::RERAISE).bytes;
    auto table = encodeExceptionTable({{0, 2, 3, 1}});
    expectError(testing::inputOf(bytes, table),
                "offset 0: stack depth 0 is below the depth 1 that its handler at offset 6 unwinds to");
}

TEST(StackDepthAnalysis, HandlersStartAtTableDepthPlusLastiPlusException) {
    // The second LOAD_CONST and the BINARY_OP are covered by a handler that unwinds to depth 1 and pushes
    // lasti: it starts with [x, lasti, exception].
    auto bytes = BytecodeBuilder()
                     .op(Opcode::LOAD_CONST, 0)
                     .op(Opcode::LOAD_CONST, 0)
                     .op(Opcode::BINARY_OP, 0)
                     .op(Opcode::RETURN_VALUE)
                     .op(Opcode::POP_TOP)  // handler at unit 5: [x, lasti, exc]
                     .op(Opcode::POP_TOP)
                     .op(Opcode::RETURN_VALUE)
                     .bytes;
    auto table = encodeExceptionTable({{1, 3, 5, 1, true}});
    auto analysis = analyzeCode(testing::inputOf(bytes, table));
    ASSERT_TRUE(analysis) << analysis.error().message;
    BlockIndex handler = analysis->graph.blockContaining(InstrIndex(4));
    EXPECT_EQ(analysis->stackDepths.blockEntryDepth(handler), 3u);
    EXPECT_TRUE(analysis->stackDepths.reachable(handler));
    EXPECT_EQ(analysis->stackDepths.maxDepth(), 3u);
}

}  // namespace
}  // namespace pyjit::frontend
