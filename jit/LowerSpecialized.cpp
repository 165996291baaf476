// The specialized tier's guarded lowerings (docs/deopt.md has the table, family by family). Where the
// profile (CodeInput::speculations) says which exact types a site sees, the instruction is lowered for
// those types only, behind a guard; a failing guard deoptimizes: the failure is recorded, the frame is
// written exactly (every value is still a boxed object on the stack) and CPython's interpreter executes
// the instruction and the rest of the activation. Sites widened after too many failures, and everything
// without a speculation, are lowered as the generic tier lowers them.
#include "FunctionTranslator.h"

#include <llvm/IR/MDBuilder.h>

namespace pyjit::jit {

namespace {

// BINARY_OP opargs (Lib/opcode.py _nb_ops) with a guarded lowering: the ones CPython 3.11 specializes
// for ints and floats, and float true division.
enum class Arithmetic { Add, Subtract, Multiply, TrueDivide, None };

// COMPARE_OP's oparg is a rich comparison, Py_LT..Py_GE.
constexpr int kRichCompareCount = 6;

Arithmetic arithmeticOf(int oparg) {
    constexpr int kAdd = 0, kMultiply = 5, kSubtract = 10, kTrueDivide = 11, kInPlaceAdd = 13,
                  kInPlaceMultiply = 18, kInPlaceSubtract = 23, kInPlaceTrueDivide = 24;
    switch (oparg) {
    case kTrueDivide:
    case kInPlaceTrueDivide: return Arithmetic::TrueDivide;
    case kAdd:
    case kInPlaceAdd: return Arithmetic::Add;
    case kSubtract:
    case kInPlaceSubtract: return Arithmetic::Subtract;
    case kMultiply:
    case kInPlaceMultiply: return Arithmetic::Multiply;
    default: return Arithmetic::None;
    }
}

// The speculation's operand type when both operands share it (the only shapes lowered so far).
const void* sharedOperandType(const SiteSpeculation& speculation) {
    return speculation.operandTypes[0] == speculation.operandTypes[1] ? speculation.operandTypes[0] : nullptr;
}

}  // namespace

const SiteSpeculation* FunctionTranslator::speculationFor(size_t index) const {
    if (!input_.specialize) return nullptr;
    auto unit = static_cast<uint32_t>(view_.instructions[index].opcodeUnit);
    if (input_.widenedUnits.contains(unit)) return nullptr;
    auto found = input_.speculations.find(unit);
    return found != input_.speculations.end() ? &found->second : nullptr;
}

void FunctionTranslator::pushDouble(llvm::Value* value) {
    if (doubleSlots_[depth_] == nullptr) {
        llvm::IRBuilder<> entry(&function_->getEntryBlock(), function_->getEntryBlock().begin());
        doubleSlots_[depth_] = entry.CreateAlloca(builder_.getDoubleTy(), nullptr, "unboxed");
    }
    builder_.CreateStore(value, doubleSlots_[depth_]);
    reprs_[depth_++] = Repr::Double;
}

llvm::Value* FunctionTranslator::peekDouble(int fromTop) {
    return builder_.CreateLoad(builder_.getDoubleTy(), doubleSlots_[depth_ - fromTop]);
}

bool FunctionTranslator::hasUnboxed() const {
    return std::any_of(reprs_.begin(), reprs_.begin() + depth_, [](Repr repr) { return repr == Repr::Double; });
}

void FunctionTranslator::boxStack(size_t index, bool forExit) {
    for (int k = 0; k < depth_; k++) {
        if (reprs_[k] != Repr::Double) continue;
        llvm::Value* object = call(HelperId::float_from_double, {builder_.CreateLoad(builder_.getDoubleTy(), doubleSlots_[k])});
        llvm::BasicBlock* boxed = newBlock("boxed");
        llvm::BasicBlock* failed = newBlock("box.failed");
        builder_.CreateCondBr(builder_.CreateIsNull(object), failed, boxed,
                              llvm::MDBuilder(context_).createLikelyBranchWeights());
        // Out of memory: the slots not boxed yet get None, so that unwinding releases objects only.
        continueIn(failed);
        for (int j = k; j < depth_; j++) {
            if (reprs_[j] != Repr::Double) continue;
            llvm::Value* none = address(services_.objects.none);
            incref(none);
            builder_.CreateStore(none, slots_[j]);
        }
        builder_.CreateBr(raiseBlock(index, depth_));
        continueIn(boxed);
        builder_.CreateStore(object, slots_[k]);
    }
    if (!forExit) std::replace(reprs_.begin(), reprs_.begin() + depth_, Repr::Double, Repr::Object);
}

void FunctionTranslator::guard(size_t index, llvm::Value* holds, const SiteSpeculation& speculation,
                               std::initializer_list<llvm::Value*> operands, DeoptReason failure) {
    auto record = std::make_unique<GuardRecord>();
    record->opcodeUnit = static_cast<uint32_t>(view_.instructions[index].opcodeUnit);
    record->opname = std::string(view_.instructions[index].name);
    record->expected = speculation.operandTypes;
    GuardRecord* guardRecord = record.get();
    guards_.push_back(std::move(record));

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
    if (hasUnboxed()) boxStack(index, /*forExit=*/true);  // the frame CPython gets holds objects only
    std::vector<llvm::Value*> guarded;
    for (llvm::Value* operand : operands) guarded.push_back(operand != nullptr ? operand : nullObject());
    guarded.resize(2, nullObject());
    call(HelperId::guard_failed, {frame_, address(guardRecord), reason, guarded[0], guarded[1]});
    builder_.CreateBr(handOffBlock(index, depth_));  // the operands are still on the stack
    continueIn(pass);
}

// The float families work on unboxed doubles: an operand that is still an unboxed result of an earlier
// guarded float operation needs no guard, and the result of an arithmetic operation stays unboxed.
std::optional<bool> FunctionTranslator::lowerGuardedFloat(size_t index, const SiteSpeculation& speculation) {
    const ViewInstruction& instruction = view_.instructions[index];
    const void* floatType = services_.objects.floatType;
    // Each operand: its double, and the object to release (nullptr when unboxed).
    llvm::Value* objects[2] = {nullptr, nullptr};
    llvm::Value* holds = builder_.getTrue();
    for (int k = 0; k < 2; k++) {
        if (isUnboxed(2 - k)) continue;
        objects[k] = peek(2 - k);
        holds = builder_.CreateAnd(holds, hasExactType(objects[k], floatType));
    }
    auto operandValues = [&] {
        std::array<llvm::Value*, 2> values;
        for (int k = 0; k < 2; k++) values[k] = objects[k] != nullptr ? floatValue(objects[k]) : peekDouble(2 - k);
        return values;
    };
    auto releaseOperands = [&] {
        drop(2);
        for (llvm::Value* object : objects) {
            if (object != nullptr) decref(object);
        }
    };
    if (instruction.opcode == frontend::Opcode::BINARY_OP) {
        Arithmetic arithmetic = arithmeticOf(instruction.oparg);
        if (objects[0] != nullptr || objects[1] != nullptr) {
            guard(index, holds, speculation, {objects[0], objects[1]});
        }
        auto [a, b] = operandValues();
        if (arithmetic == Arithmetic::TrueDivide) {
            // CPython raises ZeroDivisionError for a zero divisor (-0.0 too; not NaN): let it.
            guard(index, builder_.CreateFCmpUNE(b, llvm::ConstantFP::get(builder_.getDoubleTy(), 0.0)), speculation,
                  {objects[0], objects[1]}, DeoptReason::ZeroDivisor);
        }
        llvm::Value* value = arithmetic == Arithmetic::Add        ? builder_.CreateFAdd(a, b)
                             : arithmetic == Arithmetic::Subtract ? builder_.CreateFSub(a, b)
                             : arithmetic == Arithmetic::Multiply ? builder_.CreateFMul(a, b)
                                                                  : builder_.CreateFDiv(a, b);
        releaseOperands();
        pushDouble(value);
        return true;
    }
    // COMPARE_OP_FLOAT_JUMP's guard (the jump itself stays the next instruction). C's comparisons of
    // doubles are Python's for floats, NaN included (float_richcompare).
    static const llvm::CmpInst::Predicate kPredicates[] = {llvm::CmpInst::FCMP_OLT, llvm::CmpInst::FCMP_OLE,
                                                           llvm::CmpInst::FCMP_OEQ, llvm::CmpInst::FCMP_UNE,
                                                           llvm::CmpInst::FCMP_OGT, llvm::CmpInst::FCMP_OGE};
    if (objects[0] != nullptr || objects[1] != nullptr) guard(index, holds, speculation, {objects[0], objects[1]});
    auto [a, b] = operandValues();
    llvm::Value* condition = builder_.CreateFCmp(kPredicates[instruction.oparg], a, b);
    releaseOperands();
    push(boolObject(condition));
    return true;
}

bool FunctionTranslator::takesUnboxedOperands(size_t index) const {
    const SiteSpeculation* speculation = speculationFor(index);
    if (speculation == nullptr || sharedOperandType(*speculation) != services_.objects.floatType) return false;
    const ViewInstruction& instruction = view_.instructions[index];
    switch (instruction.opcode) {
    case frontend::Opcode::BINARY_OP: return arithmeticOf(instruction.oparg) != Arithmetic::None;
    case frontend::Opcode::COMPARE_OP: return instruction.oparg >= 0 && instruction.oparg < kRichCompareCount;
    default: return false;
    }
}

std::optional<bool> FunctionTranslator::lowerSpecialized(size_t index) {
    const SiteSpeculation* speculation = speculationFor(index);
    if (speculation == nullptr) return std::nullopt;
    if (takesUnboxedOperands(index)) return lowerGuardedFloat(index, *speculation);
    const ViewInstruction& instruction = view_.instructions[index];
    const void* intType = services_.objects.longType;
    if (sharedOperandType(*speculation) != intType) return std::nullopt;
    llvm::Value* rhs = peek(1);
    llvm::Value* lhs = peek(2);

    if (instruction.opcode == frontend::Opcode::BINARY_OP) {
        // BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_INT: exact ints; one-digit operands inline (sums, differences
        // and products fit in 64 bits), longer ones through CPython's own long arithmetic.
        Arithmetic arithmetic = arithmeticOf(instruction.oparg);
        if (arithmetic == Arithmetic::None || arithmetic == Arithmetic::TrueDivide) return std::nullopt;
        guard(index, builder_.CreateAnd(hasExactType(lhs, intType), hasExactType(rhs, intType)), *speculation,
              {lhs, rhs});
        llvm::BasicBlock* compact = newBlock("int.compact");
        llvm::BasicBlock* wide = newBlock("int.wide");
        llvm::BasicBlock* done = newBlock("int.done");
        builder_.CreateCondBr(bothCompactInts(lhs, rhs), compact, wide);
        continueIn(compact);
        llvm::Value* a = compactIntValue(lhs);
        llvm::Value* b = compactIntValue(rhs);
        llvm::Value* inlineResult = boxInt(arithmetic == Arithmetic::Add        ? builder_.CreateAdd(a, b)
                                           : arithmetic == Arithmetic::Subtract ? builder_.CreateSub(a, b)
                                                                                : builder_.CreateMul(a, b));
        llvm::BasicBlock* compactEnd = builder_.GetInsertBlock();
        builder_.CreateBr(done);
        continueIn(wide);
        llvm::Value* helperResult = call(HelperId::binary_op, {lhs, rhs, i32(instruction.oparg)});
        builder_.CreateBr(done);
        continueIn(done);
        llvm::PHINode* result = builder_.CreatePHI(ptrType(), 2);
        result->addIncoming(inlineResult, compactEnd);
        result->addIncoming(helperResult, wide);
        return finishBinary(index, lhs, rhs, result);
    }

    if (instruction.opcode == frontend::Opcode::COMPARE_OP) {
        // COMPARE_OP_INT_JUMP's guard: CPython specializes one-digit ints only; so does this guard.
        static const llvm::CmpInst::Predicate kPredicates[] = {llvm::CmpInst::ICMP_SLT, llvm::CmpInst::ICMP_SLE,
                                                               llvm::CmpInst::ICMP_EQ,  llvm::CmpInst::ICMP_NE,
                                                               llvm::CmpInst::ICMP_SGT, llvm::CmpInst::ICMP_SGE};
        const int oparg = instruction.oparg;
        if (oparg < 0 || oparg >= kRichCompareCount) return std::nullopt;
        guard(index, bothCompactInts(lhs, rhs), *speculation, {lhs, rhs});
        llvm::Value* condition = builder_.CreateICmp(kPredicates[oparg], compactIntValue(lhs), compactIntValue(rhs));
        return finishBinary(index, lhs, rhs, boolObject(condition));
    }
    return std::nullopt;
}

}  // namespace pyjit::jit
