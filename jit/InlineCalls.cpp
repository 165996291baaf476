// Inlined calls (specialized tier; docs/deopt.md, "Inlined calls"). A CALL of a global function whose code is
// a straight line of int and float operations on its parameters (runtime/Inlining.cpp chose it) computes the
// callee's result in the caller's code: no frame, no boxed arguments or result. The callee's operations are
// lowered with the callee's own speculations; every guard on the way — the callable's code, the recursion
// limit, the arguments' types, the callee's overflow and divisor guards — deoptimizes at the call's PRECALL
// with the caller's stack as it was, so the interpreter makes the call itself: nothing of the callee was
// observable before its RETURN_VALUE.
#include "BinaryOpargs.h"
#include "FunctionTranslator.h"

#include <algorithm>

namespace pyjit::jit {

using frontend::Opcode;

void FunctionTranslator::planInlinedCalls() {
    if (!input_.specialize) return;
    for (size_t index = 1; index < view_.instructions.size(); index++) {
        const ViewInstruction& call = view_.instructions[index];
        if (call.opcode != Opcode::CALL || view_.instructions[index - 1].opcode != Opcode::PRECALL) continue;
        if (input_.widenedUnits.contains(static_cast<uint32_t>(view_.instructions[index - 1].opcodeUnit))) continue;
        auto found = input_.inlineCallees.find(static_cast<uint32_t>(call.opcodeUnit));
        if (found == input_.inlineCallees.end() || blockStarts_[index - 1] != nullptr || blockStarts_[index] != nullptr)
            continue;
        auto plan = std::make_optional<InlinePlan>();
        plan->callee = found->second.code.get();
        std::string error;
        std::optional<BytecodeView> view = buildBytecodeView(*plan->callee, error);
        if (!view) continue;
        plan->view = std::move(*view);
        plan->parameters.assign(call.oparg, Repr::Object);
        plan->opname = fmt::format("CALL (inlined {})", plan->callee->qualname);
        if (!walkInlinedCallee(*plan, plan->parameters, index - 1, nullptr)) continue;
        // Once more with every parameter's representation fixed, as emitting will walk it: the same answer.
        std::vector<Repr> fixed = plan->parameters;
        if (!walkInlinedCallee(*plan, fixed, index - 1, nullptr) || fixed != plan->parameters) continue;
        // An argument no operation takes would have no type to guard: not inlined.
        if (std::find(fixed.begin(), fixed.end(), Repr::Object) != fixed.end()) continue;
        inlinePlans_.emplace(index, std::move(*plan));
    }
}

const FunctionTranslator::InlinePlan* FunctionTranslator::inlinePlanAt(size_t callIndex) const {
    auto found = inlinePlans_.find(callIndex);
    return found != inlinePlans_.end() ? &found->second : nullptr;
}

// A value `position` entries below the top of the stack at `consumer` (0: the top): how the consumer takes it.
FunctionTranslator::Repr FunctionTranslator::wantedRepr(size_t consumer, int position) const {
    if (const InlinePlan* plan = inlinePlanAt(consumer)) {
        const int argc = static_cast<int>(plan->parameters.size());
        return position < argc ? plan->parameters[argc - 1 - position] : Repr::Object;
    }
    if (position == 0 && sequenceSubscriptSpeculation(consumer) != nullptr) return Repr::Int;  // the index
    return position <= 1 ? operandRepr(consumer, 1 - position) : Repr::Object;
}

// PRECALL and CALL of an inlined call keep the arguments unboxed when they already are, in the parameter's
// representation. Values below the call may be unboxed too: only guards leave it, and they box the stack.
std::optional<bool> FunctionTranslator::inlinedCallTakesUnboxed(size_t index) const {
    const Opcode opcode = view_.instructions[index].opcode;
    const InlinePlan* plan = opcode == Opcode::CALL      ? inlinePlanAt(index)
                             : opcode == Opcode::PRECALL ? inlinePlanAt(index + 1)
                                                         : nullptr;
    if (plan == nullptr) return std::nullopt;
    const int argc = static_cast<int>(plan->parameters.size());
    for (int fromTop = 1; fromTop <= std::min(argc, depth_); fromTop++) {
        if (isUnboxed(fromTop) && reprOf(fromTop) != plan->parameters[argc - fromTop]) return false;
    }
    return true;
}

// Plans (no `arguments`: gives each of `parameters` the representation its first use needs, fails on
// anything not inlinable) or emits the callee's instructions on the unboxed `arguments`, with guards that
// deoptimize at `guardIndex` (the PRECALL). Returns the result.
std::optional<FunctionTranslator::InlinedValue> FunctionTranslator::walkInlinedCallee(
    const InlinePlan& plan, std::vector<Repr>& parameters, size_t guardIndex,
    const std::vector<llvm::Value*>* arguments) {
    const CodeInput& callee = *plan.callee;
    const bool emit = arguments != nullptr;
    std::vector<std::optional<InlinedValue>> locals(callee.nlocalsplus);
    for (size_t k = 0; k < parameters.size(); k++) {
        locals[k] = InlinedValue{parameters[k], static_cast<int>(k), emit ? (*arguments)[k] : nullptr};
    }
    std::vector<InlinedValue> stack;
    // Takes `value` as an operand in `repr`: planning fixes an open parameter's representation (a
    // parameter taken both ways fails).
    auto take = [&](InlinedValue& value, Repr repr) {
        if (value.repr == Repr::Object && value.parameter >= 0 && !emit) {
            if (parameters[value.parameter] != Repr::Object && parameters[value.parameter] != repr) return false;
            parameters[value.parameter] = repr;
            for (auto& local : locals) {
                if (local && local->parameter == value.parameter) local->repr = repr;
            }
            for (auto& entry : stack) {
                if (entry.parameter == value.parameter) entry.repr = repr;
            }
            value.repr = repr;
        }
        return value.repr == repr;
    };
    for (const ViewInstruction& instruction : plan.view.instructions) {
        const int oparg = instruction.oparg;
        switch (instruction.opcode) {
            case Opcode::RESUME:
            case Opcode::NOP: break;
            case Opcode::LOAD_FAST:
                if (!locals[oparg]) return std::nullopt;  // unbound: CPython raises
                stack.push_back(*locals[oparg]);
                break;
            case Opcode::STORE_FAST:
                locals[oparg] = stack.back();
                stack.pop_back();
                break;
            case Opcode::LOAD_CONST: {
                if (const auto& integer = callee.smallIntConsts[oparg]) {
                    stack.push_back({Repr::Int, -1, emit ? i64(*integer) : nullptr});
                } else if (const auto& real = callee.floatConsts[oparg]) {
                    stack.push_back(
                        {Repr::Double, -1, emit ? llvm::ConstantFP::get(builder_.getDoubleTy(), *real) : nullptr});
                } else {
                    return std::nullopt;
                }
                break;
            }
            case Opcode::BINARY_OP: {
                const auto unit = static_cast<uint32_t>(instruction.opcodeUnit);
                auto speculation = callee.speculations.find(unit);
                if (speculation == callee.speculations.end() || callee.widenedUnits.contains(unit)) return std::nullopt;
                std::optional<Repr> result = binaryOpRepr(oparg, speculation->second);
                if (!result) return std::nullopt;
                InlinedValue rhs = stack.back();
                stack.pop_back();
                InlinedValue lhs = stack.back();
                stack.pop_back();
                if (!take(lhs, binaryOperandRepr(speculation->second, *result, 0)) ||
                    !take(rhs, binaryOperandRepr(speculation->second, *result, 1))) {
                    return std::nullopt;
                }
                InlinedValue value{*result, -1, nullptr};
                if (emit) {
                    auto toDouble = [&](const InlinedValue& operand) {
                        return operand.repr == Repr::Int ? builder_.CreateSIToFP(operand.value, builder_.getDoubleTy())
                                                         : operand.value;
                    };
                    value.value = *result == Repr::Int ? guardedIntArithmetic(guardIndex, oparg, speculation->second,
                                                                              {}, lhs.value, rhs.value)
                                                       : guardedFloatArithmetic(guardIndex, oparg, speculation->second,
                                                                                {}, toDouble(lhs), toDouble(rhs));
                }
                stack.push_back(value);
                break;
            }
            case Opcode::RETURN_VALUE: {
                InlinedValue value = stack.back();
                if (value.repr == Repr::Object) return std::nullopt;  // a parameter no operation took
                return value;
            }
            default: return std::nullopt;
        }
    }
    return std::nullopt;
}

bool FunctionTranslator::lowerInlinedCall(size_t index, const InlinePlan& plan) {
    const FrameLayout& layout = services_.layout;
    const size_t precall = index - 1;
    const int argc = static_cast<int>(plan.parameters.size());
    materializeBorrowed();
    inlinedOpname_ = plan.opname;
    const SiteSpeculation noTypes;
    // The call is this code's: a function with the callee's code object (kept alive by the runtime, so no
    // other code can be at its address), no `self` below it, and room for one more frame.
    llvm::Value* callable = peek(argc + 1);
    llvm::Value* sameCode = whenTrue(hasExactType(callable, services_.objects.functionType), [&] {
        return builder_.CreateICmpEQ(fieldOf(callable, layout.functionCode, ptrType()),
                                     address(plan.callee->codeObject));
    });
    llvm::Value* remaining = builder_.CreateLoad(
        intType(), builder_.CreateConstGEP1_64(builder_.getInt8Ty(), tstate_, layout.tstateRecursionRemaining));
    llvm::Value* holds = builder_.CreateAnd(builder_.CreateAnd(builder_.CreateIsNull(peek(argc + 2)), sameCode),
                                            builder_.CreateICmpSGT(remaining, i32(0)));
    guard(precall, holds, noTypes, {}, DeoptReason::Callee);
    // The arguments, in the parameters' representations: unboxed ones are; objects are tested, then read.
    llvm::Value* fits = builder_.getTrue();
    for (int k = 0; k < argc; k++) {
        const int fromTop = argc - k;
        if (isUnboxed(fromTop)) continue;
        const bool isInt = plan.parameters[k] == Repr::Int;
        if (isInt && knownSmallInt(constantAt(fromTop))) continue;
        llvm::Value* object = peek(fromTop);
        fits =
            builder_.CreateAnd(fits, isInt ? smallIntFits(object) : hasExactType(object, services_.objects.floatType));
    }
    guard(precall, fits, noTypes, {}, DeoptReason::OperandType);
    std::vector<llvm::Value*> arguments;
    for (int k = 0; k < argc; k++) {
        const int fromTop = argc - k;
        const bool isInt = plan.parameters[k] == Repr::Int;
        if (isUnboxed(fromTop)) {
            arguments.push_back(peekUnboxed(fromTop));
        } else if (std::optional<int64_t> known = isInt ? knownSmallInt(constantAt(fromTop)) : std::nullopt) {
            arguments.push_back(i64(*known));
        } else {
            arguments.push_back(isInt ? smallIntValue(peek(fromTop)) : floatValue(peek(fromTop)));
        }
    }
    std::vector<Repr> parameters = plan.parameters;
    std::optional<InlinedValue> result = walkInlinedCallee(plan, parameters, precall, &arguments);
    inlinedOpname_.clear();
    // The call's stack entries go: the arguments (exact ints and floats: their deallocation runs no code),
    // the callable and the NULL below it.
    for (int k = 0; k < argc; k++) {
        if (isUnboxed(1)) {
            drop(1);
        } else {
            decref(pop(), /*mayBeNull=*/false, /*quiet=*/true);
        }
    }
    llvm::Value* function = pop();
    drop(1);
    decref(function);
    pushUnboxed(result->repr, result->value);
    return true;
}

}  // namespace pyjit::jit
