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

// Cold blocks (docs/deopt.md, "Cold blocks"): the blocks control reaches from where the code ran in tier 1
// along the edges the profile saw taken. The root is the entry, or only the loop header of an OSR compile
// when the entry ran just once. Exception edges, the edges of unprofiled branches and edges to a block whose
// exit failed too often (its first unit widened: compiled code took the edge, which tier 1 did not see)
// count as taken.
void markColdBlocks(BytecodeView& view, const frontend::ControlFlowGraph& graph, const CodeInput& input) {
    const ControlProfile& profile = *input.controlProfile;
    std::vector<bool> ran(view.blocks.size(), false);
    std::vector<uint32_t> work;
    auto reach = [&](uint32_t b) {
        if (ran[b] || !view.blocks[b].reachable) return;
        ran[b] = true;
        work.push_back(b);
    };
    if (profile.onlyLoopHeader && *profile.onlyLoopHeader < view.instructions.size()) {
        reach(graph.blockContaining(frontend::InstrIndex(*profile.onlyLoopHeader)).value());
    } else {
        reach(0);
    }
    auto widened = [&](uint32_t b) {
        return input.widenedUnits.contains(static_cast<uint32_t>(view.instructions[view.blocks[b].first].opcodeUnit));
    };
    while (!work.empty()) {
        uint32_t b = work.back();
        work.pop_back();
        const ViewInstruction& last = view.instructions[view.blocks[b].end - 1];
        auto branch = profile.branches.find(static_cast<uint32_t>(last.opcodeUnit));
        for (const frontend::Edge& edge : graph[frontend::BlockIndex(b)].successors) {
            bool taken = true;
            if (branch != profile.branches.end() && edge.kind != frontend::EdgeKind::Exception) {
                // A jump to the next instruction has one edge for both ways.
                const bool toNext = last.jumpTarget && *last.jumpTarget == view.blocks[b].end;
                const ControlProfile::Branch& counts = branch->second;
                taken = edge.kind == frontend::EdgeKind::Jump ? counts.taken > 0
                                                              : counts.notTaken > 0 || (toNext && counts.taken > 0);
            }
            if (taken || widened(edge.target.value())) reach(edge.target.value());
        }
    }
    for (uint32_t b = 0; b < view.blocks.size(); b++) view.blocks[b].cold = view.blocks[b].reachable && !ran[b];
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
    if (input.controlProfile) markColdBlocks(view, graph, input);
    return view;
}

}  // namespace pyjit::jit
