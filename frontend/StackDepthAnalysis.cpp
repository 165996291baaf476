#include "frontend/StackDepthAnalysis.h"

#include "frontend/StackEffect.h"

#include <algorithm>
#include <limits>

namespace pyjit::frontend {

// One worklist pass over the graph; every reachable block is walked exactly once, because a second
// arrival must bring the depth it already has.
class StackDepthWalker {
public:
    StackDepthWalker(const Bytecode& bytecode, const ExceptionTable& exceptionTable, const ControlFlowGraph& graph)
        : bytecode_(bytecode), exceptionTable_(exceptionTable), graph_(graph) {
        result_.blockEntry_.assign(graph.size(), StackDepthAnalysis::kUnknown);
        result_.instructionDepth_.assign(bytecode.size(), StackDepthAnalysis::kUnknown);
    }

    Expected<StackDepthAnalysis> run() {
        if (auto failure = arrive(BlockIndex(0), 0, bytecode_[InstrIndex(0)].start)) return *failure;
        if (auto failure = drain()) return *failure;
        result_.reachable_.resize(graph_.size());
        for (uint32_t b = 0; b < graph_.size(); b++) {
            result_.reachable_[b] = result_.blockEntry_[b] != StackDepthAnalysis::kUnknown;
        }
        if (auto failure = walkOrphans()) return *failure;
        return std::move(result_);
    }

private:
    std::optional<FrontendError> drain() {
        while (!worklist_.empty()) {
            BlockIndex block = worklist_.back();
            worklist_.pop_back();
            if (auto failure = walk(block)) return failure;
        }
        return std::nullopt;
    }

    // Code that nothing reaches in the final bytecode can still count towards co_stacksize. When the
    // compiler optimizes a protected range down to nothing, the exception table loses the range, but the
    // handler's code stays (optimize_cfg keeps every block a SETUP_* pseudo-instruction targets) and
    // compile.c's stackdepth() walks it from the SETUP. Every block of the final code was walked that way,
    // with depths consistent along its edges, so an orphaned block's depth can be recovered:
    //  - from a successor whose depth is known: the entry depth is that depth minus the block's effect;
    //  - for a handler with no known successor: compile.c starts every handler with SETUP_CLEANUP +
    //    PUSH_EXC_INFO at the handler's entry depth h, so PUSH_EXC_INFO lies in its cleanup entry, whose
    //    depth is (h + lasti + exception) - 2 = h.
    // Repeated until nothing changes, since a recovered block can tell its predecessors their depth.
    std::optional<FrontendError> walkOrphans() {
        for (bool progress = true; progress;) {
            progress = false;
            for (uint32_t b = graph_.size(); b-- > 0;) {
                if (result_.blockEntry_[b] != StackDepthAnalysis::kUnknown) continue;
                auto depth = orphanEntryDepth(BlockIndex(b));
                if (!depth) return depth.error();
                if (!*depth) continue;
                if (auto failure = arrive(BlockIndex(b), **depth, bytecode_[graph_[BlockIndex(b)].begin].start)) {
                    return failure;
                }
                if (auto failure = drain()) return failure;
                progress = true;
            }
        }
        return std::nullopt;
    }

    Expected<std::optional<int64_t>> orphanEntryDepth(BlockIndex index) const {
        const BasicBlock& block = graph_[index];
        const Instruction& first = bytecode_[block.begin];
        for (const Edge& edge : block.successors) {
            int64_t exitDepth = result_.blockEntry_[edge.target.value()];
            if (edge.kind == EdgeKind::Exception || exitDepth == StackDepthAnalysis::kUnknown) continue;
            int64_t effect = 0;
            for (InstrIndex i = block.begin; i < block.end; ++i) {
                bool jumps = edge.kind == EdgeKind::Jump && i == block.end - 1;
                std::optional<int64_t> step = flowEffect(bytecode_[i], jumps);
                if (!step) {
                    return errorAt(bytecode_[i].opcodeUnit(), "no stack effect rule for {}", bytecode_[i].info().name);
                }
                effect += *step;
            }
            if (exitDepth - effect < 0) {
                return errorAt(first.start, "unreachable block cannot reach depth {} at offset {}", exitDepth,
                               toByteOffset(bytecode_[graph_[edge.target].begin].start));
            }
            return std::optional<int64_t>(exitDepth - effect);
        }
        if (first.opcode == Opcode::PUSH_EXC_INFO && block.exceptionEntry) {
            return std::optional<int64_t>(exceptionTable_.entries()[*block.exceptionEntry].depth);
        }
        return std::optional<int64_t>();
    }

    // Reaching `block` with `depth` from the instruction at `from`.
    std::optional<FrontendError> arrive(BlockIndex block, int64_t depth, CodeUnitOffset from) {
        result_.maxDepth_ = static_cast<uint32_t>(std::max<int64_t>(result_.maxDepth_, depth));
        int64_t& known = result_.blockEntry_[block.value()];
        if (known == depth) return std::nullopt;
        const Instruction& first = bytecode_[graph_[block].begin];
        if (known != StackDepthAnalysis::kUnknown) {
            return errorAt(first.start, "inconsistent stack depth: {} on one path, {} on the path from offset {}",
                           known, depth, toByteOffset(from));
        }
        known = depth;
        worklist_.push_back(block);
        return std::nullopt;
    }

    std::optional<FrontendError> walk(BlockIndex index) {
        const BasicBlock& block = graph_[index];
        const ExceptionTableEntry* handler =
            block.exceptionEntry ? &exceptionTable_.entries()[*block.exceptionEntry] : nullptr;
        int64_t depth = result_.blockEntry_[index.value()];
        for (InstrIndex i = block.begin; i < block.end; ++i) {
            const Instruction& instruction = bytecode_[i];
            result_.instructionDepth_[i.value()] = depth;
            if (handler && depth < handler->depth) {
                return errorAt(instruction.opcodeUnit(),
                               "stack depth {} is below the depth {} that its handler at offset {} unwinds to", depth,
                               handler->depth, toByteOffset(handler->target));
            }
            if (instruction.jumpTarget) {
                auto taken = depthAfter(instruction, depth, true);
                if (!taken) return taken.error();
                BlockIndex target = graph_.blockContaining(*instruction.jumpTarget);
                if (auto failure = arrive(target, *taken, instruction.opcodeUnit())) return failure;
            }
            auto next = depthAfter(instruction, depth, false);
            if (!next) return next.error();
            depth = *next;
            result_.maxDepth_ = static_cast<uint32_t>(std::max<int64_t>(result_.maxDepth_, depth));
        }
        return leave(block, depth);
    }

    std::optional<FrontendError> leave(const BasicBlock& block, int64_t depth) {
        const Instruction& last = bytecode_[block.end - 1];
        if (block.fallsOffEnd) {
            return errorAt(last.opcodeUnit(), "control runs past the end of the code after {}", last.info().name);
        }
        for (const Edge& edge : block.successors) {
            if (edge.kind == EdgeKind::Fallthrough) {
                if (auto failure = arrive(edge.target, depth, last.opcodeUnit())) return failure;
            } else if (edge.kind == EdgeKind::Exception) {
                const ExceptionTableEntry& entry = exceptionTable_.entries()[*block.exceptionEntry];
                if (auto failure = arrive(edge.target, entry.handlerEntryDepth(), last.opcodeUnit())) return failure;
            }
        }
        return std::nullopt;
    }

    Expected<int64_t> depthAfter(const Instruction& instruction, int64_t depth, bool jump) const {
        std::optional<int64_t> effect = flowEffect(instruction, jump);
        if (!effect) return errorAt(instruction.opcodeUnit(), "no stack effect rule for {}", instruction.info().name);
        int64_t after = depth + *effect;
        if (after < 0) {
            return errorAt(instruction.opcodeUnit(), "stack underflow: {} {} leaves {} values on a stack of {}",
                           instruction.info().name, instruction.arg, after, depth);
        }
        if (after > std::numeric_limits<int32_t>::max()) {
            return errorAt(instruction.opcodeUnit(), "stack overflow: {} values after {}", after,
                           instruction.info().name);
        }
        return after;
    }

    // dis.stack_effect, except RETURN_GENERATOR: CPython's compiler gives it no effect because it starts
    // generator code at depth 1, but a frame really starts empty and the value pushed when the generator
    // is resumed (gen_send_ex2 pushes the sent value, which the next POP_TOP drops) appears after it.
    // Same maximum, and the depth before RETURN_GENERATOR is the real 0.
    static std::optional<int64_t> flowEffect(const Instruction& instruction, bool jump) {
        if (instruction.opcode == Opcode::RETURN_GENERATOR) return 1;
        return stackEffect(instruction.opcode, instruction.arg, jump);
    }

    const Bytecode& bytecode_;
    const ExceptionTable& exceptionTable_;
    const ControlFlowGraph& graph_;
    StackDepthAnalysis result_;
    std::vector<BlockIndex> worklist_;
};

Expected<StackDepthAnalysis> StackDepthAnalysis::run(const Bytecode& bytecode, const ExceptionTable& exceptionTable,
                                                     const ControlFlowGraph& graph) {
    return StackDepthWalker(bytecode, exceptionTable, graph).run();
}

}  // namespace pyjit::frontend
