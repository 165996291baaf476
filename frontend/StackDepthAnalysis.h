// The value-stack depth at every reachable instruction, found by propagating stack effects along the
// control flow graph from depth 0 at the entry; exception handlers start at their table entry's depth
// plus lasti plus the exception. Also the maximum, which equals the compiler's co_stacksize.
#pragma once

#include "frontend/BytecodeDecoder.h"
#include "frontend/ControlFlowGraph.h"
#include "frontend/ExceptionTable.h"
#include "frontend/FrontendError.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace pyjit::frontend {

class StackDepthAnalysis {
public:
    // Fails if some path underflows the stack, reaches a block with two different depths, runs past the
    // end of the code, or leaves fewer values than a covering handler unwinds to.
    static Expected<StackDepthAnalysis> run(const Bytecode& bytecode, const ExceptionTable& exceptionTable,
                                            const ControlFlowGraph& graph);

    // nullopt for blocks and instructions no analysed path reaches.
    std::optional<uint32_t> blockEntryDepth(BlockIndex block) const { return known(blockEntry_[block.value()]); }
    std::optional<uint32_t> depthBefore(InstrIndex instruction) const {
        return known(instructionDepth_[instruction.value()]);
    }
    // The maximum over every instruction the compiler's own stackdepth() walks, which makes it equal
    // co_stacksize: reachable code and code orphaned by the compiler's optimizations (see StackDepthAnalysis.cpp).
    uint32_t maxDepth() const { return maxDepth_; }
    // Reached from the entry through fallthrough, jump and exception edges. Orphaned code has a depth
    // but is not reachable.
    bool reachable(BlockIndex block) const { return reachable_[block.value()]; }

private:
    static constexpr int64_t kUnknown = -1;
    static std::optional<uint32_t> known(int64_t depth) {
        if (depth == kUnknown) return std::nullopt;
        return static_cast<uint32_t>(depth);
    }

    std::vector<int64_t> blockEntry_;
    std::vector<int64_t> instructionDepth_;
    std::vector<bool> reachable_;
    uint32_t maxDepth_ = 0;

    friend class StackDepthWalker;
};

}  // namespace pyjit::frontend
