// The translator's working state for one code object (internal to jit/). Translator.cpp holds the
// machinery (stack, exits, checks) and the core instructions; Lower*.cpp files add instruction groups
// through lowerMore(), which Translator.cpp's dispatch calls for every opcode it does not handle itself.
#pragma once

#include "jit/BytecodeView.h"
#include "jit/Translator.h"
#include "runtime/CompilerInterface.h"

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/MDBuilder.h>

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace pyjit::jit {

// FORMAT_VALUE's oparg bit saying a format spec is on the stack.
inline constexpr int kFormatHasSpec = 0x04;
// resume_in_cpython's prev_unit meaning "leave frame->prev_instr as the helper set it".
inline constexpr int kKeepPrevInstr = -2;

// The unboxed stack slots a deopt exit boxes itself (bit k: slot k), and where an out-of-memory error while
// boxing them is raised (the guarded instruction's opcode unit).
struct UnboxedExitSlots {
    uint64_t doubles = 0;
    uint64_t ints = 0;
    int raiseUnit = -1;
};

class FunctionTranslator {
public:
    FunctionTranslator(const CompilerServices& services, const CodeInput& input, const BytecodeView& view,
                       llvm::LLVMContext& context)
        : services_(services),
          input_(input),
          view_(view),
          context_(context),
          module_(std::make_unique<llvm::Module>(fmt::format("pyjit:{}", input.qualname), context)),
          builder_(context) {}

    TranslatedCode run();

public:  // for the Lower*.cpp files
    // --- types and constants
    llvm::Type* ptrType() { return llvm::PointerType::getUnqual(context_); }
    llvm::IntegerType* intType() { return llvm::Type::getInt32Ty(context_); }
    llvm::IntegerType* sizeType() { return llvm::Type::getInt64Ty(context_); }
    llvm::Constant* i32(int value) { return llvm::ConstantInt::get(intType(), value, true); }
    llvm::Constant* i64(int64_t value) { return llvm::ConstantInt::get(sizeType(), value, true); }
    llvm::Constant* address(const void* pointer) {
        return llvm::ConstantExpr::getIntToPtr(i64(reinterpret_cast<int64_t>(pointer)), ptrType());
    }
    llvm::Constant* nullObject() { return llvm::ConstantPointerNull::get(llvm::PointerType::getUnqual(context_)); }

    // --- runtime helpers
    llvm::FunctionCallee helper(HelperId id);
    llvm::Value* call(HelperId id, std::initializer_list<llvm::Value*> args) {
        if (helperObservesFrame(id)) materializePrevInstr();
        return builder_.CreateCall(helper(id), args);
    }
    // Helpers that can run no Python code and do not read frame->prev_instr, or set it themselves from the
    // unit they are given: no prev_instr store before them.
    static bool helperObservesFrame(HelperId id);

    // --- memory regions (type-based alias analysis)
    // Compiled code touches a few kinds of memory that never overlap: the frame's fields, objects' reference
    // counts, objects' type pointers and the guard counters. A load or store tagged with its region tells
    // LLVM that it cannot alias a tagged access of another region, so an incref between two reads of the same
    // local or type does not force a reload, and a store to prev_instr that the next one overwrites goes.
    // Untagged accesses may alias anything. Tag only accesses that are exactly one region's.
    enum class Region : uint8_t { Frame, Refcount, ObjectType, GuardCounter, Count };
    template <typename Access>
    Access* tagged(Access* access, Region region) {
        access->setMetadata(llvm::LLVMContext::MD_tbaa, regionTag(region));
        return access;
    }
    llvm::MDNode* regionTag(Region region);

    // --- frame memory
    llvm::Value* frameSlot(int index) {  // &frame->localsplus[index]
        return builder_.CreateConstGEP1_64(builder_.getInt8Ty(), frame_,
                                           services_.layout.frameLocalsplus + 8 * static_cast<int64_t>(index));
    }
    llvm::Value* loadLocal(int index) {
        return tagged(builder_.CreateLoad(ptrType(), frameSlot(index)), Region::Frame);
    }
    void storeLocal(int index, llvm::Value* value) {
        tagged(builder_.CreateStore(value, frameSlot(index)), Region::Frame);
    }
    // frame->prev_instr is what tracebacks, f_lineno, f_lasti and CPython's CALL read, and only code running
    // outside this function reads it: it is stored lazily, before a helper call that may observe it
    // (materializePrevInstr), not at every instruction. lower() makes the instruction's unit the pending one;
    // setPrevInstr stores a unit now and makes it the pending one; kKeepPrevInstr as the pending unit means
    // a helper chose prev_instr (CPython's CALL) and nothing may overwrite it until the next instruction.
    void setPrevInstr(int unit);
    void materializePrevInstr();

    // --- reference counts (inline unless the CPython build counts references globally)
    void incref(llvm::Value* object);
    llvm::Value* decrementRefcount(llvm::Value* object);  // ob_refcnt - 1, stored; the new count
    // `quiet`: the object's deallocation runs no Python code (an exact float or int): no write-back before it.
    void decref(llvm::Value* object, bool mayBeNull = false, bool quiet = false);
    // decref of a non-NULL object whose deallocation runs no code when `freesQuietly()` (evaluated only then)
    // holds: the unboxed locals are written back only on the other path.
    void decrefQuietWhen(llvm::Value* object, const std::function<llvm::Value*()>& freesQuietly);

    // --- the virtual value stack
    // A slot holds an object, or (specialized tier) an unboxed double or int64: the result of a guarded
    // float or int operation, kept out of the heap while only other guarded operations of its kind
    // consume it. Every other instruction, block boundary and exit sees objects: boxStack() boxes first.
    enum class Repr : uint8_t { Object, Double, Int };
    void push(llvm::Value* value) {
        reprs_[depth_] = Repr::Object;
        borrowed_[depth_] = false;
        localOf_[depth_] = -1;
        constants_[depth_] = llvm::dyn_cast<llvm::Constant>(value);
        builder_.CreateStore(value, slots_[depth_++]);
    }
    llvm::Value* pop() {
        borrowed_[--depth_] = false;
        return builder_.CreateLoad(ptrType(), slots_[depth_]);
    }
    llvm::Value* peek(int fromTop) { return builder_.CreateLoad(ptrType(), slots_[depth_ - fromTop]); }
    void poke(int fromTop, llvm::Value* value) {
        reprs_[depth_ - fromTop] = Repr::Object;
        borrowed_[depth_ - fromTop] = false;
        localOf_[depth_ - fromTop] = -1;
        constants_[depth_ - fromTop] = llvm::dyn_cast<llvm::Constant>(value);
        builder_.CreateStore(value, slots_[depth_ - fromTop]);
    }
    void drop(int count) {
        depth_ -= count;
        std::fill_n(borrowed_.begin() + depth_, count, false);
    }
    void pushUnboxed(Repr repr, llvm::Value* value);  // a double or an i64
    llvm::Value* peekUnboxed(int fromTop);
    Repr reprOf(int fromTop) const { return reprs_[depth_ - fromTop]; }
    bool isUnboxed(int fromTop) const { return reprOf(fromTop) != Repr::Object; }
    // The constant a slot holds when push/poke put one there in this block (LOAD_CONST's object), else null.
    llvm::Constant* constantAt(int fromTop) const { return constants_[depth_ - fromTop]; }
    // The local whose object a slot holds (a LOAD_FAST or a COPY of one in this block, the local not stored
    // since), or -1; and what guards in this block proved about locals' objects: the exact type a guard
    // tested (an exact builtin type cannot change and a local changes only by its own stores, so the
    // fact holds until the local is stored, deleted or made a cell, or the block ends).
    int localAt(int fromTop) const { return localOf_[depth_ - fromTop]; }
    const void* knownTypeOfLocal(int local) const;
    void trackLocals(size_t index, int depthBefore);  // after lowering `index`: origins and facts

    // An operand that a guarded int or float operation only reads (type test, unboxing) is pushed without
    // a reference when nothing can release it before: a LOAD_CONST (the code keeps its constants) or a
    // LOAD_FAST (the local keeps it) right before the operation, or before one more LOAD_FAST/LOAD_CONST
    // and the operation (`n - 1`, `x * y`). The operation does not release it; anything else that reaches
    // it first gets the reference (lower() materializes), and every exit path adds it before the stack is
    // spilled or unwound. Borrowed slots are only ever among the top two.
    void borrowIfOnlyRead(size_t index);  // after `index` pushed its object
    bool isBorrowed(int fromTop) const { return borrowed_[depth_ - fromTop]; }
    void materializeBorrowed();
    void increfBorrowed(int depth);         // at the start of an exit path: the stack's objects become owned
    uint64_t borrowedKey(int depth) const;  // which of the top two of the bottom `depth` slots are borrowed
    bool hasUnboxed() const;
    // Boxes every unboxed slot (a MemoryError is raised at `index`). `forExit`: on a path leaving native
    // code, where the representation the fast path goes on with must stay as it is.
    void boxStack(size_t index, bool forExit = false);
    bool boxStackForExit(size_t index);  // false: too many unboxed slots for one call
    // Copies stack entries [from, to) into the frame's value stack area; returns its address at `from`.
    llvm::Value* spillStack(int from, int to);

    // --- leaving native code
    llvm::BasicBlock* handOffBlock(size_t instruction, int depth);
    // An exception raised by `instruction` with `depth` values on the stack: the traceback entry, then
    // unwinding to the instruction's handler in this frame, or out of the frame.
    llvm::BasicBlock* raiseBlock(size_t instruction, int depth, bool keepPrevInstr = false);
    void emitUnwind(size_t instruction, int depth);
    // throwflag 0: hand the frame to CPython before the instruction; 1: with the exception it raised;
    // kDeoptExit: after a failed guard, on in tier 1 (runtime/Deopt.h, pyjit_deopt_resume).
    static constexpr int kDeoptExit = 2;
    llvm::BasicBlock* exitBlock(int prevUnit, int depth, int throwflag, UnboxedExitSlots unboxed = {});
    // After a failed guard; with `boxInExit`, the stack's unboxed slots stay unboxed up to the exit, whose
    // helper boxes them (one call instead of boxing, a failure branch and a raise path at every guard).
    llvm::BasicBlock* deoptBlock(size_t instruction, int depth, bool boxInExit = false);
    // Where a deopt exit goes when tier 1 asks to go on in compiled code: a tail call of that entry.
    llvm::BasicBlock* reentryBlock();
    void checkEvalBreaker(size_t instruction, int raiseDepth, size_t resumeInstruction);
    void checkTracing(size_t resumeInstruction);
    void handOffIfUnhandled(llvm::Value* result, size_t instruction);  // NULL without exception: hand off
    void raiseIfNull(llvm::Value* result, size_t instruction);         // after the inputs are released
    void raiseIfNegative(llvm::Value* status, size_t instruction);
    void continueIn(llvm::BasicBlock* block) { builder_.SetInsertPoint(block); }
    llvm::BasicBlock* newBlock(const char* name) { return llvm::BasicBlock::Create(context_, name, function_); }
    void jumpTo(size_t instruction);

    // --- instructions; each returns false when it ended the LLVM block
    bool lower(size_t index);
    // Instruction groups of the Lower*.cpp files: nullopt when the opcode is not theirs either.
    std::optional<bool> lowerMore(size_t index);
    // Specialized tier (LowerSpecialized.cpp): a guarded lowering where the input speculates on this
    // instruction; nullopt to lower it as the generic tier does.
    std::optional<bool> lowerSpecialized(size_t index);
    bool takesUnboxedOperands(size_t index) const;  // lowerSpecialized() consumes unboxed doubles here
    const SiteSpeculation* speculationFor(size_t index) const;
    // Branches to the fast path when `holds`, else (or when deopt stress says so) records the failure in a
    // new GuardRecord and deoptimizes: the frame is written and CPython's interpreter runs the instruction.
    void guard(size_t index, llvm::Value* holds, const SiteSpeculation& speculation,
               std::initializer_list<llvm::Value*> operands, DeoptReason failure = DeoptReason::OperandType);
    // A new GuardRecord at `index` with the frame state here; counts its executions if the input asks to.
    GuardRecord* newGuardRecord(size_t index, GuardKind kind, const std::array<const void*, 2>& expected);
    // A block the profile never saw run (ViewBlock::cold): a failed guard and an exit to tier 1 at its start.
    void lowerColdBlock(const ViewBlock& block);
    std::optional<bool> lowerGuardedFloat(size_t index, const SiteSpeculation& speculation);
    std::optional<bool> lowerGuardedInt(size_t index, const SiteSpeculation& speculation);
    // BINARY_SUBSCR / STORE_SUBSCR speculated on an exact list (tuple) and an int index: their speculation.
    const SiteSpeculation* sequenceSubscriptSpeculation(size_t index) const;
    bool lowerGuardedSubscript(size_t index, const SiteSpeculation& speculation);
    void lowerGuardedByteSubscript(size_t index, llvm::Value* position);
    void releaseReplacedItem(llvm::Value* old);
    void storeUnboxedFloat(size_t index, llvm::Value* slot);
    bool lowerStoreDeref(size_t index);
    // An unboxed int (float) value written into `old`, when `old` is an exact int (float) only its holder
    // refers to and the value fits the object; false otherwise (nothing written).
    llvm::Value* reusableFor(llvm::Value* old, Repr repr, llvm::Value* value);
    void writeInto(llvm::Value* old, Repr repr, llvm::Value* value);
    void raiseIfBoxingFailed(size_t index, llvm::Value* boxed, int fromTop);
    void swapSlots(int fromTop, int otherFromTop);  // SWAP, unboxed entries included
    // A guarded BINARY_OP's computation on unboxed operands; its guards deoptimize at `index`. `objects`: the
    // boxed operands, for the deopt event (nullptr: unboxed or not on the stack).
    llvm::Value* guardedIntArithmetic(size_t index, int oparg, const SiteSpeculation& speculation,
                                      const std::array<llvm::Value*, 2>& objects, llvm::Value* a, llvm::Value* b);
    llvm::Value* guardedFloatArithmetic(size_t index, int oparg, const SiteSpeculation& speculation,
                                        const std::array<llvm::Value*, 2>& objects, llvm::Value* a, llvm::Value* b);
    bool lowerUnboxedTruthJump(size_t index);
    bool lowerQuietTruthJump(size_t index);
    llvm::Value* guardedFloatPower(size_t index, const SiteSpeculation& speculation,
                                   const std::array<llvm::Value*, 2>& objects, llvm::Value* base,
                                   llvm::Value* exponent);
    struct GuardedOperands;
    GuardedOperands guardedOperands(const std::function<llvm::Value*(llvm::Value*, int)>& fits);
    void guardOperands(size_t index, const GuardedOperands& operands, const SiteSpeculation& speculation);
    std::array<llvm::Value*, 2> operandValues(const GuardedOperands& operands,
                                              const std::function<llvm::Value*(llvm::Value*, int)>& unbox);
    void releaseOperands(const GuardedOperands& operands);
    std::optional<Repr> unboxedReprFor(size_t index) const;  // the result's
    std::optional<Repr> binaryOpRepr(int oparg, const SiteSpeculation& speculation) const;  // ... of a BINARY_OP
    // Operand 0 (lhs) or 1 (rhs) of a guarded operation computing in `result` under `speculation`.
    Repr binaryOperandRepr(const SiteSpeculation& speculation, Repr result, int operand) const;
    // How operand 0 (lhs) or 1 (rhs) of a guarded operation is taken: its result's representation, or Int for
    // the int operand of a mixed float/int operation.
    Repr operandRepr(size_t index, int operand) const;
    bool isMixedFloatInt(const SiteSpeculation& speculation) const;
    llvm::Value* unboxedSlot(int slot, Repr repr);

    // --- inlined calls (specialized tier, InlineCalls.cpp): CodeInput::inlineCallees that can be inlined here
    struct InlinePlan {
        const CodeInput* callee = nullptr;
        BytecodeView view;
        std::vector<Repr> parameters;  // how each argument is taken: Int or Double
        std::string opname;            // for the guard records: "CALL (inlined <qualname>)"
    };
    // A value of the callee while it is walked: its representation and, when emitting, its LLVM value.
    // Planning leaves a parameter's representation open (Object, `parameter` set) until an operation uses it.
    struct InlinedValue {
        Repr repr = Repr::Object;
        int parameter = -1;
        llvm::Value* value = nullptr;
    };
    void planInlinedCalls();
    const InlinePlan* inlinePlanAt(size_t callIndex) const;
    // How the instruction `consumer` takes the value `position` entries below the top of its stack (0: top).
    Repr wantedRepr(size_t consumer, int position) const;
    std::optional<bool> inlinedCallTakesUnboxed(size_t index) const;  // nullopt: not an inlined call's
    std::optional<InlinedValue> walkInlinedCallee(const InlinePlan& plan, std::vector<Repr>& parameters,
                                                  size_t guardIndex, const std::vector<llvm::Value*>* arguments);
    bool lowerInlinedCall(size_t index, const InlinePlan& plan);

    // --- unboxed locals (specialized tier, UnboxedLocals.cpp)
    // A local some guarded operation stores a float (int) into lives in an SSA shadow while compiled code runs.
    // One i64 mask (an alloca mem2reg promotes) has a bit per (local, representation): set, the shadow holds
    // the local's value and the frame slot an obsolete object (an exact float or int, or NULL) still to be
    // released. The frame is written back wherever it can be observed: before instructions that can run other
    // code, before any deallocation that may run a finalizer, on the eval breaker's slow path and on every exit.
    struct UnboxedLocal {
        std::array<int, 3> bit{-1, -1, -1};         // per Repr (Object unused): its bit in the stale mask, or -1
        std::array<llvm::AllocaInst*, 3> shadow{};  // a double / an i64
        uint64_t bits() const;                      // all of the local's bits
    };
    void planUnboxedLocals();
    void planUnboxedLoopVariables(llvm::IRBuilder<>& entry);
    // Parameters no instruction stores, deletes or makes a cell of keep their object for the whole activation
    // (a local changes only by its own stores): read as an int64 or double by guarded operations, the first
    // read per entry guards and unboxes it into a cache, the next ones take the cache (one bit of a mask
    // that every entry, OSR included, starts at zero). Nothing to write back: the frame keeps the object.
    struct CachedParameter {
        std::array<int, 3> bit{-1, -1, -1};        // per Repr: its bit in parameterCacheMask_, or -1
        std::array<llvm::AllocaInst*, 3> cache{};  // a double / an i64
    };
    void planCachedParameters(llvm::IRBuilder<>& entry);
    bool lowerCachedParameterLoad(size_t index, Repr repr);
    // A local's frame object guarded (when `present`) to be an exact float, or an int of at most two digits,
    // deoptimizing at `index`; its value as a double or an int64.
    llvm::Value* guardedLocalValue(size_t index, llvm::Value* object, llvm::Value* present, Repr repr,
                                   const char* source);
    bool iteratesCallOfRange(size_t forIter) const;  // GET_ITER of a `range(...)` call before this FOR_ITER
    const UnboxedLocal* unboxedLocal(int local, Repr repr) const;
    void writeBackLocal(int localIndex);
    // `cold`: on a path leaving the function (an exit, a raise, the eval breaker's slow path) the call is made
    // whatever the stale bits say (the helper returns at once on none): no branch, no extra block to compile.
    void writeBackLocalList(const std::vector<int>& locals, bool cold = false);
    llvm::Value* staleBits(uint64_t bits);  // the stale mask & bits (an i64)
    void setStaleBits(uint64_t clear, uint64_t set);
    void enterBlockLocals(size_t first);  // mayBeStale_ at a block start, from planUnboxedLocals' data flow
    void planStaleLocals();
    uint64_t staleLocalsKey() const;  // mayBeStale_ as a bit mask: exits that write back different sets differ
    void writeBackLocals(bool cold = false);          // every local that may be stale here (mayBeStale_)
    bool leavesLocalsUnobserved(size_t index) const;  // runs no other code, frees nothing: no write-back
    void writeBackLocalsBefore(size_t index);
    std::optional<size_t> consumerOf(size_t index,
                                     int* position = nullptr) const;  // the instruction taking the value `index` pushes
    std::optional<bool> lowerLocalAccess(size_t index);
    bool lowerUnboxedLoad(size_t index, Repr repr);
    bool lowerUnboxedStore(size_t index);
    // `condition && evaluate()` (i1s), evaluating only when the condition holds (e.g. reading a field).
    llvm::Value* whenTrue(llvm::Value* condition, const std::function<llvm::Value*()>& evaluate);
    llvm::Value* smallIntFits(llvm::Value* object);   // exact int of at most two digits (an i1)
    llvm::Value* smallIntValue(llvm::Value* object);  // its value as an i64 (after smallIntFits)
    // The value of `object` when it is a constant of this code that is such an int (CodeInput::smallIntConsts).
    std::optional<int64_t> knownSmallInt(llvm::Constant* object);
    std::optional<double> knownFloat(llvm::Constant* object);  // ... a constant exact float (floatConsts)
    bool lowerBinaryHelper(size_t index, HelperId id, std::optional<int> oparg);
    bool finishBinary(size_t index, llvm::Value* lhs, llvm::Value* rhs, llvm::Value* result);
    // Exact inline fast paths (LowerFastPaths.cpp)
    using NumericPath = std::function<llvm::Value*(llvm::Value* lhs, llvm::Value* rhs)>;
    bool lowerBinaryOp(size_t index);
    llvm::BasicBlock* lowerAppendToNextLocal(size_t index, int oparg);
    bool lowerCompareOp(size_t index);
    bool lowerBinarySubscr(size_t index);
    bool lowerStoreSubscr(size_t index);
    bool lowerLoadAttr(size_t index);
    // LOAD_GLOBAL's value (a new reference): the site cache read inline, the helper when it misses.
    llvm::Value* loadGlobal(size_t index, int nameIndex);
    bool lowerStoreAttr(size_t index);
    // The address of the attribute's slot (an instance value or a __slots__ member) when `cache` holds an
    // INSTANCE_VALUE or SLOT entry for the owner's type; branches to `slow` otherwise.
    llvm::Value* cachedAttributeSlot(llvm::Value* owner, llvm::Value* cache, llvm::BasicBlock* slow);
    llvm::Value* sequenceItemSlot(llvm::Value* container, llvm::Value* key, bool tuplesToo, llvm::BasicBlock* slow);
    llvm::Value* numericFastPaths(llvm::Value* lhs, llvm::Value* rhs, const NumericPath& intPath,
                                  const NumericPath& floatPath, const NumericPath& slowPath,
                                  const NumericPath& floatsAllowed = NumericPath());
    NumericPath helperPath(HelperId id, int oparg);  // calls the helper with (lhs, rhs, oparg)
    std::optional<bool> fuseCompareWithJump(size_t index, const NumericPath& intCompare,
                                            const NumericPath& floatCompare);
    llvm::Value* takeFusedCondition(size_t index);  // the i1 a fused COMPARE_OP left for this jump, or nullptr
    bool jumpOnResultFollows(size_t index) const;   // POP_JUMP_IF_TRUE/FALSE next, in the same block
    void pushComparison(size_t index, llvm::Value* condition);  // a computed COMPARE_OP's i1 result
    // FOR_ITER's next item (owned), exact range and list iterators inline; branches to `exhausted` at the end.
    // With `unboxedRange`, a range iterator's item is not boxed: its int64 and the (open) block it is
    // computed in are left there, and the returned item comes from the other paths only.
    struct RangeItem {
        llvm::Value* value = nullptr;
        llvm::BasicBlock* block = nullptr;
    };
    llvm::Value* iteratorNext(llvm::Value* iterator, size_t index, llvm::BasicBlock* exhausted,
                              RangeItem* unboxedRange = nullptr);
    llvm::Value* truthOf(llvm::Value* value, size_t index, bool release);  // an i1; raises if is_true does
    llvm::Value* fieldOf(llvm::Value* object, int offset, llvm::Type* type);
    llvm::Value* hasExactType(llvm::Value* object, const void* type);
    llvm::Value* bothCompactInts(llvm::Value* lhs, llvm::Value* rhs);
    llvm::Value* compactIntValue(llvm::Value* object);
    llvm::Value* floatValue(llvm::Value* object);
    llvm::Value* boxInt(llvm::Value* value);  // a new reference to the int, or NULL with MemoryError
    llvm::Value* boolObject(llvm::Value* condition);
    void branchEdge(size_t index, size_t target);
    void branchOn(size_t index, llvm::Value* condition, bool jumpIf);
    bool lowerPopJump(size_t index, bool jumpIfTrue);
    bool lowerPopJumpNone(size_t index, bool jumpIfNone);
    bool lowerJumpOrPop(size_t index, bool jumpIfTrue);
    bool lowerCall(size_t index);
    // CALL of the Python code CodeInput::directCallees names: frame pushed, native entry called, frame popped
    // inline (DirectCalls.cpp); pyjit_call_positional for any other callable. Returns the result (NULL: raised).
    llvm::Value* directCall(size_t index, const DirectCallee& callee);
    void popDirectFrame(llvm::Value* frame, const DirectCallee& callee);
    bool lowerBuild(size_t index, HelperId id);
    bool lowerForIter(size_t index);
    bool lowerUnpackSequence(size_t index);
    bool lowerRaise(size_t index);
    llvm::Value* unpackBuffer(int count);
    bool lowerSend(size_t index);
    bool lowerLoadMethod(size_t index);
    llvm::Value* attributeCacheMatches(llvm::Value* owner, llvm::Value* cache);
    std::map<uint32_t, int> resumePoints();
    std::vector<GeneratorResume> generatorResumes_;  // filled by resumePoints()
    std::set<uint32_t> coldLoopHeaders_;             // ... likewise
    void emitEntryDispatch(llvm::Value* resumeIndex, const std::map<uint32_t, int>& resumePoints);
    void emitFrameEnter();
    void emitFrameLeave();
    llvm::Value* newSiteCache(int words);  // per-site cache memory (e.g. PyjitGlobalCache: 4 words)
    const void* constant(int index) const;
    const void* name(int index) const;

    const CompilerServices& services_;
    const CodeInput& input_;
    const BytecodeView& view_;
    llvm::LLVMContext& context_;
    std::unique_ptr<llvm::Module> module_;
    llvm::IRBuilder<> builder_;
    llvm::Function* function_ = nullptr;
    llvm::Value* tstate_ = nullptr;
    llvm::Value* frame_ = nullptr;
    std::vector<llvm::AllocaInst*> slots_;
    std::vector<Repr> reprs_;                 // per stack slot, while translating a block
    std::vector<llvm::Constant*> constants_;  // ... and the constant it holds, if known (constantAt)
    std::vector<int> localOf_;                // ... and the local its object came from, if known (localAt)
    std::map<int, const void*> knownLocalTypes_;  // by local: an exact type a guard in this block proved
    // Unboxed locals whose shadow holds their current value, whatever the stale mask says: an unboxed
    // STORE_FAST earlier in this block wrote it (into the shadow on both of its paths), and nothing stored
    // the local since. Their LOAD_FASTs read the shadow with no test.
    std::map<int, Repr> currentShadows_;
    size_t shadowStoredBy_ = SIZE_MAX;        // the STORE_FAST that last made a shadow current
    std::vector<bool> borrowed_;              // ... pushed without a reference (borrowIfOnlyRead)
    size_t borrowingConsumer_ = 0;            // the guarded operation the borrowed slots wait for
    std::vector<std::array<llvm::AllocaInst*, 3>> unboxedSlots_;  // per slot and Repr, made on first use
    llvm::Value* pair_ = nullptr;                                 // LOAD_METHOD's two results
    llvm::BasicBlock* reentry_ = nullptr;                         // reentryBlock(), made on first use
    std::array<llvm::MDNode*, static_cast<size_t>(Region::Count)> regionTags_{};  // made on first use
    llvm::Value* unpackBuffer_ = nullptr;
    int unpackBufferSize_ = 0;
    llvm::Value* exitBoxBuffer_ = nullptr;  // boxStackForExit's, sized for the most unboxed slots of an exit
    int exitBoxBufferSize_ = 0;
    std::vector<llvm::BasicBlock*> blockStarts_;  // per instruction: the LLVM block it starts, if any
    // (prevUnit, depth, throwflag, staleLocalsKey(), borrowedKey(), unboxed doubles, unboxed ints)
    std::map<std::tuple<int, int, int, uint64_t, uint64_t, uint64_t, uint64_t>, llvm::BasicBlock*> exits_;
    std::map<std::tuple<size_t, int, bool, uint64_t, uint64_t>, llvm::BasicBlock*> raises_;
    int depth_ = 0;
    const void* kwnames_ = nullptr;                                  // set by KW_NAMES for the next CALL
    std::optional<std::pair<size_t, llvm::Value*>> fusedCondition_;  // (jump index, i1) from COMPARE_OP
    size_t lowered_ = 0;
    std::map<std::string, uint32_t> loweredOpcodes_;    // per opcode name: instructions lowered
    std::map<std::string, uint32_t> handedOffOpcodes_;  // ... and handed to CPython
    size_t handedOff_ = 0;
    std::vector<std::unique_ptr<GuardRecord>> guards_;  // specialized tier
    std::map<int, UnboxedLocal> unboxedLocals_;         // by local index
    std::vector<std::pair<int, Repr>> unboxedBits_;     // the write-back mask's bits: (local, representation)
    llvm::AllocaInst* staleMask_ = nullptr;             // i64: bit b set = unboxedBits_[b] is stale
    llvm::Value* writeBackLayout_ = nullptr;            // unboxedBits_ as int32 pairs (a constant global)
    llvm::Value* writeBackBuffer_ = nullptr;            // the shadows' bits for one write-back call
    std::map<int, CachedParameter> cachedParameters_;   // by local index
    llvm::AllocaInst* parameterCacheMask_ = nullptr;    // i64: bit set = that cache holds the parameter's value
    std::set<int> mayBeStale_;  // while translating a block: unboxed locals not written back on every path here
    // STORE_FASTs right after a FOR_ITER whose local is kept as an int64 (planUnboxedLocals): the FOR_ITER
    // stores a range iterator's item unboxed itself and joins the STORE_FAST's object path after it, at
    // the block recorded here by the STORE_FAST's index (lowerForIter).
    std::set<size_t> fusedForIterStores_;
    std::map<size_t, llvm::BasicBlock*> forIterStoreJoins_;
    std::map<size_t, std::set<int>> staleAtBlockStart_;  // by the block's first instruction
    std::map<size_t, InlinePlan> inlinePlans_;           // by the CALL's index
    std::vector<DirectCallSite> directCalls_;            // CALLs lowered by directCall()
    std::string inlinedOpname_;                          // while lowering an inlined call: its guards' opname
    int pendingPrevUnit_ = kKeepPrevInstr;               // the unit prev_instr must hold at the next helper call
    llvm::BasicBlock* prevInstrStoredIn_ = nullptr;      // ... and the block that stored it last, and which unit
    int prevInstrStoredUnit_ = kKeepPrevInstr;
};

}  // namespace pyjit::jit
