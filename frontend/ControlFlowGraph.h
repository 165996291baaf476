// Basic blocks of decoded bytecode and the edges between them: fallthrough, jump, and exception (to the
// handler of the exception table entry covering the block).
#pragma once

#include "frontend/BytecodeDecoder.h"
#include "frontend/ExceptionTable.h"
#include "frontend/Offsets.h"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace pyjit::frontend {

enum class EdgeKind : uint8_t { Fallthrough, Jump, Exception };
std::string_view edgeKindName(EdgeKind kind);

struct Edge {
    BlockIndex target;
    EdgeKind kind;
};

struct BasicBlock {
    InstrIndex begin;  // first instruction
    InstrIndex end;    // one past the last instruction
    // In this order: fallthrough, jump, exception -- each at most once.
    std::vector<Edge> successors;
    // The index of the exception table entry covering the block. Blocks are split at every range
    // boundary, so one entry (or none) covers all of a block.
    std::optional<uint32_t> exceptionEntry;
    // The last instruction would fall through past the end of the code.
    bool fallsOffEnd = false;
};

class ControlFlowGraph {
public:
    // Cannot fail: the decoder and the exception table already checked every target and boundary.
    static ControlFlowGraph build(const Bytecode& bytecode, const ExceptionTable& exceptionTable);

    std::span<const BasicBlock> blocks() const { return blocks_; }
    const BasicBlock& operator[](BlockIndex index) const { return blocks_[index.value()]; }
    uint32_t size() const { return static_cast<uint32_t>(blocks_.size()); }
    BlockIndex blockContaining(InstrIndex instruction) const {
        return BlockIndex(blockOfInstruction_[instruction.value()]);
    }

private:
    void addSuccessors(BasicBlock& block, const Bytecode& bytecode, const ExceptionTable& exceptionTable);

    std::vector<BasicBlock> blocks_;
    std::vector<uint32_t> blockOfInstruction_;
};

}  // namespace pyjit::frontend
