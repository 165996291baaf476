// Unboxed locals of the specialized tier (docs/deopt.md, "Unboxed locals"). A local that a guarded float (int)
// operation stores into keeps its value in an SSA shadow (an alloca that mem2reg promotes) while compiled
// code runs, with a "stale" flag per representation saying the frame slot holds an obsolete object. The slot
// is written back (boxed, the obsolete object released) wherever the frame can be observed, so every
// observer — a callee reading f_locals, a finalizer, a tracer, a traceback, CPython after a deopt — sees
// exact values: before each instruction that can run other code, before every deallocation, on the eval
// breaker's slow path and on every exit (hand-over, deopt, exception, return).
#include "FunctionTranslator.h"

namespace pyjit::jit {

using frontend::Opcode;

namespace {

// The stale flags of one function form a 64-bit mask at each write-back point.
constexpr size_t kMaxUnboxedLocals = 64;

constexpr size_t reprIndex(FunctionTranslator::Repr repr) { return static_cast<size_t>(repr); }

}  // namespace

void FunctionTranslator::planUnboxedLocals() {
    // A local becomes unboxed where a STORE_FAST takes the unboxed result of the guarded operation just
    // before it (same block). Its flags start "fresh": every entry, OSR included, finds objects in the frame.
    if (!input_.specialize) return;
    llvm::IRBuilder<> entry(&function_->getEntryBlock(), function_->getEntryBlock().begin());
    for (size_t i = 1; i < view_.instructions.size(); i++) {
        const ViewInstruction& store = view_.instructions[i];
        if (store.opcode != Opcode::STORE_FAST || blockStarts_[i] != nullptr) continue;
        if (view_.instructions[i - 1].opcode != Opcode::BINARY_OP) continue;
        std::optional<Repr> repr = unboxedReprFor(i - 1);
        if (!repr) continue;
        size_t r = reprIndex(*repr);
        if (unboxedLocals_.contains(store.oparg) && unboxedLocals_[store.oparg].bit[r] >= 0) continue;
        if (unboxedBits_.size() == kMaxUnboxedLocals) break;
        UnboxedLocal& local = unboxedLocals_[store.oparg];
        local.bit[r] = static_cast<int>(unboxedBits_.size());
        unboxedBits_.emplace_back(store.oparg, *repr);
        llvm::Type* type = *repr == Repr::Double ? builder_.getDoubleTy() : builder_.getInt64Ty();
        local.shadow[r] = entry.CreateAlloca(type, nullptr, *repr == Repr::Double ? "local.double" : "local.int");
        entry.CreateStore(llvm::Constant::getNullValue(type), local.shadow[r]);
    }
    planUnboxedLoopVariables(entry);
    planCachedParameters(entry);
    if (unboxedBits_.empty()) return;
    staleMask_ = entry.CreateAlloca(sizeType(), nullptr, "stale.mask");
    entry.CreateStore(i64(0), staleMask_);
    planStaleLocals();
    // The write-back layout: per bit of the stale mask, the local's index and its representation.
    std::vector<int32_t> layout;
    for (auto [localIndex, repr] : unboxedBits_) {
        layout.push_back(localIndex);
        layout.push_back(static_cast<int32_t>(repr));
    }
    auto* type = llvm::ArrayType::get(intType(), layout.size());
    std::vector<llvm::Constant*> words;
    for (int32_t word : layout) words.push_back(i32(word));
    writeBackLayout_ = new llvm::GlobalVariable(*module_, type, true, llvm::GlobalValue::InternalLinkage,
                                                llvm::ConstantArray::get(type, words), "writeback.layout");
    writeBackBuffer_ = entry.CreateAlloca(sizeType(), i32(static_cast<int>(unboxedBits_.size())), "writeback.values");
}

// A `for x in range(...)` loop variable that guarded int operations and subscripts read more often than
// anything else (`flags[k]`, `k * count`; not `f(i, j)` with one `v[j]`): FOR_ITER's range path stores the
// item into the local's int64 shadow, never making the int object (lowerForIter). Only loops whose
// iterable is made by a call of the global `range` right before (`range(n)`, `range(len(v))`) qualify: a
// loop over a list would get nothing but the shadow's bookkeeping. Whether the iterator really is a range
// iterator is decided at run time (the global may be rebound); others take the STORE_FAST as before.
void FunctionTranslator::planUnboxedLoopVariables(llvm::IRBuilder<>& entry) {
    std::map<int, int> intReads;
    std::map<int, int> otherReads;
    std::set<size_t> jumpTargets;
    for (size_t i = 0; i < view_.instructions.size(); i++) {
        const ViewInstruction& instruction = view_.instructions[i];
        if (instruction.jumpTarget) jumpTargets.insert(*instruction.jumpTarget);
        if (instruction.opcode != Opcode::LOAD_FAST) continue;
        int position = 0;
        std::optional<size_t> consumer = consumerOf(i, &position);
        const bool widened = input_.widenedUnits.contains(static_cast<uint32_t>(instruction.opcodeUnit));
        const bool asInt = consumer && !widened && wantedRepr(*consumer, position) == Repr::Int;
        (asInt ? intReads : otherReads)[instruction.oparg]++;
    }
    const size_t r = reprIndex(Repr::Int);
    for (size_t i = 1; i < view_.instructions.size(); i++) {
        const ViewInstruction& store = view_.instructions[i];
        if (store.opcode != Opcode::STORE_FAST || view_.instructions[i - 1].opcode != Opcode::FOR_ITER) continue;
        if (jumpTargets.contains(i) || intReads[store.oparg] <= otherReads[store.oparg]) continue;
        if (!iteratesCallOfRange(i - 1)) continue;
        if (unboxedLocal(store.oparg, Repr::Int) == nullptr) {
            if (unboxedBits_.size() == kMaxUnboxedLocals) break;
            UnboxedLocal& local = unboxedLocals_[store.oparg];
            local.bit[r] = static_cast<int>(unboxedBits_.size());
            unboxedBits_.emplace_back(store.oparg, Repr::Int);
            local.shadow[r] = entry.CreateAlloca(sizeType(), nullptr, "local.int");
            entry.CreateStore(i64(0), local.shadow[r]);
        }
        fusedForIterStores_.insert(i);
    }
}

bool FunctionTranslator::iteratesCallOfRange(size_t forIter) const {
    // ... LOAD_GLOBAL (NULL +) range, arguments, PRECALL, CALL, GET_ITER, FOR_ITER
    if (input_.rangeName < 0 || forIter < 4 || view_.instructions[forIter - 1].opcode != Opcode::GET_ITER ||
        view_.instructions[forIter - 2].opcode != Opcode::CALL) {
        return false;
    }
    constexpr size_t kArgumentsReach = 12;  // `range(a, b, c)`, `range(len(v))`, `range(i + 1, n)`
    for (size_t back = forIter - 2; back-- > 0 && forIter - back <= kArgumentsReach;) {
        const ViewInstruction& instruction = view_.instructions[back];
        if (instruction.opcode == Opcode::LOAD_GLOBAL && (instruction.oparg >> 1) == input_.rangeName) return true;
        if (blockStarts_[back] != nullptr) return false;
    }
    return false;
}

void FunctionTranslator::planCachedParameters(llvm::IRBuilder<>& entry) {
    std::set<int> written;
    std::map<int, std::set<Repr>> wanted;
    for (size_t i = 0; i < view_.instructions.size(); i++) {
        const ViewInstruction& instruction = view_.instructions[i];
        switch (instruction.opcode) {
            case Opcode::STORE_FAST:
            case Opcode::DELETE_FAST:
            case Opcode::MAKE_CELL: written.insert(instruction.oparg); break;
            case Opcode::LOAD_FAST: {
                int position = 0;
                std::optional<size_t> consumer = consumerOf(i, &position);
                if (!consumer || input_.widenedUnits.contains(static_cast<uint32_t>(instruction.opcodeUnit))) break;
                const Repr repr = wantedRepr(*consumer, position);
                if (repr != Repr::Object) wanted[instruction.oparg].insert(repr);
                break;
            }
            default: break;
        }
    }
    int bits = 0;
    for (const auto& [local, reprs] : wanted) {
        if (local >= input_.parameterCount || written.contains(local) || unboxedLocals_.contains(local)) continue;
        for (Repr repr : reprs) {
            if (bits == 64) break;
            CachedParameter& parameter = cachedParameters_[local];
            parameter.bit[reprIndex(repr)] = bits++;
            llvm::Type* type = repr == Repr::Double ? builder_.getDoubleTy() : builder_.getInt64Ty();
            parameter.cache[reprIndex(repr)] = entry.CreateAlloca(type, nullptr, "parameter.cache");
            entry.CreateStore(llvm::Constant::getNullValue(type), parameter.cache[reprIndex(repr)]);
        }
    }
    if (bits == 0) return;
    parameterCacheMask_ = entry.CreateAlloca(sizeType(), nullptr, "parameter.cached");
    entry.CreateStore(i64(0), parameterCacheMask_);
}

bool FunctionTranslator::lowerCachedParameterLoad(size_t index, Repr repr) {
    const int localIndex = view_.instructions[index].oparg;
    const CachedParameter& parameter = cachedParameters_.at(localIndex);
    llvm::AllocaInst* cache = parameter.cache[reprIndex(repr)];
    const uint64_t bit = uint64_t{1} << parameter.bit[reprIndex(repr)];
    llvm::BasicBlock* fromCache = newBlock("parameter.cached");
    llvm::BasicBlock* fromSlot = newBlock("parameter.slot");
    llvm::BasicBlock* loaded = newBlock("parameter.loaded");
    llvm::Value* mask = builder_.CreateLoad(sizeType(), parameterCacheMask_);
    builder_.CreateCondBr(builder_.CreateICmpNE(builder_.CreateAnd(mask, i64(static_cast<int64_t>(bit))), i64(0)),
                          fromCache, fromSlot);
    continueIn(fromCache);
    llvm::Value* cached = builder_.CreateLoad(cache->getAllocatedType(), cache);
    builder_.CreateBr(loaded);
    continueIn(fromSlot);
    llvm::Value* object = loadLocal(localIndex);
    llvm::Value* value = guardedLocalValue(index, object, builder_.CreateIsNotNull(object), repr, "unboxed parameter");
    builder_.CreateStore(value, cache);
    builder_.CreateStore(
        builder_.CreateOr(builder_.CreateLoad(sizeType(), parameterCacheMask_), i64(static_cast<int64_t>(bit))),
        parameterCacheMask_);
    llvm::BasicBlock* slotEnd = builder_.GetInsertBlock();
    builder_.CreateBr(loaded);
    continueIn(loaded);
    llvm::PHINode* result = builder_.CreatePHI(cached->getType(), 2);
    result->addIncoming(cached, fromCache);
    result->addIncoming(value, slotEnd);
    pushUnboxed(repr, result);
    return true;
}

llvm::Value* FunctionTranslator::guardedLocalValue(size_t index, llvm::Value* object, llvm::Value* present, Repr repr,
                                                   const char* source) {
    const void* type = repr == Repr::Double ? services_.objects.floatType : services_.objects.longType;
    llvm::Value* fits =
        whenTrue(present, [&] { return repr == Repr::Double ? hasExactType(object, type) : smallIntFits(object); });
    guard(index, fits, SiteSpeculation{{type, nullptr}, source}, {object});
    return repr == Repr::Double ? floatValue(object) : smallIntValue(object);
}

const FunctionTranslator::UnboxedLocal* FunctionTranslator::unboxedLocal(int local, Repr repr) const {
    auto found = unboxedLocals_.find(local);
    if (found == unboxedLocals_.end() || repr == Repr::Object) return nullptr;
    return found->second.bit[reprIndex(repr)] >= 0 ? &found->second : nullptr;
}

uint64_t FunctionTranslator::UnboxedLocal::bits() const {
    uint64_t all = 0;
    for (int each : bit) {
        if (each >= 0) all |= uint64_t{1} << each;
    }
    return all;
}

llvm::Value* FunctionTranslator::staleBits(uint64_t bits) {
    return builder_.CreateAnd(builder_.CreateLoad(sizeType(), staleMask_), i64(static_cast<int64_t>(bits)));
}

void FunctionTranslator::setStaleBits(uint64_t clear, uint64_t set) {
    llvm::Value* mask =
        builder_.CreateAnd(builder_.CreateLoad(sizeType(), staleMask_), i64(static_cast<int64_t>(~clear)));
    if (set != 0) mask = builder_.CreateOr(mask, i64(static_cast<int64_t>(set)));
    builder_.CreateStore(mask, staleMask_);
}

void FunctionTranslator::enterBlockLocals(size_t first) {
    auto found = staleAtBlockStart_.find(first);
    mayBeStale_ = found != staleAtBlockStart_.end() ? found->second : std::set<int>();
}

uint64_t FunctionTranslator::staleLocalsKey() const {
    uint64_t key = 0;
    uint64_t bit = 1;
    for (const auto& entry : unboxedLocals_) {
        if (mayBeStale_.contains(entry.first)) key |= bit;
        bit <<= 1;
    }
    return key;
}

// Which unboxed locals may be stale at each block start: a forward data flow that mirrors the translator.
// An unboxed STORE_FAST makes its local stale; an object STORE_FAST makes it fresh; an instruction that can
// run other code writes every local back first. Handlers start fresh (raising writes back), and so do the
// entry and the OSR resume points (the frame holds objects).
void FunctionTranslator::planStaleLocals() {
    std::map<size_t, const ViewBlock*> blockAt;
    for (const ViewBlock& block : view_.blocks) blockAt[block.first] = &block;
    std::vector<size_t> work;
    for (const ViewBlock& block : view_.blocks) {
        if (block.reachable) work.push_back(block.first);
    }
    auto flowInto = [&](size_t target, const std::set<int>& stale) {
        std::set<int>& into = staleAtBlockStart_[target];
        size_t before = into.size();
        into.insert(stale.begin(), stale.end());
        if (into.size() != before) work.push_back(target);
    };
    while (!work.empty()) {
        const ViewBlock& block = *blockAt.at(work.back());
        work.pop_back();
        std::set<int> stale = staleAtBlockStart_[block.first];
        for (size_t i = block.first; i < block.end; i++) {
            const ViewInstruction& instruction = view_.instructions[i];
            if (!leavesLocalsUnobserved(i)) stale.clear();
            if (instruction.opcode == Opcode::STORE_FAST && unboxedLocals_.contains(instruction.oparg)) {
                std::optional<Repr> repr = i > block.first && view_.instructions[i - 1].opcode == Opcode::BINARY_OP
                                               ? unboxedReprFor(i - 1)
                                               : std::nullopt;
                // A FOR_ITER-fused store is unboxed on the range path (stale), boxed on the others.
                if (fusedForIterStores_.contains(i) || (repr && unboxedLocal(instruction.oparg, *repr) != nullptr)) {
                    stale.insert(instruction.oparg);
                } else {
                    stale.erase(instruction.oparg);
                }
            }
            if (instruction.jumpTarget) flowInto(*instruction.jumpTarget, stale);
        }
        if (block.end < view_.instructions.size()) flowInto(block.end, stale);
    }
}

void FunctionTranslator::writeBackLocal(int localIndex) { writeBackLocalList({localIndex}); }

void FunctionTranslator::writeBackLocals(bool cold) {
    writeBackLocalList(std::vector<int>(mayBeStale_.begin(), mayBeStale_.end()), cold);
}

// One branch per write-back point, however many locals: the stale bits of these locals and one runtime call
// that boxes and stores them from the write-back buffer, which mirrors every shadow (lowerUnboxedStore
// stores into both): a write-back point has no per-local code, which keeps big loop functions' cold paths
// (and their code generation time) small.
void FunctionTranslator::writeBackLocalList(const std::vector<int>& locals, bool cold) {
    uint64_t bits = 0;
    for (int localIndex : locals) bits |= unboxedLocals_.at(localIndex).bits();
    if (bits == 0) return;
    llvm::Value* stale = staleBits(bits);
    if (cold) {
        call(HelperId::write_back_locals, {frameSlot(0), writeBackLayout_, stale, writeBackBuffer_});
        setStaleBits(bits, 0);
        return;
    }
    llvm::BasicBlock* write = newBlock("writeback");
    llvm::BasicBlock* done = newBlock("writeback.done");
    builder_.CreateCondBr(builder_.CreateICmpNE(stale, i64(0)), write, done);
    continueIn(write);
    call(HelperId::write_back_locals, {frameSlot(0), writeBackLayout_, stale, writeBackBuffer_});
    setStaleBits(bits, 0);
    builder_.CreateBr(done);
    continueIn(done);
}

bool FunctionTranslator::leavesLocalsUnobserved(size_t index) const {
    // Instructions that run no other code: their deallocations write back themselves (decref), their exits too.
    const ViewInstruction& instruction = view_.instructions[index];
    switch (instruction.opcode) {
        case Opcode::NOP:
        case Opcode::PRECALL:
        case Opcode::KW_NAMES:
        case Opcode::RESUME:
        case Opcode::LOAD_FAST:
        case Opcode::STORE_FAST:
        case Opcode::LOAD_CONST:
        case Opcode::LOAD_CLOSURE:  // unbound: handed over (the exit writes back)
        case Opcode::LOAD_DEREF:
        case Opcode::POP_TOP:
        case Opcode::PUSH_NULL:
        case Opcode::COPY:
        case Opcode::SWAP:
        case Opcode::IS_OP:
        case Opcode::JUMP_FORWARD:
        case Opcode::JUMP_BACKWARD:
        case Opcode::JUMP_BACKWARD_NO_INTERRUPT:
        case Opcode::POP_JUMP_FORWARD_IF_NONE:
        case Opcode::POP_JUMP_BACKWARD_IF_NONE:
        case Opcode::POP_JUMP_FORWARD_IF_NOT_NONE:
        case Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE:
        case Opcode::LOAD_GLOBAL:      // the site cache inline; the lookup on a miss writes back first
        case Opcode::UNPACK_SEQUENCE:  // exact tuples and lists inline; anything else hands over
        case Opcode::FOR_ITER:         // writeBackLocalsBefore asks the iterator
        case Opcode::GET_ITER:         // ... and the iterable's type
            return true;
        case Opcode::POP_JUMP_FORWARD_IF_TRUE:
        case Opcode::POP_JUMP_BACKWARD_IF_TRUE:
        case Opcode::POP_JUMP_FORWARD_IF_FALSE:
        case Opcode::POP_JUMP_BACKWARD_IF_FALSE:
            // Quiet unless the condition is neither a bool, None, an exact int nor an exact float: then only
            // that path writes the locals back (lowerQuietTruthJump) and may call __bool__. After a
            // generic comparison fused with the jump, the comparison wrote them back already.
            return true;
        case Opcode::BINARY_OP:
        case Opcode::COMPARE_OP: return unboxedReprFor(index).has_value();
        case Opcode::BINARY_SUBSCR:
        case Opcode::STORE_SUBSCR: return sequenceSubscriptSpeculation(index) != nullptr;
        case Opcode::CALL: return inlinePlanAt(index) != nullptr;
        default: return false;
    }
}

void FunctionTranslator::writeBackLocalsBefore(size_t index) {
    if (mayBeStale_.empty()) return;
    if (view_.instructions[index].opcode == Opcode::FOR_ITER) {
        // A generator's next() runs Python code; a range or list iterator's does not, except at the list's
        // end when the iterator holds the last reference to the list (freeing it may run finalizers).
        // Range and list iterators are told inline: loops over them would otherwise call the helper every
        // time, and `for (a, b) in pairs` inside a loop would box every unboxed local once per pass.
        llvm::BasicBlock* write = newBlock("foriter.writeback");
        llvm::BasicBlock* done = newBlock("foriter.quiet");
        llvm::BasicBlock* notRange = newBlock("foriter.notrange");
        llvm::BasicBlock* list = newBlock("foriter.list");
        llvm::BasicBlock* live = newBlock("foriter.list.live");
        llvm::BasicBlock* ask = newBlock("foriter.ask");
        llvm::Value* iterator = peek(1);
        const FrameLayout& layout = services_.layout;
        builder_.CreateCondBr(hasExactType(iterator, services_.objects.rangeIterType), done, notRange);
        continueIn(notRange);
        builder_.CreateCondBr(hasExactType(iterator, services_.objects.listIterType), list, ask);
        continueIn(list);
        llvm::Value* sequence = fieldOf(iterator, layout.listIterSeq, ptrType());
        builder_.CreateCondBr(builder_.CreateIsNull(sequence), done, live);
        continueIn(live);
        llvm::Value* more = builder_.CreateICmpSLT(fieldOf(iterator, layout.listIterIndex, sizeType()),
                                                   fieldOf(sequence, layout.varSize, sizeType()));
        llvm::Value* shared = builder_.CreateICmpSGT(
            tagged(builder_.CreateLoad(
                       sizeType(), builder_.CreateConstGEP1_64(builder_.getInt8Ty(), sequence, layout.objectRefcnt)),
                   Region::Refcount),
            i64(1));
        builder_.CreateCondBr(builder_.CreateOr(more, shared), done, write);
        continueIn(ask);
        llvm::Value* quiet = builder_.CreateICmpNE(call(HelperId::iterator_is_quiet, {iterator}), i32(0));
        builder_.CreateCondBr(quiet, done, write);
        continueIn(write);
        writeBackLocals();
        builder_.CreateBr(done);
        continueIn(done);
        return;
    }
    if (view_.instructions[index].opcode == Opcode::GET_ITER) {
        // iter() of an exact list or tuple runs no code; of anything else it may call __iter__.
        llvm::Value* iterable = peek(1);
        llvm::BasicBlock* write = newBlock("getiter.writeback");
        llvm::BasicBlock* done = newBlock("getiter.quiet");
        builder_.CreateCondBr(builder_.CreateOr(hasExactType(iterable, services_.objects.listType),
                                                hasExactType(iterable, services_.objects.tupleType)),
                              done, write);
        continueIn(write);
        writeBackLocals();
        builder_.CreateBr(done);
        continueIn(done);
        return;
    }
    if (leavesLocalsUnobserved(index)) return;
    writeBackLocals();
    mayBeStale_.clear();
}

std::optional<size_t> FunctionTranslator::consumerOf(size_t index, int* position) const {
    // A stack simulation over the simple instructions that follow in the same block; nullopt past anything else.
    int fromTop = 0;  // where the value is
    for (size_t next = index + 1; next < view_.instructions.size() && blockStarts_[next] == nullptr; next++) {
        int pops = 0;
        int pushes = 1;
        switch (view_.instructions[next].opcode) {
            case Opcode::LOAD_FAST:
            case Opcode::LOAD_CONST: break;
            // An inlined call's callable, its arguments and its result (wantedRepr); other calls box the stack.
            case Opcode::LOAD_GLOBAL: pushes = 1 + (view_.instructions[next].oparg & 1); break;
            case Opcode::PRECALL: pushes = 0; break;
            case Opcode::CALL:
                if (inlinePlanAt(next) == nullptr) return std::nullopt;
                pops = view_.instructions[next].oparg + 2;
                break;
            case Opcode::BINARY_OP:
            case Opcode::COMPARE_OP:
            case Opcode::BINARY_SUBSCR: pops = 2; break;
            case Opcode::STORE_SUBSCR: pops = 3; break;
            default: return std::nullopt;
        }
        if (fromTop < pops) {
            if (position != nullptr) *position = fromTop;
            return next;
        }
        fromTop += pushes - pops;
    }
    return std::nullopt;
}

std::optional<bool> FunctionTranslator::lowerLocalAccess(size_t index) {
    const ViewInstruction& instruction = view_.instructions[index];
    const int local = instruction.oparg;
    const bool unboxable = unboxedLocals_.contains(local);
    if (instruction.opcode == Opcode::STORE_FAST) {
        if (isUnboxed(1)) {
            const Repr repr = reprOf(1);
            lowerUnboxedStore(index);
            currentShadows_[local] = repr;
            shadowStoredBy_ = index;
            return true;
        }
        if (!unboxable) return std::nullopt;
        // An object replaces the local: the obsolete object in the slot goes as the old value would.
        llvm::Value* value = pop();
        llvm::Value* old = loadLocal(local);
        storeLocal(local, value);
        setStaleBits(unboxedLocals_.at(local).bits(), 0);
        mayBeStale_.erase(local);
        decref(old, /*mayBeNull=*/true);
        if (auto join = forIterStoreJoins_.find(index); join != forIterStoreJoins_.end()) {
            builder_.CreateBr(join->second);  // where FOR_ITER's range path stored the item unboxed
            continueIn(join->second);
            mayBeStale_.insert(local);
        }
        return true;
    }
    if (instruction.opcode != Opcode::LOAD_FAST) return std::nullopt;
    const bool widened = input_.widenedUnits.contains(static_cast<uint32_t>(instruction.opcodeUnit));
    int position = 0;
    if (std::optional<size_t> consumer = consumerOf(index, &position); consumer && !widened) {
        // position 0 is the top of the stack at the consumer: a binary operation's rhs, a subscript's index.
        Repr wanted = wantedRepr(*consumer, position);
        if (unboxedLocal(local, wanted) != nullptr) return lowerUnboxedLoad(index, wanted);
        if (auto cached = cachedParameters_.find(local);
            wanted != Repr::Object && cached != cachedParameters_.end() && cached->second.bit[reprIndex(wanted)] >= 0) {
            return lowerCachedParameterLoad(index, wanted);
        }
    }
    if (!unboxable && !hasUnboxed()) return std::nullopt;
    if (unboxable && mayBeStale_.contains(local)) {
        writeBackLocal(local);
        mayBeStale_.erase(local);
    }
    llvm::Value* value = loadLocal(local);
    if (!instruction.localBound) {
        llvm::BasicBlock* unbound = newBlock("unbound");
        llvm::BasicBlock* bound = newBlock("bound");
        builder_.CreateCondBr(builder_.CreateIsNull(value), unbound, bound);
        continueIn(unbound);  // CPython raises the exact UnboundLocalError; the frame it gets holds objects only
        if (hasUnboxed()) boxStack(index, /*forExit=*/true);
        builder_.CreateBr(handOffBlock(index, depth_));
        continueIn(bound);
    }
    push(value);
    borrowIfOnlyRead(index);  // `n < limit` with `n` unboxed: `limit` is only read
    if (!isBorrowed(1)) incref(value);
    return true;
}

// LOAD_FAST of an unboxed local for a guarded consumer of its kind: the shadow when it is stale, else the
// frame's object, guarded (an unbound local or another type deoptimizes before the LOAD_FAST) and unboxed.
bool FunctionTranslator::lowerUnboxedLoad(size_t index, Repr repr) {
    const int localIndex = view_.instructions[index].oparg;
    const UnboxedLocal& local = *unboxedLocal(localIndex, repr);
    if (auto current = currentShadows_.find(localIndex); current != currentShadows_.end() && current->second == repr) {
        llvm::AllocaInst* shadow = local.shadow[reprIndex(repr)];
        pushUnboxed(repr, builder_.CreateLoad(shadow->getAllocatedType(), shadow));
        return true;
    }
    llvm::BasicBlock* fromShadow = newBlock("local.shadow");
    llvm::BasicBlock* fromSlot = newBlock("local.slot");
    llvm::BasicBlock* loaded = newBlock("local.loaded");
    const uint64_t bit = uint64_t{1} << local.bit[reprIndex(repr)];
    builder_.CreateCondBr(builder_.CreateICmpNE(staleBits(bit), i64(0)), fromShadow, fromSlot);
    continueIn(fromShadow);
    llvm::AllocaInst* shadow = local.shadow[reprIndex(repr)];
    llvm::Value* shadowValue = builder_.CreateLoad(shadow->getAllocatedType(), shadow);
    builder_.CreateBr(loaded);
    continueIn(fromSlot);
    llvm::Value* object = loadLocal(localIndex);
    // Stale as the other representation: the slot's object is obsolete.
    llvm::Value* present = builder_.CreateAnd(builder_.CreateIsNotNull(object),
                                              builder_.CreateICmpEQ(staleBits(local.bits() & ~bit), i64(0)));
    llvm::Value* slotValue = guardedLocalValue(index, object, present, repr, "unboxed local");
    llvm::BasicBlock* slotEnd = builder_.GetInsertBlock();
    builder_.CreateBr(loaded);
    continueIn(loaded);
    llvm::PHINode* value = builder_.CreatePHI(shadowValue->getType(), 2);
    value->addIncoming(shadowValue, fromShadow);
    value->addIncoming(slotValue, slotEnd);
    pushUnboxed(repr, value);
    return true;
}

// STORE_FAST of an unboxed value: into the shadow, the frame slot now stale. Only when the slot's old value is
// an exact float or int (or unbound) may its release wait for the write-back (nothing can tell); another old
// value is released now, as CPython would, so the value is boxed into the slot instead.
bool FunctionTranslator::lowerUnboxedStore(size_t index) {
    const int localIndex = view_.instructions[index].oparg;
    const Repr repr = reprOf(1);
    const UnboxedLocal& local = *unboxedLocal(localIndex, repr);
    llvm::Value* value = peekUnboxed(1);
    drop(1);
    llvm::Value* anyStale = builder_.CreateICmpNE(staleBits(local.bits()), i64(0));
    llvm::BasicBlock* keep = newBlock("store.shadow");
    llvm::BasicBlock* check = newBlock("store.checkold");
    llvm::BasicBlock* box = newBlock("store.box");
    llvm::BasicBlock* done = newBlock("store.done");
    builder_.CreateCondBr(anyStale, keep, check);
    continueIn(check);
    llvm::Value* old = loadLocal(localIndex);
    llvm::Value* numeric = whenTrue(builder_.CreateIsNotNull(old), [&] {
        return builder_.CreateOr(hasExactType(old, services_.objects.floatType),
                                 hasExactType(old, services_.objects.longType));
    });
    builder_.CreateCondBr(builder_.CreateOr(builder_.CreateIsNull(old), numeric), keep, box);
    continueIn(box);
    llvm::Value* object = repr == Repr::Double ? call(HelperId::float_from_double, {value}) : boxInt(value);
    llvm::BasicBlock* boxed = newBlock("store.boxed");
    llvm::BasicBlock* failed = newBlock("store.boxfailed");
    builder_.CreateCondBr(builder_.CreateIsNull(object), failed, boxed);
    continueIn(failed);
    if (hasUnboxed()) boxStack(index, /*forExit=*/true);
    builder_.CreateBr(raiseBlock(index, depth_));
    continueIn(boxed);
    storeLocal(localIndex, object);
    builder_.CreateStore(value, local.shadow[reprIndex(repr)]);  // current too (currentShadows_)
    decref(old);
    builder_.CreateBr(done);
    continueIn(keep);
    builder_.CreateStore(value, local.shadow[reprIndex(repr)]);
    builder_.CreateStore(value, builder_.CreateConstGEP1_64(sizeType(), writeBackBuffer_, local.bit[reprIndex(repr)]));
    setStaleBits(local.bits(), uint64_t{1} << local.bit[reprIndex(repr)]);
    builder_.CreateBr(done);
    continueIn(done);
    mayBeStale_.insert(localIndex);
    return true;
}

}  // namespace pyjit::jit
