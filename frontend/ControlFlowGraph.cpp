#include "frontend/ControlFlowGraph.h"

namespace pyjit::frontend {

namespace {

// leaders[i] is set when instruction i starts a block; index size() stands for the end of the code.
std::vector<bool> findLeaders(const Bytecode& bytecode, const ExceptionTable& exceptionTable) {
    std::vector<bool> leaders(bytecode.size() + 1, false);
    leaders[0] = true;
    for (uint32_t i = 0; i < bytecode.size(); i++) {
        const Instruction& instruction = bytecode[InstrIndex(i)];
        const OpcodeInfo& info = instruction.info();
        if (instruction.jumpTarget) leaders[instruction.jumpTarget->value()] = true;
        if (info.isJump() || info.endsFlow()) leaders[i + 1] = true;
        // A generator resumes after these (a JIT enters its code there): each resume point starts a block.
        if (instruction.opcode == Opcode::YIELD_VALUE || instruction.opcode == Opcode::RETURN_GENERATOR) {
            leaders[i + 1] = true;
        }
    }
    // Splitting at range boundaries gives every block at most one handler.
    for (const ExceptionTableEntry& entry : exceptionTable.entries()) {
        leaders[entry.firstInstruction.value()] = true;
        leaders[entry.endInstruction.value()] = true;
        leaders[entry.handler.value()] = true;
    }
    return leaders;
}

}  // namespace

std::string_view edgeKindName(EdgeKind kind) {
    switch (kind) {
        case EdgeKind::Fallthrough: return "fallthrough";
        case EdgeKind::Jump: return "jump";
        case EdgeKind::Exception: return "exception";
    }
    return "?";
}

ControlFlowGraph ControlFlowGraph::build(const Bytecode& bytecode, const ExceptionTable& exceptionTable) {
    ControlFlowGraph graph;
    std::vector<bool> leaders = findLeaders(bytecode, exceptionTable);
    graph.blockOfInstruction_.resize(bytecode.size());
    for (uint32_t i = 0; i < bytecode.size(); i++) {
        if (leaders[i]) {
            if (!graph.blocks_.empty()) graph.blocks_.back().end = InstrIndex(i);
            graph.blocks_.push_back(BasicBlock{InstrIndex(i), InstrIndex(i), {}, std::nullopt, false});
        }
        graph.blockOfInstruction_[i] = graph.size() - 1;
    }
    graph.blocks_.back().end = InstrIndex(bytecode.size());
    for (BasicBlock& block : graph.blocks_) graph.addSuccessors(block, bytecode, exceptionTable);
    return graph;
}

void ControlFlowGraph::addSuccessors(BasicBlock& block, const Bytecode& bytecode,
                                     const ExceptionTable& exceptionTable) {
    const Instruction& last = bytecode[block.end - 1];
    const OpcodeInfo& info = last.info();
    if (!info.endsFlow()) {
        if (block.end.value() < bytecode.size()) {
            block.successors.push_back({blockContaining(block.end), EdgeKind::Fallthrough});
        } else {
            block.fallsOffEnd = true;
        }
    }
    if (last.jumpTarget) block.successors.push_back({blockContaining(*last.jumpTarget), EdgeKind::Jump});
    if (const ExceptionTableEntry* entry = exceptionTable.handlerFor(bytecode, block.begin)) {
        block.exceptionEntry = static_cast<uint32_t>(entry - exceptionTable.entries().data());
        block.successors.push_back({blockContaining(entry->handler), EdgeKind::Exception});
    }
}

}  // namespace pyjit::frontend
