#include "BytecodeView.h"

#include "frontend/CodeAnalysis.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace pyjit::jit {

namespace {

// Marks each LOAD_FAST whose local is bound on every path from the entry (parameters are bound at a call;
// STORE_FAST binds, DELETE_FAST unbinds): a forward must-analysis over the blocks, as CPython 3.12's
// compiler does for LOAD_FAST_CHECK. An exception edge carries the block's weakest state: its entry state
// minus what the block deletes. OSR entries resume at loop headers of the same code, so they see no
// state that the entry's paths cannot produce.
void markBoundLoads(BytecodeView& view, const frontend::ControlFlowGraph& graph, int nlocals, int parameters) {
    using frontend::Opcode;
    using Bound = std::vector<bool>;
    const size_t count = graph.size();
    std::vector<std::optional<Bound>> entry(count);  // nullopt: no path seen yet (top)
    if (count == 0) return;
    entry[0] = Bound(nlocals, false);
    for (int k = 0; k < std::min(parameters, nlocals); k++) (*entry[0])[k] = true;
    auto merge = [&](uint32_t target, const Bound& state, std::vector<uint32_t>& work) {
        std::optional<Bound>& into = entry[target];
        if (!into) {
            into = state;
        } else {
            bool changed = false;
            for (int k = 0; k < nlocals; k++) {
                if ((*into)[k] && !state[k]) {
                    (*into)[k] = false;
                    changed = true;
                }
            }
            if (!changed) return;
        }
        work.push_back(target);
    };
    // Walks block `b` from its entry state; `onLoad` sees each LOAD_FAST with the state before it.
    auto walk = [&](uint32_t b, Bound& state, Bound& weakest, const std::function<void(size_t)>& onLoad) {
        for (size_t i = view.blocks[b].first; i < view.blocks[b].end; i++) {
            const ViewInstruction& instruction = view.instructions[i];
            const int local = instruction.oparg;
            if (local < 0 || local >= nlocals) continue;
            if (instruction.opcode == Opcode::LOAD_FAST) onLoad(i);
            if (instruction.opcode == Opcode::STORE_FAST) state[local] = true;
            if (instruction.opcode == Opcode::DELETE_FAST) state[local] = weakest[local] = false;
        }
    };
    std::vector<uint32_t> work{0};
    while (!work.empty()) {
        uint32_t b = work.back();
        work.pop_back();
        Bound state = *entry[b];
        Bound weakest = state;
        walk(b, state, weakest, [](size_t) {});
        for (const frontend::Edge& edge : graph[frontend::BlockIndex(b)].successors) {
            merge(edge.target.value(), edge.kind == frontend::EdgeKind::Exception ? weakest : state, work);
        }
    }
    for (uint32_t b = 0; b < count; b++) {
        if (!entry[b]) continue;  // unreachable
        Bound state = *entry[b];
        Bound weakest = state;
        walk(b, state, weakest, [&](size_t i) { view.instructions[i].localBound = state[view.instructions[i].oparg]; });
    }
}

}  // namespace

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
    markBoundLoads(view, graph, input.nlocalsplus, input.parameterCount);
    return view;
}

}  // namespace pyjit::jit
