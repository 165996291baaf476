#include "Translator.h"

#include "Engine.h"
#include "FunctionTranslator.h"

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Verifier.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace pyjit::jit {

using frontend::Opcode;

llvm::FunctionCallee FunctionTranslator::helper(HelperId id) {
    // Signatures come from runtime/helpers.def, so the IR and the C functions cannot drift apart.
    enum HelperType { Obj, Ptr, Int, Long, Dbl, Void };
    struct Signature {
        HelperType result;
        std::vector<HelperType> args;
    };
    static const Signature kSignatures[] = {
#define PYJIT_HELPER(name, result, ...) {result, {__VA_ARGS__}},
#include "runtime/helpers.def"
#undef PYJIT_HELPER
    };
    auto typeOf = [&](HelperType type) -> llvm::Type* {
        switch (type) {
        case Obj:
        case Ptr: return ptrType();
        case Int: return intType();
        case Long: return sizeType();
        case Dbl: return builder_.getDoubleTy();
        case Void: return builder_.getVoidTy();
        }
        return nullptr;
    };
    const Signature& signature = kSignatures[static_cast<size_t>(id)];
    std::vector<llvm::Type*> args;
    for (HelperType arg : signature.args) args.push_back(typeOf(arg));
    auto* type = llvm::FunctionType::get(typeOf(signature.result), args, false);
    return module_->getOrInsertFunction(helperSymbol(id), type);
}

llvm::MDNode* FunctionTranslator::regionTag(Region region) {
    llvm::MDNode*& tag = regionTags_[static_cast<size_t>(region)];
    if (tag == nullptr) {
        static const char* const kNames[] = {"frame", "refcount", "object type", "guard counter"};
        llvm::MDBuilder metadata(context_);
        llvm::MDNode* type = metadata.createTBAAScalarTypeNode(kNames[static_cast<size_t>(region)],
                                                               metadata.createTBAARoot("pyjit memory regions"));
        tag = metadata.createTBAAStructTagNode(type, type, 0);
    }
    return tag;
}

void FunctionTranslator::setPrevInstr(int unit) {
    llvm::Value* field = builder_.CreateConstGEP1_64(builder_.getInt8Ty(), frame_, services_.layout.framePrevInstr);
    tagged(builder_.CreateStore(address(static_cast<const uint16_t*>(input_.codeUnits) + unit), field), Region::Frame);
    pendingPrevUnit_ = prevInstrStoredUnit_ = unit;
    prevInstrStoredIn_ = builder_.GetInsertBlock();
}

// A store earlier in the current block dominates the rest of it; any other block stores again (a block
// reached on two paths may have been reached without the store).
void FunctionTranslator::materializePrevInstr() {
    if (pendingPrevUnit_ == kKeepPrevInstr) return;
    if (prevInstrStoredIn_ == builder_.GetInsertBlock() && prevInstrStoredUnit_ == pendingPrevUnit_) return;
    setPrevInstr(pendingPrevUnit_);
}

bool FunctionTranslator::helperObservesFrame(HelperId id) {
    switch (id) {
        // Exits and guard bookkeeping: given the unit, or not reading it.
        case HelperId::resume_in_cpython:
        case HelperId::deopt_resume:
        case HelperId::deopt_box_resume:
        case HelperId::raise_and_leave:
        case HelperId::yield_value:
        case HelperId::take_reentry:
        case HelperId::guard_failed:
        case HelperId::deopt_stress_roll:
        // Boxing and writing back ints and floats: no GC-tracked allocation (no collection, no finalizer), and
        // the objects written back over are exact ints and floats.
        case HelperId::long_from_int64:
        case HelperId::float_from_double:
        case HelperId::write_back_locals:
        case HelperId::box_values:
        case HelperId::error_occurred:
        case HelperId::iterator_is_quiet:
        case HelperId::float_pow:
        case HelperId::incref: return false;
        default: return true;
    }
}

void FunctionTranslator::incref(llvm::Value* object) {
    if (services_.layout.refDebug) {
        call(HelperId::incref, {object});
        return;
    }
    llvm::Value* field = builder_.CreateConstGEP1_64(builder_.getInt8Ty(), object, services_.layout.objectRefcnt);
    llvm::Value* count = tagged(builder_.CreateLoad(sizeType(), field), Region::Refcount);
    tagged(builder_.CreateStore(builder_.CreateAdd(count, i64(1)), field), Region::Refcount);
}

llvm::Value* FunctionTranslator::decrementRefcount(llvm::Value* object) {
    llvm::Value* field = builder_.CreateConstGEP1_64(builder_.getInt8Ty(), object, services_.layout.objectRefcnt);
    llvm::Value* count = builder_.CreateSub(tagged(builder_.CreateLoad(sizeType(), field), Region::Refcount), i64(1));
    tagged(builder_.CreateStore(count, field), Region::Refcount);
    return count;
}

void FunctionTranslator::decref(llvm::Value* object, bool mayBeNull, bool quiet) {
    llvm::BasicBlock* done = newBlock("decref.done");
    if (mayBeNull) {
        llvm::BasicBlock* live = newBlock("decref.live");
        builder_.CreateCondBr(builder_.CreateIsNull(object), done, live);
        continueIn(live);
    }
    if (services_.layout.refDebug) {
        if (!quiet) writeBackLocals();  // a finalizer may look at this frame
        call(HelperId::decref, {object});
        builder_.CreateBr(done);
        continueIn(done);
        return;
    }
    llvm::Value* count = decrementRefcount(object);
    llvm::BasicBlock* dealloc = newBlock("decref.dealloc");
    builder_.CreateCondBr(builder_.CreateICmpEQ(count, i64(0)), dealloc, done);
    continueIn(dealloc);
    if (quiet) {
        builder_.CreateCall(helper(HelperId::dealloc), {object});  // no finalizer: prev_instr unobserved
    } else {
        writeBackLocals();  // a finalizer may look at this frame
        call(HelperId::dealloc, {object});
    }
    builder_.CreateBr(done);
    continueIn(done);
}

llvm::Value* FunctionTranslator::spillStack(int from, int to) {
    for (int k = from; k < to; k++) {
        storeLocal(input_.nlocalsplus + k, builder_.CreateLoad(ptrType(), slots_[k]));
    }
    return frameSlot(input_.nlocalsplus + from);
}

llvm::BasicBlock* FunctionTranslator::exitBlock(int prevUnit, int depth, int throwflag, UnboxedExitSlots unboxed) {
    auto key = std::make_tuple(prevUnit, depth, throwflag, staleLocalsKey(), borrowedKey(depth), unboxed.doubles,
                               unboxed.ints);
    if (auto found = exits_.find(key); found != exits_.end()) return found->second;
    llvm::BasicBlock* saved = builder_.GetInsertBlock();
    llvm::BasicBlock* block = newBlock(throwflag == kDeoptExit ? "deopt" : throwflag ? "raise" : "handoff");
    continueIn(block);
    // The exit's helper sets prev_instr from prevUnit; nothing before it needs it.
    const int pendingBefore = std::exchange(pendingPrevUnit_, kKeepPrevInstr);
    increfBorrowed(depth);
    writeBackLocals(/*cold=*/true);
    const uint64_t unboxedSlots = unboxed.doubles | unboxed.ints;
    if (unboxedSlots == 0) {
        spillStack(0, depth);
    } else {
        // An unboxed slot's bits go into its frame slot; the helper boxes them there before anything reads it.
        for (int k = 0; k < depth; k++) {
            llvm::Value* value = builder_.CreateLoad(ptrType(), slots_[k]);
            if ((unboxedSlots >> k) & 1) {
                const Repr repr = (unboxed.doubles >> k) & 1 ? Repr::Double : Repr::Int;
                llvm::Type* type = repr == Repr::Double ? builder_.getDoubleTy() : sizeType();
                llvm::Value* bits = builder_.CreateBitCast(builder_.CreateLoad(type, unboxedSlot(k, repr)), sizeType());
                value = builder_.CreateIntToPtr(bits, ptrType());
            }
            storeLocal(input_.nlocalsplus + k, value);
        }
    }
    if (throwflag == kDeoptExit) {
        llvm::Value* result =
            unboxedSlots == 0
                ? call(HelperId::deopt_resume, {tstate_, frame_, i32(prevUnit), i32(depth)})
                : call(HelperId::deopt_box_resume,
                       {tstate_, frame_, i32(prevUnit), i32(depth), i64(static_cast<int64_t>(unboxed.doubles)),
                        i64(static_cast<int64_t>(unboxed.ints)), i32(unboxed.raiseUnit)});
        llvm::BasicBlock* leave = newBlock("deopt.leave");
        builder_.CreateCondBr(builder_.CreateICmpEQ(result, address(services_.objects.reentrySentinel)), reentryBlock(),
                              leave, llvm::MDBuilder(context_).createUnlikelyBranchWeights());
        continueIn(leave);
        builder_.CreateRet(result);
    } else {
        builder_.CreateRet(
            call(HelperId::resume_in_cpython, {tstate_, frame_, i32(prevUnit), i32(depth), i32(throwflag)}));
    }
    builder_.SetInsertPoint(saved);
    pendingPrevUnit_ = pendingBefore;
    exits_.emplace(key, block);
    return block;
}

llvm::BasicBlock* FunctionTranslator::reentryBlock() {
    if (reentry_ != nullptr) return reentry_;
    llvm::BasicBlock* saved = builder_.GetInsertBlock();
    reentry_ = newBlock("reenter");
    llvm::IRBuilder<> atEntry(&function_->getEntryBlock(), function_->getEntryBlock().begin());
    llvm::Value* target = atEntry.CreateAlloca(intType(), nullptr, "reentry.target");
    continueIn(reentry_);
    llvm::Value* entry = call(HelperId::take_reentry, {target});
    llvm::Value* index = builder_.CreateLoad(intType(), target);
    // musttail: the deoptimized activation's native frame is replaced, however often it goes back and forth.
    llvm::CallInst* again = builder_.CreateCall(function_->getFunctionType(), entry, {tstate_, frame_, index});
    again->setTailCallKind(llvm::CallInst::TCK_MustTail);
    builder_.CreateRet(again);
    builder_.SetInsertPoint(saved);
    return reentry_;
}

llvm::BasicBlock* FunctionTranslator::handOffBlock(size_t instruction, int depth) {
    // CPython resumes after prev_instr: the unit before the instruction's first EXTENDED_ARG.
    return exitBlock(view_.instructions[instruction].firstUnit - 1, depth, 0);
}

llvm::BasicBlock* FunctionTranslator::deoptBlock(size_t instruction, int depth, bool boxInExit) {
    UnboxedExitSlots unboxed;
    if (boxInExit) {
        for (int k = 0; k < depth; k++) {
            if (reprs_[k] == Repr::Double) unboxed.doubles |= uint64_t{1} << k;
            if (reprs_[k] == Repr::Int) unboxed.ints |= uint64_t{1} << k;
        }
        unboxed.raiseUnit = view_.instructions[instruction].opcodeUnit;
    }
    return exitBlock(view_.instructions[instruction].firstUnit - 1, depth, kDeoptExit, unboxed);
}

llvm::BasicBlock* FunctionTranslator::raiseBlock(size_t instruction, int depth, bool keepPrevInstr) {
    auto key = std::make_tuple(instruction, depth, keepPrevInstr, staleLocalsKey(), borrowedKey(depth));
    if (auto found = raises_.find(key); found != raises_.end()) return found->second;
    llvm::BasicBlock* saved = builder_.GetInsertBlock();
    llvm::BasicBlock* block = newBlock("raise");
    raises_.emplace(key, block);
    continueIn(block);
    // The traceback entry and the handler's lasti read prev_instr: the raising instruction's, or the one a
    // CALL's helper chose.
    int unit = keepPrevInstr ? kKeepPrevInstr : view_.instructions[instruction].opcodeUnit;
    const int pendingBefore = std::exchange(pendingPrevUnit_, unit);
    increfBorrowed(depth);
    writeBackLocals(/*cold=*/true);  // the traceback's frame, the handler and unwinding see exact locals
    std::set<int> staleBefore = std::exchange(mayBeStale_, {});
    // With a tracer active, CPython must report the exception: hand the frame over with it instead.
    if (!view_.instructions[instruction].handler) {
        // Out of line: one call per raise site keeps the cold code (and the code generator's work) small.
        spillStack(0, depth);
        builder_.CreateRet(call(HelperId::raise_and_leave, {tstate_, frame_, i32(unit), i32(depth)}));
        builder_.SetInsertPoint(saved);
        mayBeStale_ = std::move(staleBefore);  // the block being translated goes on with its own state
        pendingPrevUnit_ = pendingBefore;
        return block;
    }
    llvm::BasicBlock* native = newBlock("unwind");
    llvm::Value* traced = builder_.CreateICmpEQ(call(HelperId::raise_traceback, {tstate_}), i32(0));
    builder_.CreateCondBr(traced, exitBlock(unit, depth, 1), native);
    continueIn(native);
    emitUnwind(instruction, depth);
    mayBeStale_ = std::move(staleBefore);
    pendingPrevUnit_ = pendingBefore;
    builder_.SetInsertPoint(saved);
    return block;
}

void FunctionTranslator::emitUnwind(size_t instruction, int depth) {
    // ceval's exception_unwind, with the handler known at compile time.
    const std::optional<ViewHandler>& handler = view_.instructions[instruction].handler;
    int keep = handler ? handler->depth : 0;
    // One call for the values above the handler's depth (the frame's stack area as scratch): inline
    // releases, three blocks each at every raise site of a try block, made most of such a function's code.
    if (depth > keep) call(HelperId::release_values, {spillStack(keep, depth), i32(depth - keep)});
    if (!handler) {
        call(HelperId::unwind_leave, {tstate_, frame_});
        builder_.CreateRet(nullObject());
        return;
    }
    int top = keep;
    if (handler->pushLasti) builder_.CreateStore(call(HelperId::handler_lasti, {frame_}), slots_[top++]);
    builder_.CreateStore(call(HelperId::handler_exception, {tstate_}), slots_[top++]);
    jumpTo(handler->target);
}

void FunctionTranslator::checkEvalBreaker(size_t instruction, int raiseDepth, size_t resumeInstruction) {
    llvm::LoadInst* flag = builder_.CreateLoad(intType(), address(services_.layout.evalBreaker));
    flag->setAtomic(llvm::AtomicOrdering::Monotonic);
    llvm::BasicBlock* pending = newBlock("breaker.pending");
    llvm::BasicBlock* done = newBlock("breaker.done");
    builder_.CreateCondBr(builder_.CreateICmpNE(flag, i32(0)), pending, done);
    continueIn(pending);
    writeBackLocals(/*cold=*/true);  // signal handlers can look at the frame
    llvm::Value* status = call(HelperId::handle_eval_breaker, {tstate_});
    llvm::BasicBlock* notRaised = newBlock("breaker.notraised");
    builder_.CreateCondBr(builder_.CreateICmpSLT(status, i32(0)), raiseBlock(instruction, raiseDepth), notRaised);
    continueIn(notRaised);
    builder_.CreateCondBr(builder_.CreateICmpSGT(status, i32(0)), handOffBlock(resumeInstruction, depth_), done);
    continueIn(done);
}

void FunctionTranslator::checkTracing(size_t resumeInstruction) {
    llvm::BasicBlock* done = newBlock("tracing.off");
    // tstate->cframe->use_tracing: a tracer or profiler is active.
    llvm::Value* cframe = fieldOf(tstate_, services_.layout.tstateCframe, ptrType());
    llvm::Value* tracing =
        builder_.CreateICmpNE(fieldOf(cframe, services_.layout.cframeUseTracing, builder_.getInt8Ty()), builder_.getInt8(0));
    builder_.CreateCondBr(tracing, handOffBlock(resumeInstruction, depth_), done);
    continueIn(done);
}

void FunctionTranslator::jumpTo(size_t instruction) { builder_.CreateBr(blockStarts_[instruction]); }

void FunctionTranslator::handOffIfUnhandled(llvm::Value* result, size_t instruction) {
    llvm::BasicBlock* failed = newBlock("null");
    llvm::BasicBlock* ok = newBlock("ok");
    builder_.CreateCondBr(builder_.CreateIsNull(result), failed, ok);
    continueIn(failed);
    llvm::Value* raised = builder_.CreateICmpNE(call(HelperId::error_occurred, {}), i32(0));
    builder_.CreateCondBr(raised, ok, handOffBlock(instruction, depth_));
    continueIn(ok);
}

void FunctionTranslator::raiseIfNull(llvm::Value* result, size_t instruction) {
    llvm::BasicBlock* ok = newBlock("ok");
    builder_.CreateCondBr(builder_.CreateIsNull(result), raiseBlock(instruction, depth_), ok);
    continueIn(ok);
}

void FunctionTranslator::raiseIfNegative(llvm::Value* status, size_t instruction) {
    llvm::BasicBlock* ok = newBlock("ok");
    builder_.CreateCondBr(builder_.CreateICmpSLT(status, i32(0)), raiseBlock(instruction, depth_), ok);
    continueIn(ok);
}

const void* FunctionTranslator::constant(int index) const { return input_.consts.at(index); }
const void* FunctionTranslator::name(int index) const { return input_.names.at(index); }

// Two inputs, one result, inputs released afterwards: BINARY_OP, COMPARE_OP, CONTAINS_OP, BINARY_SUBSCR.
bool FunctionTranslator::lowerBinaryHelper(size_t index, HelperId id, std::optional<int> oparg) {
    llvm::Value* rhs = peek(1);
    llvm::Value* lhs = peek(2);
    return finishBinary(index, lhs, rhs, oparg ? call(id, {lhs, rhs, i32(*oparg)}) : call(id, {lhs, rhs}));
}

// The end of every two-inputs-one-result instruction: the inputs released (as ceval does, before the
// error check), then the result pushed or the exception raised.
bool FunctionTranslator::finishBinary(size_t index, llvm::Value* lhs, llvm::Value* rhs, llvm::Value* result) {
    drop(2);
    decref(lhs);
    decref(rhs);
    raiseIfNull(result, index);
    push(result);
    return true;
}

// A branch edge; backward edges check the eval breaker and tracing after jumping, as ceval does.
void FunctionTranslator::branchEdge(size_t index, size_t target) {
    if (view_.instructions[target].firstUnit <= view_.instructions[index].opcodeUnit) {
        checkEvalBreaker(index, depth_, target);
        checkTracing(target);
    }
    jumpTo(target);
}

// Branches on `condition` (an i1): to the instruction's jump target when it equals `jumpIf`, else on.
void FunctionTranslator::branchOn(size_t index, llvm::Value* condition, bool jumpIf) {
    llvm::BasicBlock* taken = newBlock("taken");
    llvm::BasicBlock* fallthrough = newBlock("fallthrough");
    builder_.CreateCondBr(condition, jumpIf ? taken : fallthrough, jumpIf ? fallthrough : taken);
    continueIn(taken);
    branchEdge(index, *view_.instructions[index].jumpTarget);
    continueIn(fallthrough);
}

bool FunctionTranslator::lowerPopJump(size_t index, bool jumpIfTrue) {
    llvm::Value* condition = pop();
    llvm::Value* fused = takeFusedCondition(index);
    branchOn(index, fused != nullptr ? fused : truthOf(condition, index, /*release=*/true), jumpIfTrue);
    return true;
}

bool FunctionTranslator::lowerPopJumpNone(size_t index, bool jumpIfNone) {
    llvm::Value* value = pop();
    llvm::Value* isNone = builder_.CreateICmpEQ(value, address(services_.objects.none));
    decref(value);
    branchOn(index, isNone, jumpIfNone);
    return true;
}

bool FunctionTranslator::lowerJumpOrPop(size_t index, bool jumpIfTrue) {
    const ViewInstruction& instruction = view_.instructions[index];
    llvm::Value* condition = peek(1);
    llvm::Value* isTrue = truthOf(condition, index, /*release=*/false);  // on the stack if it raises, as in ceval
    llvm::BasicBlock* taken = newBlock("taken");
    llvm::BasicBlock* popped = newBlock("pop");
    builder_.CreateCondBr(isTrue, jumpIfTrue ? taken : popped, jumpIfTrue ? popped : taken);
    continueIn(taken);
    branchEdge(index, *instruction.jumpTarget);
    continueIn(popped);
    drop(1);
    decref(condition);
    return true;
}

bool FunctionTranslator::lowerCall(size_t index) {
    if (const InlinePlan* plan = inlinePlanAt(index); plan != nullptr && kwnames_ == nullptr) {
        return lowerInlinedCall(index, *plan);
    }
    int argc = view_.instructions[index].oparg;
    int base = depth_ - (argc + 2);
    auto direct = input_.directCallees.find(static_cast<uint32_t>(view_.instructions[index].opcodeUnit));
    llvm::Value* result = nullptr;
    if (kwnames_ == nullptr && direct != input_.directCallees.end()) {
        result = directCall(index, direct->second);
    } else {
        llvm::Value* stack = spillStack(base, depth_);
        result = kwnames_ != nullptr ? call(HelperId::call, {frame_, stack, i32(argc), address(kwnames_)})
                                     : call(HelperId::call_positional, {frame_, stack, i32(argc)});
    }
    // The helper or the direct call chose prev_instr (the CALL, or its last cache unit for Python callees): keep it.
    pendingPrevUnit_ = kKeepPrevInstr;
    kwnames_ = nullptr;
    depth_ = base;
    llvm::BasicBlock* ok = newBlock("ok");
    builder_.CreateCondBr(builder_.CreateIsNull(result), raiseBlock(index, depth_, /*keepPrevInstr=*/true), ok);
    continueIn(ok);
    push(result);
    checkEvalBreaker(index, depth_, index + 1);
    checkTracing(index + 1);
    return true;
}

bool FunctionTranslator::lowerBuild(size_t index, HelperId id) {
    int count = view_.instructions[index].oparg;
    int base = depth_ - count;
    llvm::Value* items = spillStack(base, depth_);
    llvm::Value* result = call(id, {items, i32(count)});
    depth_ = base;
    raiseIfNull(result, index);
    push(result);
    return true;
}

bool FunctionTranslator::lowerForIter(size_t index) {
    llvm::Value* iterator = peek(1);
    llvm::BasicBlock* exhausted = newBlock("for.exhausted");
    const bool storesUnboxed = fusedForIterStores_.contains(index + 1);
    RangeItem rangeItem;
    // errors raise with the iterator on the stack
    llvm::Value* next = iteratorNext(iterator, index, exhausted, storesUnboxed ? &rangeItem : nullptr);
    llvm::BasicBlock* body = builder_.GetInsertBlock();
    if (storesUnboxed) {
        // A range iterator's item goes into the STORE_FAST's local as an int64; the object paths run the
        // STORE_FAST as usual and meet this one after it.
        continueIn(rangeItem.block);
        std::set<int> staleBefore = mayBeStale_;
        pushUnboxed(Repr::Int, rangeItem.value);
        lowerUnboxedStore(index + 1);
        llvm::BasicBlock* stored = newBlock("for.stored");
        builder_.CreateBr(stored);
        forIterStoreJoins_[index + 1] = stored;
        mayBeStale_ = std::move(staleBefore);
    }
    continueIn(exhausted);
    int depth = depth_;
    drop(1);
    // An exhausted range or list iterator holds nothing: freeing it runs no code (a generator's may).
    decrefQuietWhen(iterator, [&] {
        return builder_.CreateOr(hasExactType(iterator, services_.objects.rangeIterType),
                                 hasExactType(iterator, services_.objects.listIterType));
    });
    jumpTo(*view_.instructions[index].jumpTarget);
    depth_ = depth;
    continueIn(body);
    push(next);
    return true;
}

// SEND (`yield from`): the receiver's next value is pushed; when it returns, its value replaces the receiver
// and execution jumps.
bool FunctionTranslator::lowerSend(size_t index) {
    llvm::Value* value = pop();
    llvm::Value* receiver = peek(1);
    llvm::Value* status = call(HelperId::send, {receiver, value, pair_});  // steals the value
    llvm::Value* result = builder_.CreateLoad(ptrType(), pair_);
    llvm::BasicBlock* notFailed = newBlock("send.ok");
    builder_.CreateCondBr(builder_.CreateICmpSLT(status, i32(0)), raiseBlock(index, depth_), notFailed);
    continueIn(notFailed);
    llvm::BasicBlock* returned = newBlock("send.returned");
    llvm::BasicBlock* next = newBlock("send.next");
    builder_.CreateCondBr(builder_.CreateICmpEQ(status, i32(0)), returned, next);  // PYGEN_RETURN
    continueIn(returned);
    decref(receiver);
    poke(1, result);
    jumpTo(*view_.instructions[index].jumpTarget);
    continueIn(next);
    push(result);
    return true;
}

bool FunctionTranslator::lowerRaise(size_t index) {
    int oparg = view_.instructions[index].oparg;
    if (oparg == 0) {  // bare raise: a re-raise, CPython's (no new traceback entry)
        builder_.CreateBr(handOffBlock(index, depth_));
        return false;
    }
    llvm::Value* cause = oparg == 2 ? peek(1) : nullObject();
    llvm::Value* exception = peek(oparg);
    llvm::Value* status = call(HelperId::raise_varargs, {exception, cause});
    llvm::BasicBlock* raised = newBlock("raised");
    builder_.CreateCondBr(builder_.CreateICmpSGT(status, i32(0)), handOffBlock(index, depth_), raised);
    continueIn(raised);
    drop(oparg);
    builder_.CreateBr(raiseBlock(index, depth_));
    return false;
}

const void* FunctionTranslator::knownTypeOfLocal(int local) const {
    auto found = knownLocalTypes_.find(local);
    return found != knownLocalTypes_.end() ? found->second : nullptr;
}

void FunctionTranslator::trackLocals(size_t index, int depthBefore) {
    const ViewInstruction& instruction = view_.instructions[index];
    switch (instruction.opcode) {
        case Opcode::LOAD_FAST:
            if (depth_ == depthBefore + 1 && reprOf(1) == Repr::Object) localOf_[depth_ - 1] = instruction.oparg;
            break;
        case Opcode::COPY:  // the same object: its local and constant, if known
            if (depth_ == depthBefore + 1) {
                localOf_[depth_ - 1] = localOf_[depth_ - 1 - instruction.oparg];
                constants_[depth_ - 1] = constants_[depth_ - 1 - instruction.oparg];
            }
            break;
        case Opcode::STORE_FAST:
        case Opcode::DELETE_FAST:
        case Opcode::MAKE_CELL:
            // The local holds another object now: what was known about it, and which slots hold its old object,
            // no longer applies.
            knownLocalTypes_.erase(instruction.oparg);
            std::replace(localOf_.begin(), localOf_.end(), instruction.oparg, -1);
            if (shadowStoredBy_ != index) currentShadows_.erase(instruction.oparg);
            break;
        default: break;
    }
}

bool FunctionTranslator::lower(size_t index) {
    const ViewInstruction& instruction = view_.instructions[index];
    const int oparg = instruction.oparg;
    pendingPrevUnit_ = instruction.opcodeUnit;
    if (index > borrowingConsumer_ && borrowedKey(depth_) != 0) materializeBorrowed();
    if (hasUnboxed() && !takesUnboxedOperands(index)) boxStack(index);
    writeBackLocalsBefore(index);
    if (std::optional<bool> open = lowerSpecialized(index)) return *open;
    switch (instruction.opcode) {
    case Opcode::NOP:
    case Opcode::PRECALL:  // CALL handles bound methods itself
        return true;
    case Opcode::RESUME:
        if (oparg < 2) checkEvalBreaker(index, depth_, index + 1);
        return true;
    case Opcode::KW_NAMES:
        kwnames_ = constant(oparg);
        return true;
    case Opcode::LOAD_FAST:
    case Opcode::LOAD_CLOSURE: {
        llvm::Value* value = loadLocal(oparg);
        if (!instruction.localBound || instruction.opcode != Opcode::LOAD_FAST) {
            llvm::BasicBlock* bound = newBlock("bound");
            // Unbound: CPython raises the exact UnboundLocalError.
            builder_.CreateCondBr(builder_.CreateIsNull(value), handOffBlock(index, depth_), bound);
            continueIn(bound);
        }
        push(value);
        if (instruction.opcode == Opcode::LOAD_FAST) borrowIfOnlyRead(index);
        if (!isBorrowed(1)) incref(value);
        return true;
    }
    case Opcode::STORE_FAST: {
        llvm::Value* value = pop();
        llvm::Value* old = loadLocal(oparg);
        storeLocal(oparg, value);
        decref(old, /*mayBeNull=*/true);
        return true;
    }
    case Opcode::LOAD_CONST: {
        llvm::Value* value = address(constant(oparg));
        push(value);
        borrowIfOnlyRead(index);
        if (!isBorrowed(1)) incref(value);
        return true;
    }
    case Opcode::POP_TOP: decref(pop()); return true;
    case Opcode::PUSH_NULL: push(nullObject()); return true;
    case Opcode::COPY: {
        llvm::Value* value = peek(oparg);
        incref(value);
        push(value);
        return true;
    }
    case Opcode::SWAP: swapSlots(1, oparg); return true;
    case Opcode::RETURN_VALUE: {
        llvm::Value* value = pop();
        materializePrevInstr();  // a frame object that outlives the frame keeps its f_lineno
        emitFrameLeave();
        builder_.CreateRet(value);
        return false;
    }
    case Opcode::YIELD_VALUE: {
        if (!input_.isGenerator) {  // a coroutine's (coroutines are never compiled)
            builder_.CreateBr(handOffBlock(index, depth_));
            return false;
        }
        // The frame is left suspended as ceval leaves it; the next resumption enters at index + 1.
        llvm::Value* value = pop();
        spillStack(0, depth_);
        call(HelperId::yield_value, {tstate_, frame_, i32(instruction.opcodeUnit), i32(depth_)});
        builder_.CreateRet(value);
        return false;
    }
    case Opcode::SEND: return lowerSend(index);
    case Opcode::GET_YIELD_FROM_ITER: {
        llvm::Value* iterable = peek(1);
        llvm::Value* iterator = call(HelperId::get_yield_from_iter, {iterable});
        llvm::BasicBlock* failed = newBlock("yieldfrom.failed");
        llvm::BasicBlock* ok = newBlock("yieldfrom.ok");
        builder_.CreateCondBr(builder_.CreateIsNull(iterator), failed, ok);
        continueIn(failed);
        llvm::BasicBlock* raised = newBlock("yieldfrom.raised");
        builder_.CreateCondBr(builder_.CreateICmpNE(call(HelperId::error_occurred, {}), i32(0)), raised,
                              handOffBlock(index, depth_));
        continueIn(raised);
        decref(iterable);  // ceval releases the iterable before raising
        builder_.CreateBr(raiseBlock(index, depth_ - 1));
        continueIn(ok);
        decref(iterable);
        poke(1, iterator);
        return true;
    }
    case Opcode::BINARY_OP: return lowerBinaryOp(index);
    case Opcode::COMPARE_OP: return lowerCompareOp(index);
    case Opcode::CONTAINS_OP: return lowerBinaryHelper(index, HelperId::contains_op, oparg);
    case Opcode::BINARY_SUBSCR: return lowerBinarySubscr(index);
    case Opcode::IS_OP: {
        llvm::Value* rhs = pop();
        llvm::Value* lhs = pop();
        llvm::Value* same = builder_.CreateICmpEQ(lhs, rhs);
        if (oparg != 0) same = builder_.CreateNot(same);
        llvm::Value* result =
            builder_.CreateSelect(same, address(services_.objects.trueObject), address(services_.objects.falseObject));
        decref(lhs);
        decref(rhs);
        incref(result);
        push(result);
        return true;
    }
    case Opcode::UNARY_POSITIVE:
    case Opcode::UNARY_NEGATIVE:
    case Opcode::UNARY_NOT:
    case Opcode::UNARY_INVERT: {
        static const std::map<Opcode, int> kOperations = {
            {Opcode::UNARY_POSITIVE, 0}, {Opcode::UNARY_NEGATIVE, 1}, {Opcode::UNARY_NOT, 2}, {Opcode::UNARY_INVERT, 3}};
        llvm::Value* value = peek(1);
        llvm::Value* result = call(HelperId::unary_op, {value, i32(kOperations.at(instruction.opcode))});
        drop(1);
        decref(value);
        raiseIfNull(result, index);
        push(result);
        return true;
    }
    case Opcode::STORE_SUBSCR: return lowerStoreSubscr(index);
    case Opcode::DELETE_SUBSCR: {
        llvm::Value* key = peek(1);
        llvm::Value* container = peek(2);
        llvm::Value* status = call(HelperId::delete_subscr, {container, key});
        drop(2);
        decref(container);
        decref(key);
        raiseIfNegative(status, index);
        return true;
    }
    case Opcode::LOAD_GLOBAL: {
        llvm::Value* value = loadGlobal(index, oparg >> 1);
        if (oparg & 1) push(nullObject());
        push(value);
        return true;
    }
    case Opcode::LOAD_ATTR: return lowerLoadAttr(index);
    case Opcode::STORE_ATTR: return lowerStoreAttr(index);
    case Opcode::LOAD_METHOD: return lowerLoadMethod(index);
    case Opcode::CALL: return lowerCall(index);
    case Opcode::BUILD_TUPLE: return lowerBuild(index, HelperId::build_tuple);
    case Opcode::BUILD_LIST: return lowerBuild(index, HelperId::build_list);
    case Opcode::BUILD_STRING: return lowerBuild(index, HelperId::build_string);
    case Opcode::LIST_APPEND: {
        llvm::Value* item = pop();
        llvm::Value* status = call(HelperId::list_append, {peek(oparg), item});
        raiseIfNegative(status, index);
        return true;
    }
    case Opcode::GET_ITER: {
        llvm::Value* iterable = peek(1);
        llvm::Value* iterator = call(HelperId::get_iter, {iterable});
        drop(1);
        decref(iterable);
        raiseIfNull(iterator, index);
        push(iterator);
        return true;
    }
    case Opcode::FOR_ITER: return lowerForIter(index);
    case Opcode::UNPACK_SEQUENCE: return lowerUnpackSequence(index);
    case Opcode::LOAD_DEREF: {  // the cell's value, as PyCell_GET; an empty cell: CPython raises NameError
        llvm::Value* value = fieldOf(loadLocal(oparg), services_.layout.cellRef, ptrType());
        llvm::BasicBlock* bound = newBlock("bound");
        builder_.CreateCondBr(builder_.CreateIsNull(value), handOffBlock(index, depth_), bound);
        continueIn(bound);
        incref(value);
        push(value);
        return true;
    }
    case Opcode::STORE_DEREF: return lowerStoreDeref(index);
    case Opcode::MAKE_CELL:
        raiseIfNegative(call(HelperId::make_cell, {frame_, i32(oparg)}), index);
        return true;
    case Opcode::COPY_FREE_VARS: call(HelperId::copy_free_vars, {frame_, i32(oparg)}); return true;
    case Opcode::FORMAT_VALUE: {
        bool hasSpec = (oparg & kFormatHasSpec) != 0;
        llvm::Value* spec = hasSpec ? peek(1) : nullObject();
        llvm::Value* value = peek(hasSpec ? 2 : 1);
        llvm::Value* result = call(HelperId::format_value, {value, spec, i32(oparg)});
        drop(hasSpec ? 2 : 1);
        raiseIfNull(result, index);
        push(result);
        return true;
    }
    case Opcode::JUMP_FORWARD:
    case Opcode::JUMP_BACKWARD:
    case Opcode::JUMP_BACKWARD_NO_INTERRUPT:
        if (instruction.opcode == Opcode::JUMP_BACKWARD) {
            branchEdge(index, *instruction.jumpTarget);
        } else {
            jumpTo(*instruction.jumpTarget);
        }
        return false;
    case Opcode::POP_JUMP_FORWARD_IF_TRUE:
    case Opcode::POP_JUMP_BACKWARD_IF_TRUE: return lowerPopJump(index, true);
    case Opcode::POP_JUMP_FORWARD_IF_FALSE:
    case Opcode::POP_JUMP_BACKWARD_IF_FALSE: return lowerPopJump(index, false);
    case Opcode::POP_JUMP_FORWARD_IF_NONE:
    case Opcode::POP_JUMP_BACKWARD_IF_NONE: return lowerPopJumpNone(index, true);
    case Opcode::POP_JUMP_FORWARD_IF_NOT_NONE:
    case Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE: return lowerPopJumpNone(index, false);
    case Opcode::JUMP_IF_TRUE_OR_POP: return lowerJumpOrPop(index, true);
    case Opcode::JUMP_IF_FALSE_OR_POP: return lowerJumpOrPop(index, false);
    case Opcode::RAISE_VARARGS: return lowerRaise(index);
    case Opcode::RERAISE:
        // By protocol: a re-raise must not add a traceback entry, and with oparg it restores f_lasti
        // from the stack; CPython's interpreter runs it (docs/architecture.md).
        builder_.CreateBr(handOffBlock(index, depth_));
        return false;
    case Opcode::PUSH_EXC_INFO: {
        llvm::Value* exception = peek(1);
        poke(1, call(HelperId::push_exc_info, {tstate_, exception}));
        push(exception);
        return true;
    }
    case Opcode::POP_EXCEPT: call(HelperId::pop_except, {tstate_, pop()}); return true;
    case Opcode::CHECK_EXC_MATCH: {
        llvm::Value* right = peek(1);
        llvm::Value* left = peek(2);
        llvm::Value* matched = call(HelperId::check_exc_match, {left, right});
        llvm::BasicBlock* valid = newBlock("valid");
        // An except clause that names no exception class: CPython raises its TypeError.
        builder_.CreateCondBr(builder_.CreateIsNull(matched), handOffBlock(index, depth_), valid);
        continueIn(valid);
        drop(1);
        decref(right);
        push(matched);
        return true;
    }
    default:
        if (std::optional<bool> lowered = lowerMore(index)) return *lowered;
        // Not lowered yet: CPython's interpreter runs the rest of this activation from here.
        handedOff_++;
        handedOffOpcodes_[std::string(instruction.name)]++;
        builder_.CreateBr(handOffBlock(index, depth_));
        return false;
    }
}

llvm::Value* FunctionTranslator::newSiteCache(int words) {
    // Zeroed memory that lives as long as this function's machine code (it is freed with the module).
    auto* type = llvm::ArrayType::get(sizeType(), words);
    return new llvm::GlobalVariable(*module_, type, false, llvm::GlobalValue::InternalLinkage,
                                    llvm::ConstantAggregateZero::get(type), "site.cache");
}

llvm::Value* FunctionTranslator::unpackBuffer(int count) {
    // One buffer in the entry block, sized for the largest UNPACK_SEQUENCE.
    if (unpackBuffer_ == nullptr || unpackBufferSize_ < count) {
        llvm::IRBuilder<> entry(&function_->getEntryBlock(), function_->getEntryBlock().begin());
        unpackBuffer_ = entry.CreateAlloca(ptrType(), i32(count), "unpack");
        unpackBufferSize_ = count;
    }
    return unpackBuffer_;
}

// Where this code can be entered mid-activation, with the stack depth the analysis found there: the
// reachable targets of backward jumps (OSR from tier 1) and, in a generator, the instruction after each
// suspension point (generatorResumes_ gets those by the suspended frame's prev_instr).
std::map<uint32_t, int> FunctionTranslator::resumePoints() {
    std::map<size_t, const ViewBlock*> blockAt;
    for (const ViewBlock& block : view_.blocks) blockAt[block.first] = &block;
    std::map<uint32_t, int> points;
    auto addPoint = [&](size_t target) {
        auto block = blockAt.find(target);
        if (block == blockAt.end() || !block->second->reachable) return false;
        if (block->second->cold) {  // an exit: entering there would only leave again
            coldLoopHeaders_.insert(static_cast<uint32_t>(target));
            return false;
        }
        points[static_cast<uint32_t>(target)] = block->second->entryDepth;
        return true;
    };
    for (size_t i = 0; i < view_.instructions.size(); i++) {
        const ViewInstruction& instruction = view_.instructions[i];
        bool suspends = instruction.opcode == Opcode::YIELD_VALUE || instruction.opcode == Opcode::RETURN_GENERATOR;
        if (input_.isGenerator && suspends && addPoint(i + 1)) {
            generatorResumes_.push_back({instruction.opcodeUnit, static_cast<uint32_t>(i + 1),
                                         points[static_cast<uint32_t>(i + 1)]});
        }
        if (!instruction.jumpTarget) continue;
        size_t target = *instruction.jumpTarget;
        if (view_.instructions[target].firstUnit > instruction.opcodeUnit) continue;  // forward
        addPoint(target);
    }
    return points;
}

// The entry block's switch: a fresh call enters the frame; a resume moves the frame's stack values into
// the slots (they stay owned) and jumps to the block.
void FunctionTranslator::emitEntryDispatch(llvm::Value* resumeIndex, const std::map<uint32_t, int>& resumePoints) {
    llvm::BasicBlock* fresh = newBlock("fresh");
    llvm::SwitchInst* dispatch = builder_.CreateSwitch(resumeIndex, fresh, static_cast<unsigned>(resumePoints.size()));
    for (const auto& [target, depth] : resumePoints) {
        llvm::BasicBlock* resume = newBlock("resume");
        dispatch->addCase(llvm::cast<llvm::ConstantInt>(i32(static_cast<int>(target))), resume);
        continueIn(resume);
        for (int k = 0; k < depth; k++) builder_.CreateStore(loadLocal(input_.nlocalsplus + k), slots_[k]);
        jumpTo(target);
    }
    continueIn(fresh);
    emitFrameEnter();
    jumpTo(0);
}

// ceval's prologue for a fresh frame: the recursion check, then the frame linked as the thread's current
// one. Inline while recursion_remaining is positive; at the limit pyjit_frame_enter does all of it (it
// raises RecursionError, and then the frame is left unlinked and its function returns NULL).
void FunctionTranslator::emitFrameEnter() {
    const FrameLayout& layout = services_.layout;
    llvm::BasicBlock* deep = newBlock("recursion.check");
    llvm::BasicBlock* failed = newBlock("recursion.error");
    llvm::BasicBlock* link = newBlock("frame.link");
    llvm::BasicBlock* enter = newBlock("enter");
    llvm::Value* remainingAddress = builder_.CreateConstGEP1_64(builder_.getInt8Ty(), tstate_, layout.tstateRecursionRemaining);
    llvm::Value* remaining = builder_.CreateLoad(intType(), remainingAddress);
    builder_.CreateCondBr(builder_.CreateICmpSGT(remaining, i32(0)), link, deep);
    continueIn(deep);
    builder_.CreateCondBr(builder_.CreateICmpEQ(call(HelperId::frame_enter, {tstate_, frame_}), i32(0)), enter, failed);
    continueIn(failed);
    builder_.CreateRet(nullObject());
    continueIn(link);
    builder_.CreateStore(builder_.CreateSub(remaining, i32(1)), remainingAddress);
    llvm::Value* cframe = fieldOf(tstate_, layout.tstateCframe, ptrType());
    llvm::Value* currentAddress = builder_.CreateConstGEP1_64(builder_.getInt8Ty(), cframe, layout.cframeCurrentFrame);
    builder_.CreateStore(builder_.CreateLoad(ptrType(), currentAddress),
                         builder_.CreateConstGEP1_64(builder_.getInt8Ty(), frame_, layout.framePrevious));
    builder_.CreateStore(frame_, currentAddress);
    builder_.CreateBr(enter);
    continueIn(enter);
}

// pyjit_frame_leave inline: the frame's stack is empty (stacktop at its base), the recursion count given
// back and the caller's frame current again.
void FunctionTranslator::emitFrameLeave() {
    const FrameLayout& layout = services_.layout;
    builder_.CreateStore(i32(input_.nlocalsplus), builder_.CreateConstGEP1_64(builder_.getInt8Ty(), frame_, layout.frameStacktop));
    llvm::Value* remainingAddress = builder_.CreateConstGEP1_64(builder_.getInt8Ty(), tstate_, layout.tstateRecursionRemaining);
    builder_.CreateStore(builder_.CreateAdd(builder_.CreateLoad(intType(), remainingAddress), i32(1)), remainingAddress);
    llvm::Value* cframe = fieldOf(tstate_, layout.tstateCframe, ptrType());
    builder_.CreateStore(fieldOf(frame_, layout.framePrevious, ptrType()),
                         builder_.CreateConstGEP1_64(builder_.getInt8Ty(), cframe, layout.cframeCurrentFrame));
}

TranslatedCode FunctionTranslator::run() {
    TranslatedCode result;
    // Unique per compile: a recompiled code object's retired machine code keeps its symbol.
    static std::atomic<uint64_t> compiles{0};
    // Named after the Python function, as profilers (-X jit-perf) and debuggers show it:
    // "py::main.<locals>.f (prog.py:12) #7".
    std::string_view file = input_.filename;
    file = file.substr(file.rfind('/') + 1);
    result.entryName = fmt::format("py::{} ({}:{}) #{}", input_.qualname, file, input_.firstLineNo, compiles++);
    auto* type = llvm::FunctionType::get(ptrType(), {ptrType(), ptrType(), intType()}, false);
    function_ = llvm::Function::Create(type, llvm::Function::ExternalLinkage, result.entryName, *module_);
    tstate_ = function_->getArg(0);
    frame_ = function_->getArg(1);
    llvm::Value* resumeIndex = function_->getArg(2);
    tstate_->setName("tstate");
    frame_->setName("frame");
    resumeIndex->setName("resume_index");

    llvm::BasicBlock* entry = newBlock("entry");
    continueIn(entry);
    for (int k = 0; k < view_.maxStackDepth; k++) slots_.push_back(builder_.CreateAlloca(ptrType(), nullptr, "slot"));
    reprs_.assign(view_.maxStackDepth, Repr::Object);
    constants_.assign(view_.maxStackDepth, nullptr);
    localOf_.assign(view_.maxStackDepth, -1);
    borrowed_.assign(view_.maxStackDepth, false);
    unboxedSlots_.assign(view_.maxStackDepth, {});
    pair_ = builder_.CreateAlloca(ptrType(), i32(2), "method");

    blockStarts_.assign(view_.instructions.size(), nullptr);
    for (const ViewBlock& block : view_.blocks) {
        if (block.reachable) blockStarts_[block.first] = newBlock("bb");
    }
    planInlinedCalls();
    planUnboxedLocals();
    result.resumeIndices = resumePoints();
    result.generatorResumes = generatorResumes_;
    emitEntryDispatch(resumeIndex, result.resumeIndices);

    for (const ViewBlock& block : view_.blocks) {
        if (!block.reachable) continue;
        continueIn(blockStarts_[block.first]);
        depth_ = block.entryDepth;
        std::fill(reprs_.begin(), reprs_.end(), Repr::Object);
        std::fill(constants_.begin(), constants_.end(), nullptr);
        std::fill(localOf_.begin(), localOf_.end(), -1);
        knownLocalTypes_.clear();
        currentShadows_.clear();
        std::fill(borrowed_.begin(), borrowed_.end(), false);
        enterBlockLocals(block.first);
        kwnames_ = nullptr;
        fusedCondition_.reset();
        if (block.cold) {
            lowerColdBlock(block);
            continue;
        }
        bool open = true;
        for (size_t i = block.first; i < block.end && open; i++) {
            size_t handedOffBefore = handedOff_;
            const int depthBefore = depth_;
            open = lower(i);
            trackLocals(i, depthBefore);
            if (handedOff_ == handedOffBefore) {
                lowered_++;
                loweredOpcodes_[std::string(view_.instructions[i].name)]++;
            }
        }
        if (open) {
            if (block.end < view_.instructions.size()) {
                if (hasUnboxed()) boxStack(block.end - 1);  // the next block starts with objects
                jumpTo(block.end);
            } else {
                builder_.CreateUnreachable();  // the compiler never falls off the end
            }
        }
    }

    std::string problems;
    llvm::raw_string_ostream stream(problems);
    if (llvm::verifyFunction(*function_, &stream)) {
        result.failure = fmt::format("internal error: invalid IR for {}: {}", input_.qualname, problems.substr(0, 500));
        return result;
    }
    result.module = std::move(module_);
    result.instructionsLowered = lowered_;
    result.instructionsHandedOff = handedOff_;
    result.loweredOpcodes = std::move(loweredOpcodes_);
    result.handedOffOpcodes = std::move(handedOffOpcodes_);
    result.guards = std::move(guards_);
    result.directCalls = std::move(directCalls_);
    result.coldLoopHeaders = std::move(coldLoopHeaders_);
    return result;
}


TranslatedCode translate(const CompilerServices& services, const CodeInput& input, const BytecodeView& bytecode,
                         llvm::LLVMContext& context) {
    return FunctionTranslator(services, input, bytecode, context).run();
}

}  // namespace pyjit::jit
