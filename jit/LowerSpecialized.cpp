// The specialized tier's guarded lowerings (docs/deopt.md has the table, family by family). Where the
// profile (CodeInput::speculations) says which exact types a site sees, the instruction is lowered for
// those types only, behind a guard; a failing guard deoptimizes: the failure is recorded, the frame is
// written exactly (unboxed stack values are boxed first; locals are always objects) and CPython's interpreter executes
// the instruction and the rest of the activation. Sites widened after too many failures, and everything
// without a speculation, are lowered as the generic tier lowers them.
#include "BinaryOpargs.h"
#include "FunctionTranslator.h"

#include <llvm/IR/MDBuilder.h>

#include <limits>

namespace pyjit::jit {

namespace {

// The speculation's operand type when both operands share it (the arithmetic and comparison shapes).
const void* sharedOperandType(const SiteSpeculation& speculation) {
    return speculation.operandTypes[0] == speculation.operandTypes[1] ? speculation.operandTypes[0] : nullptr;
}

// BINARY_OP's `**` and `**=` (NB_POWER, NB_INPLACE_POWER).
bool isPower(int oparg) {
    constexpr int kPower = 8, kInPlacePower = 21;
    return oparg == kPower || oparg == kInPlacePower;
}

// The int operations of BINARY_OP the specialized tier computes on int64 (CPython specializes only + - *).
enum class IntOp { Add, Subtract, Multiply, And, Or, Xor, LeftShift, RightShift, FloorDivide, Remainder, None };

IntOp intOpOf(int oparg) {
    constexpr int kInPlace = 13;  // NB_INPLACE_ADD - NB_ADD: each in-place form is its operation + 13
    switch (oparg >= kInPlace ? oparg - kInPlace : oparg) {
        case 0: return IntOp::Add;
        case 1: return IntOp::And;
        case 2: return IntOp::FloorDivide;
        case 3: return IntOp::LeftShift;
        case 5: return IntOp::Multiply;
        case 6: return IntOp::Remainder;
        case 7: return IntOp::Or;
        case 9: return IntOp::RightShift;
        case 10: return IntOp::Subtract;
        case 12: return IntOp::Xor;
        default: return IntOp::None;  // @, **, / (true division of ints gives a float)
    }
}

bool isPopJumpOnTruth(frontend::Opcode opcode) {
    using frontend::Opcode;
    return opcode == Opcode::POP_JUMP_FORWARD_IF_TRUE || opcode == Opcode::POP_JUMP_BACKWARD_IF_TRUE ||
           opcode == Opcode::POP_JUMP_FORWARD_IF_FALSE || opcode == Opcode::POP_JUMP_BACKWARD_IF_FALSE;
}

}  // namespace

const SiteSpeculation* FunctionTranslator::speculationFor(size_t index) const {
    if (!input_.specialize) return nullptr;
    auto unit = static_cast<uint32_t>(view_.instructions[index].opcodeUnit);
    if (input_.widenedUnits.contains(unit)) return nullptr;
    auto found = input_.speculations.find(unit);
    return found != input_.speculations.end() ? &found->second : nullptr;
}

llvm::Value* FunctionTranslator::unboxedSlot(int slot, Repr repr) {
    llvm::AllocaInst*& alloca = unboxedSlots_[slot][static_cast<size_t>(repr)];
    if (alloca == nullptr) {
        llvm::IRBuilder<> entry(&function_->getEntryBlock(), function_->getEntryBlock().begin());
        alloca = entry.CreateAlloca(repr == Repr::Double ? builder_.getDoubleTy() : builder_.getInt64Ty(), nullptr,
                                    repr == Repr::Double ? "unboxed.double" : "unboxed.int");
    }
    return alloca;
}

void FunctionTranslator::swapSlots(int fromTop, int otherFromTop) {
    struct Entry {
        Repr repr;
        llvm::Value* value;  // the object, or the unboxed double / int64
        llvm::Constant* constant;
        int local;
    };
    auto read = [&](int at) {
        return Entry{reprOf(at), isUnboxed(at) ? peekUnboxed(at) : peek(at), constantAt(at), localAt(at)};
    };
    auto write = [&](int at, const Entry& entry) {
        const int slot = depth_ - at;
        builder_.CreateStore(entry.value, entry.repr == Repr::Object ? slots_[slot] : unboxedSlot(slot, entry.repr));
        reprs_[slot] = entry.repr;
        constants_[slot] = entry.constant;
        localOf_[slot] = entry.local;
    };
    // Borrowed entries are never swapped: lower() gives them their references before any SWAP.
    Entry top = read(fromTop);
    Entry other = read(otherFromTop);
    write(fromTop, other);
    write(otherFromTop, top);
}

void FunctionTranslator::pushUnboxed(Repr repr, llvm::Value* value) {
    builder_.CreateStore(value, unboxedSlot(depth_, repr));
    borrowed_[depth_] = false;
    constants_[depth_] = nullptr;
    localOf_[depth_] = -1;
    reprs_[depth_++] = repr;
}

llvm::Value* FunctionTranslator::peekUnboxed(int fromTop) {
    int slot = depth_ - fromTop;
    llvm::Type* type = reprs_[slot] == Repr::Double ? builder_.getDoubleTy() : builder_.getInt64Ty();
    return builder_.CreateLoad(type, unboxedSlot(slot, reprs_[slot]));
}

// Leaving native code, size matters more than speed: the unboxed slots' bits go into a buffer, one helper
// boxes them all in place (the slots it could not box get None, MemoryError is set), one branch raises.
// Every guard's failure path has this: per-slot boxing code made a third of a float loop's cold code.
bool FunctionTranslator::boxStackForExit(size_t index) {
    std::vector<int> unboxed;
    uint64_t doubles = 0;
    for (int k = 0; k < depth_; k++) {
        if (reprs_[k] == Repr::Object) continue;
        if (unboxed.size() == 64) return false;  // more than the mask holds: slot by slot
        if (reprs_[k] == Repr::Double) doubles |= uint64_t{1} << unboxed.size();
        unboxed.push_back(k);
    }
    if (unboxed.empty()) return true;
    const int count = static_cast<int>(unboxed.size());
    if (exitBoxBuffer_ == nullptr || exitBoxBufferSize_ < count) {
        llvm::IRBuilder<> entry(&function_->getEntryBlock(), function_->getEntryBlock().begin());
        exitBoxBuffer_ = entry.CreateAlloca(sizeType(), i32(count), "exit.boxes");
        exitBoxBufferSize_ = count;
    }
    for (int j = 0; j < count; j++) {
        const int k = unboxed[j];
        builder_.CreateStore(peekUnboxed(depth_ - k), builder_.CreateConstGEP1_64(sizeType(), exitBoxBuffer_, j));
    }
    llvm::Value* status = call(HelperId::box_values, {i64(static_cast<int64_t>(doubles)), i32(count), exitBoxBuffer_});
    for (int j = 0; j < count; j++) {
        const int k = unboxed[j];
        builder_.CreateStore(builder_.CreateLoad(ptrType(), builder_.CreateConstGEP1_64(sizeType(), exitBoxBuffer_, j)),
                             slots_[k]);
        constants_[k] = nullptr;
    }
    llvm::BasicBlock* boxed = newBlock("boxed");
    builder_.CreateCondBr(builder_.CreateICmpSLT(status, i32(0)), raiseBlock(index, depth_), boxed,
                          llvm::MDBuilder(context_).createUnlikelyBranchWeights());
    continueIn(boxed);
    return true;
}

bool FunctionTranslator::hasUnboxed() const {
    return std::any_of(reprs_.begin(), reprs_.begin() + depth_, [](Repr repr) { return repr != Repr::Object; });
}

void FunctionTranslator::boxStack(size_t index, bool forExit) {
    if (forExit && boxStackForExit(index)) return;
    const int depth = depth_;
    for (int k = 0; k < depth; k++) {
        if (reprs_[k] == Repr::Object) continue;
        llvm::Value* value = builder_.CreateLoad(
            reprs_[k] == Repr::Double ? builder_.getDoubleTy() : builder_.getInt64Ty(), unboxedSlot(k, reprs_[k]));
        llvm::Value* object = reprs_[k] == Repr::Double ? call(HelperId::float_from_double, {value}) : boxInt(value);
        llvm::BasicBlock* boxed = newBlock("boxed");
        llvm::BasicBlock* failed = newBlock("box.failed");
        builder_.CreateCondBr(builder_.CreateIsNull(object), failed, boxed,
                              llvm::MDBuilder(context_).createLikelyBranchWeights());
        // Out of memory: the slots not boxed yet get None, so that unwinding releases objects only.
        continueIn(failed);
        for (int j = k; j < depth; j++) {
            if (reprs_[j] == Repr::Object) continue;
            llvm::Value* none = address(services_.objects.none);
            incref(none);
            builder_.CreateStore(none, slots_[j]);
            constants_[j] = nullptr;
        }
        builder_.CreateBr(raiseBlock(index, depth));
        continueIn(boxed);
        builder_.CreateStore(object, slots_[k]);
        constants_[k] = nullptr;
    }
    if (!forExit) std::fill(reprs_.begin(), reprs_.begin() + depth, Repr::Object);
}

llvm::Value* FunctionTranslator::whenTrue(llvm::Value* condition, const std::function<llvm::Value*()>& evaluate) {
    llvm::BasicBlock* entry = builder_.GetInsertBlock();
    llvm::BasicBlock* evaluating = newBlock("and.then");
    llvm::BasicBlock* done = newBlock("and.done");
    builder_.CreateCondBr(condition, evaluating, done);
    continueIn(evaluating);
    llvm::Value* value = evaluate();
    llvm::BasicBlock* evaluatedIn = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    continueIn(done);
    llvm::PHINode* result = builder_.CreatePHI(builder_.getInt1Ty(), 2);
    result->addIncoming(builder_.getFalse(), entry);
    result->addIncoming(value, evaluatedIn);
    return result;
}

llvm::Value* FunctionTranslator::smallIntFits(llvm::Value* object) {
    // An exact int with ob_size in -2..2: its value fits in 60 bits. ob_size is read only from an int.
    return whenTrue(hasExactType(object, services_.objects.longType), [&] {
        llvm::Value* size = fieldOf(object, services_.layout.longSize, sizeType());
        return builder_.CreateICmpULE(builder_.CreateAdd(size, i64(2)), i64(4));
    });
}

std::optional<int64_t> FunctionTranslator::knownSmallInt(llvm::Constant* object) {
    if (object == nullptr) return std::nullopt;
    for (size_t i = 0; i < input_.smallIntConsts.size(); i++) {
        // address() of the same pointer is the same uniqued LLVM constant.
        if (input_.smallIntConsts[i] && address(input_.consts[i]) == object) return input_.smallIntConsts[i];
    }
    return std::nullopt;
}

std::optional<double> FunctionTranslator::knownFloat(llvm::Constant* object) {
    if (object == nullptr) return std::nullopt;
    for (size_t i = 0; i < input_.floatConsts.size(); i++) {
        if (input_.floatConsts[i] && address(input_.consts[i]) == object) return input_.floatConsts[i];
    }
    return std::nullopt;
}

llvm::Value* FunctionTranslator::smallIntValue(llvm::Value* object) {
    // sign(ob_size) * (digit[0] + digit[1] << 30); digit[1] is read only when there are two digits.
    constexpr int kDigitBits = 30, kDigitBytes = 4;
    llvm::Value* size = fieldOf(object, services_.layout.longSize, sizeType());
    llvm::Value* magnitude = builder_.CreateZExt(fieldOf(object, services_.layout.longDigit, intType()), sizeType());
    llvm::Value* twoDigits = builder_.CreateICmpUGT(builder_.CreateAdd(size, i64(1)), i64(2));
    llvm::BasicBlock* entry = builder_.GetInsertBlock();
    llvm::BasicBlock* high = newBlock("int.high");
    llvm::BasicBlock* done = newBlock("int.value");
    builder_.CreateCondBr(twoDigits, high, done);
    continueIn(high);
    llvm::Value* highDigit =
        builder_.CreateZExt(fieldOf(object, services_.layout.longDigit + kDigitBytes, intType()), sizeType());
    llvm::Value* both = builder_.CreateOr(magnitude, builder_.CreateShl(highDigit, kDigitBits));
    builder_.CreateBr(done);
    continueIn(done);
    llvm::PHINode* value = builder_.CreatePHI(sizeType(), 2);
    value->addIncoming(magnitude, entry);
    value->addIncoming(both, high);
    llvm::Value* negative = builder_.CreateICmpSLT(size, i64(0));
    return builder_.CreateSelect(negative, builder_.CreateNeg(value), value);
}

void FunctionTranslator::guard(size_t index, llvm::Value* holds, const SiteSpeculation& speculation,
                               std::initializer_list<llvm::Value*> operands, DeoptReason failure) {
    // A condition the IR builder folded to true (a constant shift count, a constant nonzero divisor) cannot
    // fail: no guard, no failure path for the code generator to compile. Deopt stress still fails it.
    if (auto* constant = llvm::dyn_cast<llvm::ConstantInt>(holds); constant != nullptr && constant->isOne()) {
        if (!input_.deoptStress) return;
    }
    GuardKind kind = GuardKind::OperandTypes;
    switch (failure) {
        case DeoptReason::IntOverflow: kind = GuardKind::NoIntOverflow; break;
        case DeoptReason::ZeroDivisor: kind = GuardKind::NonzeroDivisor; break;
        case DeoptReason::IndexRange: kind = GuardKind::IndexInRange; break;
        case DeoptReason::PowDomain: kind = GuardKind::PowDomain; break;
        case DeoptReason::ShiftCount: kind = GuardKind::ShiftCount; break;
        case DeoptReason::Callee: kind = GuardKind::InlinedCallee; break;
        default: break;
    }
    GuardRecord* guardRecord = newGuardRecord(index, kind, speculation.operandTypes);

    llvm::Value* passes = holds;
    llvm::Value* reason = i32(static_cast<int>(failure));
    if (input_.deoptStress) {
        llvm::Value* stressed = builder_.CreateICmpNE(call(HelperId::deopt_stress_roll, {}), i32(0));
        passes = builder_.CreateAnd(holds, builder_.CreateNot(stressed));
        reason = builder_.CreateSelect(holds, i32(static_cast<int>(DeoptReason::Stress)), reason);
    }
    llvm::BasicBlock* pass = newBlock("guard.ok");
    llvm::BasicBlock* fail = newBlock("guard.failed");
    builder_.CreateCondBr(passes, pass, fail, llvm::MDBuilder(context_).createLikelyBranchWeights());
    continueIn(fail);
    // The frame tier 1 gets holds objects only: the exit boxes the unboxed stack slots (boxInExit, up to 64
    // of them); beyond that, boxing here, slot by slot.
    const bool boxInExit = hasUnboxed() && depth_ <= 64;
    if (hasUnboxed() && !boxInExit) boxStack(index, /*forExit=*/true);
    // The observed types the deopt event reports. An operand that was unboxed has no object of its own: a
    // BINARY_OP's or COMPARE_OP's operands are the top two stack slots, whose representation says it.
    const frontend::Opcode opcode = view_.instructions[index].opcode;
    const bool stackOperands =
        operands.size() == 2 && (opcode == frontend::Opcode::BINARY_OP || opcode == frontend::Opcode::COMPARE_OP);
    std::vector<llvm::Value*> observed;
    for (llvm::Value* operand : operands) {
        const int fromTop = 2 - static_cast<int>(observed.size());
        llvm::Value* type = nullObject();
        if (operand == nullptr && stackOperands && boxInExit && isUnboxed(fromTop)) {
            type = address(reprOf(fromTop) == Repr::Double ? services_.objects.floatType : services_.objects.longType);
        } else if (operand != nullptr || stackOperands) {
            llvm::Value* object = operand != nullptr ? operand : peek(fromTop);
            type = tagged(builder_.CreateLoad(ptrType(), builder_.CreateConstGEP1_64(builder_.getInt8Ty(), object,
                                                                                     services_.layout.objectType)),
                          Region::ObjectType);
        }
        observed.push_back(type);
    }
    observed.resize(2, nullObject());
    call(HelperId::guard_failed, {frame_, address(guardRecord), reason, observed[0], observed[1]});
    builder_.CreateBr(deoptBlock(index, depth_, boxInExit));  // the operands are still on the stack; on in tier 1
    continueIn(pass);
}

GuardRecord* FunctionTranslator::newGuardRecord(size_t index, GuardKind kind,
                                                const std::array<const void*, 2>& expected) {
    auto record = std::make_unique<GuardRecord>();
    record->opcodeUnit = static_cast<uint32_t>(view_.instructions[index].opcodeUnit);
    record->opname = inlinedOpname_.empty() ? std::string(view_.instructions[index].name) : inlinedOpname_;
    record->kind = kind;
    record->expected = expected;
    // The frame state at the guard, for the deopt path and the tools: the stack's representations and the
    // locals that may be held unboxed here (the failure path writes them back before the hand-over).
    for (int k = 0; k < depth_; k++) record->stackReprs.push_back(static_cast<uint8_t>(reprs_[k]));
    record->unboxedLocals.assign(mayBeStale_.begin(), mayBeStale_.end());
    GuardRecord* guardRecord = record.get();
    guards_.push_back(std::move(record));
    if (input_.countGuardExecutions) {
        llvm::Value* counter = address(&guardRecord->executions);
        llvm::Value* count = tagged(builder_.CreateLoad(sizeType(), counter), Region::GuardCounter);
        tagged(builder_.CreateStore(builder_.CreateAdd(count, i64(1)), counter), Region::GuardCounter);
    }
    return guardRecord;
}

void FunctionTranslator::lowerColdBlock(const ViewBlock& block) {
    // The stack holds objects at a block start; the exit writes back the locals that may be unboxed here.
    // Failing deoptLimit times widens the block's first unit: the next compile compiles the block.
    GuardRecord* record = newGuardRecord(block.first, GuardKind::BlockNotRun, {});
    call(HelperId::guard_failed,
         {frame_, address(record), i32(static_cast<int>(DeoptReason::ColdBlock)), nullObject(), nullObject()});
    builder_.CreateBr(deoptBlock(block.first, depth_));
}

// The float and int families work on unboxed values: an operand that is still the unboxed result of an
// earlier guarded operation of its kind needs no guard, and an arithmetic result stays unboxed.
struct FunctionTranslator::GuardedOperands {
    std::array<llvm::Value*, 2> objects{};  // the boxed operands to guard and release; nullptr: unboxed
    llvm::Value* fits = nullptr;            // all boxed operands have the speculated shape (an i1)
};

std::optional<bool> FunctionTranslator::lowerGuardedFloat(size_t index, const SiteSpeculation& speculation) {
    const ViewInstruction& instruction = view_.instructions[index];
    // A mixed operation's int operand: checked and read as the int family does, converted as CPython's float
    // operations convert it (PyLong_AsDouble and the conversion to double both round to nearest-even).
    // Constant operands (operand k is 2 - k from the top) are folded, as in lowerGuardedInt.
    auto isInt = [&](int k) { return operandRepr(index, k) == Repr::Int; };
    auto known = [&](int k) -> llvm::Value* {
        llvm::Constant* constant = constantAt(2 - k);
        if (isInt(k)) {
            std::optional<int64_t> value = knownSmallInt(constant);
            return value ? i64(*value) : nullptr;
        }
        std::optional<double> value = knownFloat(constant);
        return value ? llvm::ConstantFP::get(builder_.getDoubleTy(), *value) : nullptr;
    };
    GuardedOperands operands = guardedOperands([&](llvm::Value* object, int k) {
        if (known(k) != nullptr) return static_cast<llvm::Value*>(builder_.getTrue());
        return isInt(k) ? smallIntFits(object) : hasExactType(object, services_.objects.floatType);
    });
    guardOperands(index, operands, speculation);
    std::array<llvm::Value*, 2> values = operandValues(operands, [&](llvm::Value* object, int k) {
        if (llvm::Value* value = known(k)) return value;
        return isInt(k) ? smallIntValue(object) : floatValue(object);
    });
    for (int k = 0; k < 2; k++) {
        if (isInt(k)) values[k] = builder_.CreateSIToFP(values[k], builder_.getDoubleTy());
    }
    if (instruction.opcode == frontend::Opcode::BINARY_OP) {
        llvm::Value* value =
            guardedFloatArithmetic(index, instruction.oparg, speculation, operands.objects, values[0], values[1]);
        releaseOperands(operands);
        pushUnboxed(Repr::Double, value);
        return true;
    }
    // COMPARE_OP_FLOAT_JUMP: the jump that follows branches on the C comparison (pushComparison). C's
    // comparisons of doubles are Python's for floats, NaN included (float_richcompare).
    static const llvm::CmpInst::Predicate kPredicates[] = {llvm::CmpInst::FCMP_OLT, llvm::CmpInst::FCMP_OLE,
                                                           llvm::CmpInst::FCMP_OEQ, llvm::CmpInst::FCMP_UNE,
                                                           llvm::CmpInst::FCMP_OGT, llvm::CmpInst::FCMP_OGE};
    llvm::Value* condition = builder_.CreateFCmp(kPredicates[instruction.oparg], values[0], values[1]);
    releaseOperands(operands);
    pushComparison(index, condition);
    return true;
}

// A float BINARY_OP (`oparg`) on doubles, with CPython's results: division by zero and `**` outside C's
// pow() domain fail a guard, and CPython computes the instruction (and raises).
llvm::Value* FunctionTranslator::guardedFloatArithmetic(size_t index, int oparg, const SiteSpeculation& speculation,
                                                        const std::array<llvm::Value*, 2>& objects, llvm::Value* a,
                                                        llvm::Value* b) {
    if (isPower(oparg)) return guardedFloatPower(index, speculation, objects, a, b);
    Arithmetic arithmetic = arithmeticOf(oparg);
    if (arithmetic == Arithmetic::TrueDivide) {
        // CPython raises ZeroDivisionError for a zero divisor (-0.0 too; not NaN): let it.
        guard(index, builder_.CreateFCmpUNE(b, llvm::ConstantFP::get(builder_.getDoubleTy(), 0.0)), speculation,
              {objects[0], objects[1]}, DeoptReason::ZeroDivisor);
    }
    // (Engine::optimize keeps the code generator from turning `x * -1.0` into a negation.)
    return arithmetic == Arithmetic::Add        ? builder_.CreateFAdd(a, b)
           : arithmetic == Arithmetic::Subtract ? builder_.CreateFSub(a, b)
           : arithmetic == Arithmetic::Multiply ? builder_.CreateFMul(a, b)
                                                : builder_.CreateFDiv(a, b);
}

// Float `**` (not a CPython family): CPython's float_pow is C's pow() when the base is positive and finite
// and the exponent finite, unless the result overflows (OverflowError). Anything else — a zero or negative
// base (ZeroDivisionError, complex results), NaN or inf operands, an infinite result — fails the guard and
// CPython computes the instruction. pow() runs first: it has no side effects.
llvm::Value* FunctionTranslator::guardedFloatPower(size_t index, const SiteSpeculation& speculation,
                                                   const std::array<llvm::Value*, 2>& objects, llvm::Value* base,
                                                   llvm::Value* exponent) {
    llvm::Value* result = call(HelperId::float_pow, {base, exponent});
    llvm::Value* infinity = llvm::ConstantFP::getInfinity(builder_.getDoubleTy());
    auto finite = [&](llvm::Value* value) {  // false for NaN too
        return builder_.CreateFCmpOLT(builder_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, value), infinity);
    };
    llvm::Value* positive = builder_.CreateFCmpOGT(base, llvm::ConstantFP::get(builder_.getDoubleTy(), 0.0));
    llvm::Value* holds = builder_.CreateAnd(builder_.CreateAnd(positive, finite(base)),
                                            builder_.CreateAnd(finite(exponent), finite(result)));
    guard(index, holds, speculation, {objects[0], objects[1]}, DeoptReason::PowDomain);
    return result;
}

// An int BINARY_OP on int64 operands with Python's semantics: overflow (+ - * <<), a zero divisor (// %), a
// negative shift count (ValueError) and INT64_MIN // -1 fail a guard, and CPython computes the instruction
// (a big int, or the exception). & | ^ >> cannot overflow; // and % round towards negative infinity.
llvm::Value* FunctionTranslator::guardedIntArithmetic(size_t index, int oparg, const SiteSpeculation& speculation,
                                                      const std::array<llvm::Value*, 2>& objects, llvm::Value* a,
                                                      llvm::Value* b) {
    auto guardThat = [&](llvm::Value* holds, DeoptReason reason) {
        guard(index, holds, speculation, {objects[0], objects[1]}, reason);
    };
    auto withOverflow = [&](llvm::Intrinsic::ID intrinsic) {
        llvm::Value* pair = builder_.CreateBinaryIntrinsic(intrinsic, a, b);
        guardThat(builder_.CreateNot(builder_.CreateExtractValue(pair, 1)), DeoptReason::IntOverflow);
        return builder_.CreateExtractValue(pair, 0);
    };
    auto divisible = [&] {  // b != 0, and not INT64_MIN / -1 (which overflows)
        guardThat(builder_.CreateICmpNE(b, i64(0)), DeoptReason::ZeroDivisor);
        llvm::Value* minOverMinusOne = builder_.CreateAnd(
            builder_.CreateICmpEQ(a, i64(std::numeric_limits<int64_t>::min())), builder_.CreateICmpEQ(b, i64(-1)));
        guardThat(builder_.CreateNot(minOverMinusOne), DeoptReason::IntOverflow);
    };
    // Signs differ (and the C remainder is not zero): C truncates towards zero, Python floors.
    auto signsDiffer = [&](llvm::Value* x, llvm::Value* y) {
        return builder_.CreateICmpSLT(builder_.CreateXor(x, y), i64(0));
    };
    switch (intOpOf(oparg)) {
        case IntOp::Add: return withOverflow(llvm::Intrinsic::sadd_with_overflow);
        case IntOp::Subtract: return withOverflow(llvm::Intrinsic::ssub_with_overflow);
        case IntOp::Multiply: return withOverflow(llvm::Intrinsic::smul_with_overflow);
        case IntOp::And: return builder_.CreateAnd(a, b);
        case IntOp::Or: return builder_.CreateOr(a, b);
        case IntOp::Xor: return builder_.CreateXor(a, b);
        case IntOp::RightShift: {
            guardThat(builder_.CreateICmpSGE(b, i64(0)), DeoptReason::ShiftCount);
            // Shifting by 64 or more gives the sign: as by 63.
            llvm::Value* count = builder_.CreateSelect(builder_.CreateICmpSGT(b, i64(63)), i64(63), b);
            return builder_.CreateAShr(a, count);
        }
        case IntOp::LeftShift: {
            guardThat(builder_.CreateICmpULT(b, i64(64)), DeoptReason::ShiftCount);  // 0 .. 63
            llvm::Value* shifted = builder_.CreateShl(a, b);
            guardThat(builder_.CreateICmpEQ(builder_.CreateAShr(shifted, b), a), DeoptReason::IntOverflow);
            return shifted;
        }
        case IntOp::FloorDivide: {
            divisible();
            llvm::Value* quotient = builder_.CreateSDiv(a, b);
            llvm::Value* inexact = builder_.CreateICmpNE(builder_.CreateSRem(a, b), i64(0));
            llvm::Value* adjust = builder_.CreateAnd(inexact, signsDiffer(a, b));
            return builder_.CreateSub(quotient, builder_.CreateZExt(adjust, sizeType()));
        }
        case IntOp::Remainder: {
            divisible();
            llvm::Value* remainder = builder_.CreateSRem(a, b);
            llvm::Value* adjust =
                builder_.CreateAnd(builder_.CreateICmpNE(remainder, i64(0)), signsDiffer(remainder, b));
            return builder_.CreateSelect(adjust, builder_.CreateAdd(remainder, b), remainder);
        }
        case IntOp::None: break;
    }
    return nullptr;  // unboxedReprFor() lets no other operation here
}

// POP_JUMP_IF_TRUE/FALSE of an unboxed int or float (`if n & 1:`): its truth without a bool or int object.
bool FunctionTranslator::lowerUnboxedTruthJump(size_t index) {
    const frontend::Opcode opcode = view_.instructions[index].opcode;
    const bool jumpIfTrue =
        opcode == frontend::Opcode::POP_JUMP_FORWARD_IF_TRUE || opcode == frontend::Opcode::POP_JUMP_BACKWARD_IF_TRUE;
    const Repr repr = reprOf(1);
    llvm::Value* value = peekUnboxed(1);
    drop(1);
    llvm::Value* isTrue = repr == Repr::Double
                              ? builder_.CreateFCmpUNE(value, llvm::ConstantFP::get(builder_.getDoubleTy(), 0.0))
                              : builder_.CreateICmpNE(value, i64(0));
    branchOn(index, isTrue, jumpIfTrue);
    return true;
}

// POP_JUMP_IF_TRUE/FALSE of an object while unboxed locals may be stale (`if flags[k]:`): True, False, None,
// exact ints and exact floats answer inline and run no code, so the locals stay unboxed; anything else may
// call __bool__ or __len__, and only that path writes the locals back before asking is_true.
bool FunctionTranslator::lowerQuietTruthJump(size_t index) {
    const frontend::Opcode opcode = view_.instructions[index].opcode;
    const bool jumpIfTrue =
        opcode == frontend::Opcode::POP_JUMP_FORWARD_IF_TRUE || opcode == frontend::Opcode::POP_JUMP_BACKWARD_IF_TRUE;
    const WellKnownObjects& objects = services_.objects;
    const FrameLayout& layout = services_.layout;
    llvm::Value* value = pop();
    llvm::BasicBlock* singleton = newBlock("truth.singleton");
    llvm::BasicBlock* notSingleton = newBlock("truth.other");
    llvm::BasicBlock* exactInt = newBlock("truth.int");
    llvm::BasicBlock* notInt = newBlock("truth.notint");
    llvm::BasicBlock* exactFloat = newBlock("truth.float");
    llvm::BasicBlock* slow = newBlock("truth.call");
    llvm::BasicBlock* done = newBlock("truth.done");
    std::vector<std::pair<llvm::Value*, llvm::BasicBlock*>> answers;
    llvm::Value* isTrueObject = builder_.CreateICmpEQ(value, address(objects.trueObject));
    llvm::Value* known =
        builder_.CreateOr(isTrueObject, builder_.CreateOr(builder_.CreateICmpEQ(value, address(objects.falseObject)),
                                                          builder_.CreateICmpEQ(value, address(objects.none))));
    builder_.CreateCondBr(known, singleton, notSingleton);
    continueIn(singleton);  // immortal in practice: never deallocated here
    decref(value, /*mayBeNull=*/false, /*quiet=*/true);
    answers.emplace_back(isTrueObject, builder_.GetInsertBlock());
    builder_.CreateBr(done);
    continueIn(notSingleton);
    builder_.CreateCondBr(hasExactType(value, objects.longType), exactInt, notInt);
    continueIn(exactInt);
    llvm::Value* intTruth = builder_.CreateICmpNE(fieldOf(value, layout.longSize, sizeType()), i64(0));
    decref(value, /*mayBeNull=*/false, /*quiet=*/true);  // an int's deallocation runs no code
    answers.emplace_back(intTruth, builder_.GetInsertBlock());
    builder_.CreateBr(done);
    continueIn(notInt);
    builder_.CreateCondBr(hasExactType(value, objects.floatType), exactFloat, slow);
    continueIn(exactFloat);
    llvm::Value* floatTruth =
        builder_.CreateFCmpUNE(floatValue(value), llvm::ConstantFP::get(builder_.getDoubleTy(), 0.0));
    decref(value, /*mayBeNull=*/false, /*quiet=*/true);
    answers.emplace_back(floatTruth, builder_.GetInsertBlock());
    builder_.CreateBr(done);
    continueIn(slow);
    writeBackLocals();
    llvm::Value* truth = call(HelperId::is_true, {value});
    decref(value);
    raiseIfNegative(truth, index);
    answers.emplace_back(builder_.CreateICmpSGT(truth, i32(0)), builder_.GetInsertBlock());
    builder_.CreateBr(done);
    continueIn(done);
    llvm::PHINode* isTrue = builder_.CreatePHI(builder_.getInt1Ty(), static_cast<unsigned>(answers.size()));
    for (auto [answer, from] : answers) isTrue->addIncoming(answer, from);
    branchOn(index, isTrue, jumpIfTrue);
    return true;
}

std::optional<bool> FunctionTranslator::lowerGuardedInt(size_t index, const SiteSpeculation& speculation) {
    // CPython's BINARY_OP_*_INT take any exact ints and COMPARE_OP_INT_JUMP one-digit ones; here both take
    // exact ints of up to two digits (60 bits) as int64 and deoptimize on anything longer or on overflow.
    const ViewInstruction& instruction = view_.instructions[index];
    // A constant operand (`n < 2`, `n - 1`) is known at compile time: no test, no unboxing.
    // Operand k is 2 - k from the top.
    GuardedOperands operands = guardedOperands([&](llvm::Value* object, int k) {
        return knownSmallInt(constantAt(2 - k)) ? builder_.getTrue() : smallIntFits(object);
    });
    guardOperands(index, operands, speculation);
    std::array<llvm::Value*, 2> values = operandValues(operands, [&](llvm::Value* object, int k) {
        std::optional<int64_t> known = knownSmallInt(constantAt(2 - k));
        return known ? i64(*known) : smallIntValue(object);
    });
    if (instruction.opcode == frontend::Opcode::BINARY_OP) {
        llvm::Value* value =
            guardedIntArithmetic(index, instruction.oparg, speculation, operands.objects, values[0], values[1]);
        releaseOperands(operands);
        pushUnboxed(Repr::Int, value);
        return true;
    }
    static const llvm::CmpInst::Predicate kPredicates[] = {llvm::CmpInst::ICMP_SLT, llvm::CmpInst::ICMP_SLE,
                                                           llvm::CmpInst::ICMP_EQ,  llvm::CmpInst::ICMP_NE,
                                                           llvm::CmpInst::ICMP_SGT, llvm::CmpInst::ICMP_SGE};
    llvm::Value* condition = builder_.CreateICmp(kPredicates[instruction.oparg], values[0], values[1]);
    releaseOperands(operands);
    pushComparison(index, condition);
    return true;
}

FunctionTranslator::GuardedOperands FunctionTranslator::guardedOperands(
    const std::function<llvm::Value*(llvm::Value*, int)>& fits) {
    GuardedOperands operands;
    for (int k = 0; k < 2; k++) {
        if (isUnboxed(2 - k)) continue;
        operands.objects[k] = peek(2 - k);
        llvm::Value* shape = fits(operands.objects[k], k);
        operands.fits = operands.fits != nullptr ? builder_.CreateAnd(operands.fits, shape) : shape;
    }
    return operands;
}

void FunctionTranslator::guardOperands(size_t index, const GuardedOperands& operands,
                                       const SiteSpeculation& speculation) {
    if (operands.fits != nullptr) guard(index, operands.fits, speculation, {operands.objects[0], operands.objects[1]});
}

std::array<llvm::Value*, 2> FunctionTranslator::operandValues(
    const GuardedOperands& operands, const std::function<llvm::Value*(llvm::Value*, int)>& unbox) {
    std::array<llvm::Value*, 2> values;
    for (int k = 0; k < 2; k++) {
        values[k] = operands.objects[k] != nullptr ? unbox(operands.objects[k], k) : peekUnboxed(2 - k);
    }
    return values;
}

void FunctionTranslator::releaseOperands(const GuardedOperands& operands) {
    const std::array<bool, 2> borrowed = {isBorrowed(2), isBorrowed(1)};  // borrowIfOnlyRead
    drop(2);
    for (int k = 0; k < 2; k++) {
        // A guarded float or int: no finalizer can run.
        if (operands.objects[k] != nullptr && !borrowed[k]) decref(operands.objects[k], false, /*quiet=*/true);
    }
}

void FunctionTranslator::borrowIfOnlyRead(size_t index) {
    using frontend::Opcode;
    if (!input_.specialize || isUnboxed(1)) return;
    auto pushesOne = [&](size_t at) {
        const Opcode opcode = view_.instructions[at].opcode;
        return opcode == Opcode::LOAD_FAST || opcode == Opcode::LOAD_CONST;
    };
    auto guardedOperation = [&](size_t at) {
        const Opcode opcode = view_.instructions[at].opcode;
        // A guarded subscript only reads its container and index (a store's value is pushed three
        // instructions before it, out of reach here).
        if (sequenceSubscriptSpeculation(at) != nullptr) return true;
        return (opcode == Opcode::BINARY_OP || opcode == Opcode::COMPARE_OP) && unboxedReprFor(at).has_value();
    };
    for (size_t consumer = index + 1; consumer <= index + 2 && consumer < view_.instructions.size(); consumer++) {
        if (blockStarts_[consumer] != nullptr) return;
        if (guardedOperation(consumer)) {
            borrowed_[depth_ - 1] = true;
            borrowingConsumer_ = consumer;
            return;
        }
        if (!pushesOne(consumer)) return;
    }
}

void FunctionTranslator::materializeBorrowed() {
    for (int k = std::max(depth_ - 2, 0); k < depth_; k++) {
        if (!borrowed_[k]) continue;
        incref(builder_.CreateLoad(ptrType(), slots_[k]));
        borrowed_[k] = false;
    }
}

void FunctionTranslator::increfBorrowed(int depth) {
    for (int k = std::max(depth - 2, 0); k < depth; k++) {
        if (borrowed_[k]) incref(builder_.CreateLoad(ptrType(), slots_[k]));
    }
}

uint64_t FunctionTranslator::borrowedKey(int depth) const {
    uint64_t key = 0;
    for (int k = std::max(depth - 2, 0); k < depth; k++) key = key * 2 + (borrowed_[k] ? 1 : 0);
    return key;
}

// The representation a guarded lowering of this instruction computes in, if it has one.
std::optional<FunctionTranslator::Repr> FunctionTranslator::unboxedReprFor(size_t index) const {
    const SiteSpeculation* speculation = speculationFor(index);
    if (speculation == nullptr) return std::nullopt;
    const ViewInstruction& instruction = view_.instructions[index];
    if (instruction.opcode == frontend::Opcode::BINARY_OP) return binaryOpRepr(instruction.oparg, *speculation);
    if (instruction.opcode != frontend::Opcode::COMPARE_OP || isMixedFloatInt(*speculation) || instruction.oparg < 0 ||
        instruction.oparg >= kRichCompareCount) {
        return std::nullopt;
    }
    const void* type = sharedOperandType(*speculation);
    if (type == services_.objects.floatType) return Repr::Double;
    return type == services_.objects.longType ? std::optional<Repr>(Repr::Int) : std::nullopt;
}

std::optional<FunctionTranslator::Repr> FunctionTranslator::binaryOpRepr(int oparg,
                                                                         const SiteSpeculation& speculation) const {
    // float + - * / int and int + - * / float: computed on doubles.
    if (isMixedFloatInt(speculation)) {
        return arithmeticOf(oparg) != Arithmetic::None ? std::optional<Repr>(Repr::Double) : std::nullopt;
    }
    const void* type = sharedOperandType(speculation);
    if (type == services_.objects.floatType) {
        return isPower(oparg) || arithmeticOf(oparg) != Arithmetic::None ? std::optional<Repr>(Repr::Double)
                                                                         : std::nullopt;
    }
    if (type == services_.objects.longType && intOpOf(oparg) != IntOp::None) return Repr::Int;
    return std::nullopt;
}

FunctionTranslator::Repr FunctionTranslator::binaryOperandRepr(const SiteSpeculation& speculation, Repr result,
                                                               int operand) const {
    if (isMixedFloatInt(speculation) && speculation.operandTypes[operand] == services_.objects.longType)
        return Repr::Int;
    return result;
}

bool FunctionTranslator::takesUnboxedOperands(size_t index) const {
    if (std::optional<bool> inlined = inlinedCallTakesUnboxed(index)) return *inlined;
    if (const SiteSpeculation* subscript = sequenceSubscriptSpeculation(index)) {
        // The index may be unboxed, as an int64; and a value stored into a list, as a double
        // (lowerGuardedSubscript boxes it, or reuses the float it replaces).
        const bool listStore = view_.instructions[index].opcode == frontend::Opcode::STORE_SUBSCR &&
                               subscript->operandTypes[0] == services_.objects.listType;
        const bool load = view_.instructions[index].opcode == frontend::Opcode::BINARY_SUBSCR;
        for (int fromTop = 2; fromTop <= depth_; fromTop++) {
            if (!isUnboxed(fromTop)) continue;
            // Below a load's operands anything may be unboxed: only its guards leave, and they box the stack.
            if (load && fromTop > 2) continue;
            if (!(listStore && fromTop == 3 && reprOf(3) == Repr::Double)) return false;
        }
        return reprOf(1) != Repr::Double;
    }
    // SWAP only permutes the stack: unboxed entries move as they are (swapSlots).
    if (view_.instructions[index].opcode == frontend::Opcode::SWAP) return true;
    if (isPopJumpOnTruth(view_.instructions[index].opcode)) {
        // Only the condition may be unboxed: the jump's target block expects objects below it.
        for (int fromTop = 2; fromTop <= depth_; fromTop++) {
            if (isUnboxed(fromTop)) return false;
        }
        return true;
    }
    switch (view_.instructions[index].opcode) {
        case frontend::Opcode::NOP:
        case frontend::Opcode::LOAD_GLOBAL:  // (loadGlobal boxes the stack on its exit paths)
        case frontend::Opcode::LOAD_CONST:
        case frontend::Opcode::LOAD_FAST: return true;  // (lowerLocalAccess boxes the stack on its exit paths)
        case frontend::Opcode::STORE_FAST:
            return !isUnboxed(1) || unboxedLocal(view_.instructions[index].oparg, reprOf(1)) != nullptr;
        case frontend::Opcode::STORE_DEREF:  // the value, into the object the cell holds (lowerStoreDeref)
            for (int fromTop = 2; fromTop <= depth_; fromTop++) {
                if (isUnboxed(fromTop)) return false;
            }
            return true;
        default: break;
    }
    if (!unboxedReprFor(index)) return false;
    for (int fromTop = 1; fromTop <= 2; fromTop++) {
        if (reprOf(fromTop) != Repr::Object && reprOf(fromTop) != operandRepr(index, 2 - fromTop)) return false;
    }
    return true;
}

bool FunctionTranslator::isMixedFloatInt(const SiteSpeculation& speculation) const {
    const void* floatType = services_.objects.floatType;
    const void* longType = services_.objects.longType;
    auto [lhs, rhs] = speculation.operandTypes;
    return (lhs == floatType && rhs == longType) || (lhs == longType && rhs == floatType);
}

FunctionTranslator::Repr FunctionTranslator::operandRepr(size_t index, int operand) const {
    std::optional<Repr> repr = unboxedReprFor(index);
    return repr ? binaryOperandRepr(*speculationFor(index), *repr, operand) : Repr::Object;
}

const SiteSpeculation* FunctionTranslator::sequenceSubscriptSpeculation(size_t index) const {
    const frontend::Opcode opcode = view_.instructions[index].opcode;
    if (opcode != frontend::Opcode::BINARY_SUBSCR && opcode != frontend::Opcode::STORE_SUBSCR) return nullptr;
    const SiteSpeculation* speculation = speculationFor(index);
    if (speculation == nullptr || speculation->operandTypes[1] != services_.objects.longType) return nullptr;
    const void* container = speculation->operandTypes[0];
    const bool tuplesToo = opcode == frontend::Opcode::BINARY_SUBSCR;
    return container == services_.objects.listType || container == services_.objects.bytearrayType ||
                   (tuplesToo && container == services_.objects.tupleType)
               ? speculation
               : nullptr;
}

// BINARY_SUBSCR_LIST_INT, BINARY_SUBSCR_TUPLE_INT and STORE_SUBSCR_LIST_INT, guarded: an exact list (tuple)
// and an exact int index in 0 .. len - 1 of one digit, as CPython tests them; and the same for an exact
// bytearray (not a CPython family), whose items are the cached small ints 0..255 and whose stores take an
// exact int in that range. Unlike the generic lowering, no path calls a helper, so no other code runs here
// (only a replaced item's deallocation, which writes the locals back itself) and unboxed locals stay
// unboxed across the instruction.
bool FunctionTranslator::lowerGuardedSubscript(size_t index, const SiteSpeculation& speculation) {
    const FrameLayout& layout = services_.layout;
    const bool store = view_.instructions[index].opcode == frontend::Opcode::STORE_SUBSCR;
    const bool unboxedKey = isUnboxed(1);  // an unboxed int local or result (takesUnboxedOperands)
    // A constant index of this code (`b[0]`, `row[-1]`) is known now: no type test, no unboxing.
    const std::optional<int64_t> knownKey = unboxedKey ? std::nullopt : knownSmallInt(constantAt(1));
    // Read-only operands a local or the code's constants keep alive (borrowIfOnlyRead) are not released.
    const bool containerBorrowed = isBorrowed(2);
    const bool keyBorrowed = isBorrowed(1);
    llvm::Value* key = unboxedKey ? nullptr : peek(1);
    llvm::Value* container = peek(2);
    const void* containerType = speculation.operandTypes[0];
    const bool tuple = containerType == services_.objects.tupleType;
    // A container from a local an earlier guard of this block tested (`b[0] - c[0]`, `b[1] - c[1]`) is not
    // tested again.
    const int containerLocal = localAt(2);
    const bool containerKnown = containerLocal >= 0 && knownTypeOfLocal(containerLocal) == containerType;
    if (!containerKnown || (!unboxedKey && !knownKey)) {
        llvm::Value* types = containerKnown ? builder_.getTrue() : hasExactType(container, containerType);
        if (!unboxedKey && !knownKey) types = builder_.CreateAnd(types, hasExactType(key, services_.objects.longType));
        guard(index, types, speculation, {container, key});
    }
    if (containerLocal >= 0) knownLocalTypes_[containerLocal] = containerType;
    // A negative index counts from the end, as list_subscript and tuple_subscript do (`b[-1]`; CPython's
    // specialized instructions deoptimize on it); then 0 <= position < len. An int object must have ob_size
    // -1, 0 or 1 (at most one digit) first.
    llvm::Value* length = fieldOf(container, layout.varSize, sizeType());
    auto positionOf = [&](llvm::Value* value) {
        if (knownKey) return *knownKey >= 0 ? i64(*knownKey) : builder_.CreateAdd(i64(*knownKey), length);
        return builder_.CreateSelect(builder_.CreateICmpSLT(value, i64(0)), builder_.CreateAdd(value, length), value);
    };
    auto inBounds = [&](llvm::Value* position) { return builder_.CreateICmpULT(position, length); };
    auto keyValue = [&] { return unboxedKey ? peekUnboxed(1) : knownKey ? i64(*knownKey) : compactIntValue(key); };
    llvm::Value* inRange =
        unboxedKey || knownKey
            ? inBounds(positionOf(keyValue()))
            : whenTrue(
                  builder_.CreateICmpULE(builder_.CreateAdd(fieldOf(key, layout.longSize, sizeType()), i64(1)), i64(2)),
                  [&] { return inBounds(positionOf(compactIntValue(key))); });
    guard(index, inRange, speculation, {container, key}, DeoptReason::IndexRange);
    llvm::Value* position = positionOf(keyValue());
    if (containerType == services_.objects.bytearrayType) {
        lowerGuardedByteSubscript(index, position);
    } else {
        llvm::Value* byteOffset = builder_.CreateMul(position, i64(sizeof(void*)));
        llvm::Value* slot = tuple ? builder_.CreateGEP(builder_.getInt8Ty(), container,
                                                       builder_.CreateAdd(byteOffset, i64(layout.tupleItems)))
                                  : builder_.CreateGEP(builder_.getInt8Ty(),
                                                       fieldOf(container, layout.listItems, ptrType()), byteOffset);
        if (store && isUnboxed(3)) {
            storeUnboxedFloat(index, slot);
        } else if (store) {
            // The list takes over the stack's reference to the value; the old item goes, as in list_ass_item.
            llvm::Value* value = peek(3);
            llvm::Value* old = builder_.CreateLoad(ptrType(), slot);
            builder_.CreateStore(value, slot);
            drop(3);
            releaseReplacedItem(old);
        } else {
            llvm::Value* item = builder_.CreateLoad(ptrType(), slot);
            drop(2);
            push(item);
            // The container a local keeps keeps the item: a guarded operation right after may read it unowned.
            if (containerBorrowed) borrowIfOnlyRead(index);
            if (!isBorrowed(1)) incref(item);
        }
    }
    if (!containerBorrowed) decref(container);
    // an exact int: its deallocation runs no code
    if (!unboxedKey && !keyBorrowed) decref(key, /*mayBeNull=*/false, /*quiet=*/true);
    return true;
}

// The bytearray part of lowerGuardedSubscript, after the container and index guards: it pops the value
// (store) or pushes the item, and leaves the container and the index on the stack's popped part.
void FunctionTranslator::lowerGuardedByteSubscript(size_t index, llvm::Value* position) {
    const FrameLayout& layout = services_.layout;
    const bool store = view_.instructions[index].opcode == frontend::Opcode::STORE_SUBSCR;
    llvm::Value* container = peek(2);
    llvm::Value* byte =
        builder_.CreateGEP(builder_.getInt8Ty(), fieldOf(container, layout.bytearrayStart, ptrType()), position);
    if (store) {
        // CPython raises ValueError for a value outside 0..255 and TypeError for a non-int: let it.
        llvm::Value* value = peek(3);
        llvm::Value* isByte = whenTrue(hasExactType(value, services_.objects.longType), [&] {
            llvm::Value* size = fieldOf(value, layout.longSize, sizeType());
            return whenTrue(builder_.CreateICmpULE(size, i64(1)),
                            [&] { return builder_.CreateICmpULT(compactIntValue(value), i64(256)); });
        });
        guard(index, isByte, *speculationFor(index), {container, value}, DeoptReason::IndexRange);
        builder_.CreateStore(builder_.CreateTrunc(compactIntValue(value), builder_.getInt8Ty()), byte);
        drop(3);
        decref(value, /*mayBeNull=*/false, /*quiet=*/true);  // an exact int
    } else {
        llvm::Value* value = builder_.CreateZExt(builder_.CreateLoad(builder_.getInt8Ty(), byte), sizeType());
        llvm::Value* item = builder_.CreateGEP(builder_.getInt8Ty(), address(layout.smallIntZero),
                                               builder_.CreateMul(value, i64(layout.smallIntStride)));
        incref(item);
        drop(2);
        push(item);
    }
}

// STORE_SUBSCR of an unboxed double into the list item at `slot` (after the guards), popping the three
// operands. When the item it replaces is an exact float that only the list refers to, the new value goes
// into that float: `b[3] -= dx * m` would otherwise allocate a float and free the old one on every store.
// Nothing can tell the difference: no other reference to the old float exists, floats have no weak
// references and are not tracked by the garbage collector; only id() of the stored value may equal the
// old one's, which CPython's float free list also produces. Otherwise the double is boxed and stored as
// usual; when boxing fails, MemoryError is raised at the instruction.
void FunctionTranslator::storeUnboxedFloat(size_t index, llvm::Value* slot) {
    llvm::Value* value = peekUnboxed(3);
    llvm::Value* old = builder_.CreateLoad(ptrType(), slot);
    llvm::BasicBlock* reuse = newBlock("store.reuse");
    llvm::BasicBlock* fresh = newBlock("store.fresh");
    llvm::BasicBlock* done = newBlock("store.done");
    llvm::Value* reusable = whenTrue(hasExactType(old, services_.objects.floatType), [&] {
        llvm::Value* count = builder_.CreateConstGEP1_64(builder_.getInt8Ty(), old, services_.layout.objectRefcnt);
        return builder_.CreateICmpEQ(tagged(builder_.CreateLoad(sizeType(), count), Region::Refcount), i64(1));
    });
    builder_.CreateCondBr(reusable, reuse, fresh);
    continueIn(reuse);
    builder_.CreateStore(value, builder_.CreateConstGEP1_64(builder_.getInt8Ty(), old, services_.layout.floatValue));
    builder_.CreateBr(done);
    continueIn(fresh);
    llvm::Value* boxed = call(HelperId::float_from_double, {value});
    raiseIfBoxingFailed(index, boxed, 3);
    builder_.CreateStore(boxed, slot);
    releaseReplacedItem(old);
    builder_.CreateBr(done);
    continueIn(done);
    drop(3);
}

// STORE_DEREF, as ceval's: the cell takes the value, then the old value goes. An unboxed int or float (the
// result of a guarded operation, `count += step` on a nonlocal) is written into the object the cell holds
// when nothing else refers to it, as storeUnboxedFloat does for list items: a counter in a closure would
// otherwise allocate an int and free the old one on every store. Small ints are never written into (CPython
// returns its cached objects for them, which `is` can tell).
bool FunctionTranslator::lowerStoreDeref(size_t index) {
    llvm::Value* slot = builder_.CreateConstGEP1_64(builder_.getInt8Ty(), loadLocal(view_.instructions[index].oparg),
                                                    services_.layout.cellRef);
    llvm::Value* old = builder_.CreateLoad(ptrType(), slot);
    if (!isUnboxed(1)) {
        builder_.CreateStore(pop(), slot);
        decref(old, /*mayBeNull=*/true);
        return true;
    }
    const Repr repr = reprOf(1);
    llvm::Value* value = peekUnboxed(1);
    llvm::BasicBlock* reuse = newBlock("deref.reuse");
    llvm::BasicBlock* fresh = newBlock("deref.fresh");
    llvm::BasicBlock* done = newBlock("deref.done");
    builder_.CreateCondBr(whenTrue(builder_.CreateIsNotNull(old), [&] { return reusableFor(old, repr, value); }), reuse,
                          fresh);
    continueIn(reuse);
    writeInto(old, repr, value);
    builder_.CreateBr(done);
    continueIn(fresh);
    llvm::Value* boxed = repr == Repr::Double ? call(HelperId::float_from_double, {value}) : boxInt(value);
    raiseIfBoxingFailed(index, boxed, 1);
    builder_.CreateStore(boxed, slot);
    decref(old, /*mayBeNull=*/true);
    builder_.CreateBr(done);
    continueIn(done);
    drop(1);
    return true;
}

llvm::Value* FunctionTranslator::reusableFor(llvm::Value* old, Repr repr, llvm::Value* value) {
    const FrameLayout& layout = services_.layout;
    const void* type = repr == Repr::Double ? services_.objects.floatType : services_.objects.longType;
    return whenTrue(hasExactType(old, type), [&] {
        llvm::Value* count = builder_.CreateConstGEP1_64(builder_.getInt8Ty(), old, layout.objectRefcnt);
        llvm::Value* alone =
            builder_.CreateICmpEQ(tagged(builder_.CreateLoad(sizeType(), count), Region::Refcount), i64(1));
        if (repr == Repr::Double) return alone;
        // One digit each way: |value| below 2**30 and not a small int, into an int of one digit.
        llvm::Value* notSmall = builder_.CreateICmpUGT(builder_.CreateSub(value, i64(layout.smallIntMin)),
                                                       i64(layout.smallIntMax - layout.smallIntMin));
        llvm::Value* magnitude =
            builder_.CreateIntrinsic(llvm::Intrinsic::abs, {sizeType()}, {value, builder_.getFalse()});
        llvm::Value* oneDigit = builder_.CreateICmpULT(magnitude, i64(int64_t{1} << 30));
        llvm::Value* size = fieldOf(old, layout.longSize, sizeType());
        llvm::Value* oldOneDigit = builder_.CreateICmpULE(builder_.CreateAdd(size, i64(1)), i64(2));
        llvm::Value* nonZero = builder_.CreateICmpNE(size, i64(0));
        return builder_.CreateAnd({alone, notSmall, oneDigit, oldOneDigit, nonZero});
    });
}

void FunctionTranslator::writeInto(llvm::Value* old, Repr repr, llvm::Value* value) {
    const FrameLayout& layout = services_.layout;
    if (repr == Repr::Double) {
        builder_.CreateStore(value, builder_.CreateConstGEP1_64(builder_.getInt8Ty(), old, layout.floatValue));
        return;
    }
    llvm::Value* negative = builder_.CreateICmpSLT(value, i64(0));
    llvm::Value* magnitude = builder_.CreateIntrinsic(llvm::Intrinsic::abs, {sizeType()}, {value, builder_.getFalse()});
    builder_.CreateStore(builder_.CreateSelect(negative, i64(-1), i64(1)),
                         builder_.CreateConstGEP1_64(builder_.getInt8Ty(), old, layout.longSize));
    builder_.CreateStore(builder_.CreateTrunc(magnitude, intType()),
                         builder_.CreateConstGEP1_64(builder_.getInt8Ty(), old, layout.longDigit));
}

// Boxing the unboxed value `fromTop` for a store failed (NULL): MemoryError at the instruction. The unboxed
// slot gets None, so that unwinding releases objects only (as boxStack).
void FunctionTranslator::raiseIfBoxingFailed(size_t index, llvm::Value* boxed, int fromTop) {
    llvm::BasicBlock* failed = newBlock("box.failed");
    llvm::BasicBlock* boxedIn = newBlock("boxed");
    builder_.CreateCondBr(builder_.CreateIsNull(boxed), failed, boxedIn,
                          llvm::MDBuilder(context_).createLikelyBranchWeights());
    continueIn(failed);
    llvm::Value* none = address(services_.objects.none);
    incref(none);
    builder_.CreateStore(none, slots_[depth_ - fromTop]);
    builder_.CreateBr(raiseBlock(index, depth_));
    continueIn(boxedIn);
}

// The item a guarded store replaced. Its deallocation may run a finalizer that looks at this frame, so the
// unboxed locals are written back first, unless it is an exact float or int, whose deallocation runs no
// code: `b[3] -= dx * m` frees the old float on every store, and writing every local back there would box
// them all each time.
void FunctionTranslator::releaseReplacedItem(llvm::Value* old) {
    decrefQuietWhen(old, [&] {
        return builder_.CreateOr(hasExactType(old, services_.objects.floatType),
                                 hasExactType(old, services_.objects.longType));
    });
}

void FunctionTranslator::decrefQuietWhen(llvm::Value* object, const std::function<llvm::Value*()>& freesQuietly) {
    if (services_.layout.refDebug || mayBeStale_.empty()) {
        decref(object);
        return;
    }
    llvm::Value* count = decrementRefcount(object);
    llvm::BasicBlock* dealloc = newBlock("release.dealloc");
    llvm::BasicBlock* observed = newBlock("release.observed");
    llvm::BasicBlock* quiet = newBlock("release.quiet");
    llvm::BasicBlock* done = newBlock("release.done");
    builder_.CreateCondBr(builder_.CreateICmpEQ(count, i64(0)), dealloc, done);
    continueIn(dealloc);
    builder_.CreateCondBr(freesQuietly(), quiet, observed);
    continueIn(observed);
    writeBackLocals();
    builder_.CreateBr(quiet);
    continueIn(quiet);
    call(HelperId::dealloc, {object});
    builder_.CreateBr(done);
    continueIn(done);
}

std::optional<bool> FunctionTranslator::lowerSpecialized(size_t index) {
    if (std::optional<bool> open = lowerLocalAccess(index)) return *open;
    if (const SiteSpeculation* subscript = sequenceSubscriptSpeculation(index))
        return lowerGuardedSubscript(index, *subscript);
    if (isPopJumpOnTruth(view_.instructions[index].opcode) && depth_ > 0) {
        if (isUnboxed(1)) return lowerUnboxedTruthJump(index);
        const bool fused = fusedCondition_ && fusedCondition_->first == index;  // a generic compare's
        if (!fused && !mayBeStale_.empty()) return lowerQuietTruthJump(index);
    }
    std::optional<Repr> repr = unboxedReprFor(index);
    if (!repr) return std::nullopt;  // (lower() has boxed operands of another representation)
    const SiteSpeculation& speculation = *speculationFor(index);
    return *repr == Repr::Double ? lowerGuardedFloat(index, speculation) : lowerGuardedInt(index, speculation);
}

}  // namespace pyjit::jit
