#include "BytecodeView.h"

#include "frontend/CodeAnalysis.h"

#include <fmt/format.h>

#include <algorithm>

namespace pyjit::jit {

std::optional<BytecodeView> buildBytecodeView(const CodeInput& input, std::string& error) {
    frontend::CodeInput code{input.bytecode, input.exceptionTable, input.lineTable, input.firstLineNo,
                             frontend::OperandLimits{static_cast<uint32_t>(input.consts.size()),
                                                     static_cast<uint32_t>(input.names.size()),
                                                     static_cast<uint32_t>(input.nlocalsplus)}};
    auto analysis = frontend::analyzeCode(code);
    if (!analysis) {
        error = analysis.error().message;
        return std::nullopt;
    }
    if (static_cast<int>(analysis->stackDepths.maxDepth()) > input.stackSize) {
        error = fmt::format("co_stacksize {} is below the analysed maximum {}", input.stackSize,
                            analysis->stackDepths.maxDepth());
        return std::nullopt;
    }

    BytecodeView view;
    view.maxStackDepth = input.stackSize;
    const auto instructions = analysis->bytecode.instructions();
    for (uint32_t i = 0; i < instructions.size(); i++) {
        const frontend::Instruction& instruction = instructions[i];
        std::optional<size_t> target;
        if (instruction.jumpTarget) target = instruction.jumpTarget->value();
        std::optional<ViewHandler> handler;
        if (auto* entry = analysis->exceptionTable.handlerFor(analysis->bytecode, frontend::InstrIndex(i))) {
            handler = ViewHandler{entry->handler.value(), static_cast<int>(entry->depth), entry->pushLasti};
        }
        view.instructions.push_back({instruction.opcode, instruction.info().name, static_cast<int>(instruction.arg),
                                     static_cast<int>(instruction.start.value()),
                                     static_cast<int>(instruction.opcodeUnit().value()), target, handler});
    }

    const frontend::ControlFlowGraph& graph = analysis->graph;
    for (uint32_t b = 0; b < graph.size(); b++) {
        const frontend::BasicBlock& block = graph[frontend::BlockIndex(b)];
        auto depth = analysis->stackDepths.blockEntryDepth(frontend::BlockIndex(b));
        view.blocks.push_back({block.begin.value(), block.end.value(), static_cast<int>(depth.value_or(0)), false});
    }
    std::vector<uint32_t> work{0};
    if (!view.blocks.empty()) view.blocks[0].reachable = true;
    while (!work.empty()) {
        uint32_t b = work.back();
        work.pop_back();
        for (const frontend::Edge& edge : graph[frontend::BlockIndex(b)].successors) {
            ViewBlock& next = view.blocks[edge.target.value()];
            if (next.reachable) continue;
            next.reachable = true;
            work.push_back(edge.target.value());
        }
    }
    return view;
}

}  // namespace pyjit::jit
