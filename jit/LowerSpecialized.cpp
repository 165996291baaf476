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

// BINARY_OP opargs (Lib/opcode.py _nb_ops) that CPython 3.11 specializes for ints and floats.
enum class Arithmetic { Add, Subtract, Multiply, None };

Arithmetic arithmeticOf(int oparg) {
    constexpr int kAdd = 0, kMultiply = 5, kSubtract = 10, kInPlaceAdd = 13, kInPlaceMultiply = 18,
                  kInPlaceSubtract = 23;
    switch (oparg) {
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

void FunctionTranslator::guard(size_t index, llvm::Value* holds, const SiteSpeculation& speculation,
                               std::initializer_list<llvm::Value*> operands) {
    auto record = std::make_unique<GuardRecord>();
    record->opcodeUnit = static_cast<uint32_t>(view_.instructions[index].opcodeUnit);
    record->opname = std::string(view_.instructions[index].name);
    record->expected = speculation.operandTypes;
    GuardRecord* guardRecord = record.get();
    guards_.push_back(std::move(record));
    if (input_.countGuardExecutions) {
        llvm::Value* counter = address(&guardRecord->executions);
        builder_.CreateStore(builder_.CreateAdd(builder_.CreateLoad(sizeType(), counter), i64(1)), counter);
    }

    llvm::Value* passes = holds;
    llvm::Value* reason = i32(static_cast<int>(DeoptReason::OperandType));
    if (input_.deoptStress) {
        llvm::Value* stressed = builder_.CreateICmpNE(call(HelperId::deopt_stress_roll, {}), i32(0));
        passes = builder_.CreateAnd(holds, builder_.CreateNot(stressed));
        reason = builder_.CreateSelect(holds, i32(static_cast<int>(DeoptReason::Stress)), reason);
    }
    llvm::BasicBlock* pass = newBlock("guard.ok");
    llvm::BasicBlock* fail = newBlock("guard.failed");
    builder_.CreateCondBr(passes, pass, fail, llvm::MDBuilder(context_).createLikelyBranchWeights());
    continueIn(fail);
    std::vector<llvm::Value*> guarded(operands);
    guarded.resize(2, nullObject());
    call(HelperId::guard_failed, {frame_, address(guardRecord), reason, guarded[0], guarded[1]});
    builder_.CreateBr(handOffBlock(index, depth_));  // the operands are still on the stack
    continueIn(pass);
}

std::optional<bool> FunctionTranslator::lowerSpecialized(size_t index) {
    const SiteSpeculation* speculation = speculationFor(index);
    if (speculation == nullptr) return std::nullopt;
    const ViewInstruction& instruction = view_.instructions[index];
    const void* type = sharedOperandType(*speculation);
    const bool ints = type == services_.objects.longType;
    const bool floats = type == services_.objects.floatType;
    if (!ints && !floats) return std::nullopt;
    llvm::Value* rhs = peek(1);
    llvm::Value* lhs = peek(2);

    if (instruction.opcode == frontend::Opcode::BINARY_OP) {
        // BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_{INT,FLOAT}.
        Arithmetic arithmetic = arithmeticOf(instruction.oparg);
        if (arithmetic == Arithmetic::None) return std::nullopt;
        guard(index, builder_.CreateAnd(hasExactType(lhs, type), hasExactType(rhs, type)), *speculation, {lhs, rhs});
        if (floats) {
            llvm::Value* a = floatValue(lhs);
            llvm::Value* b = floatValue(rhs);
            llvm::Value* value = arithmetic == Arithmetic::Add        ? builder_.CreateFAdd(a, b)
                                 : arithmetic == Arithmetic::Subtract ? builder_.CreateFSub(a, b)
                                                                      : builder_.CreateFMul(a, b);
            return finishBinary(index, lhs, rhs, call(HelperId::float_from_double, {value}));
        }
        // Exact ints: one-digit operands inline (sums, differences and products fit in 64 bits), longer
        // ones through CPython's own long arithmetic, as BINARY_OP_ADD_INT does.
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
        // COMPARE_OP_{INT,FLOAT}_JUMP's guards (the jump itself stays the next instruction). CPython
        // specializes int compares for one-digit ints only; so does this guard.
        static const llvm::CmpInst::Predicate kIntPredicates[] = {
            llvm::CmpInst::ICMP_SLT, llvm::CmpInst::ICMP_SLE, llvm::CmpInst::ICMP_EQ,
            llvm::CmpInst::ICMP_NE,  llvm::CmpInst::ICMP_SGT, llvm::CmpInst::ICMP_SGE};
        static const llvm::CmpInst::Predicate kFloatPredicates[] = {
            llvm::CmpInst::FCMP_OLT, llvm::CmpInst::FCMP_OLE, llvm::CmpInst::FCMP_OEQ,
            llvm::CmpInst::FCMP_UNE, llvm::CmpInst::FCMP_OGT, llvm::CmpInst::FCMP_OGE};
        const int oparg = instruction.oparg;
        if (oparg < 0 || oparg >= static_cast<int>(std::size(kIntPredicates))) return std::nullopt;
        llvm::Value* holds = ints ? bothCompactInts(lhs, rhs)
                                  : builder_.CreateAnd(hasExactType(lhs, type), hasExactType(rhs, type));
        guard(index, holds, *speculation, {lhs, rhs});
        llvm::Value* condition =
            ints ? builder_.CreateICmp(kIntPredicates[oparg], compactIntValue(lhs), compactIntValue(rhs))
                 : builder_.CreateFCmp(kFloatPredicates[oparg], floatValue(lhs), floatValue(rhs));
        return finishBinary(index, lhs, rhs, boolObject(condition));
    }
    return std::nullopt;
}

}  // namespace pyjit::jit
