// Exact inline fast paths of the generic tier: BINARY_OP and COMPARE_OP on two exact compact ints
// (CPython 3.11's BINARY_OP_ADD_INT & co test the same) or two exact floats, and the truth test of the
// conditional jumps on True, False and None. Each path tests its operands' exact types inline and falls
// back to the instruction's generic helper on the same path, so nothing is speculated: the result is the
// object CPython's own code would return (small ints come from CPython's cache, as PyLong_FromLongLong's).
#include "BinaryOpargs.h"
#include "FunctionTranslator.h"

#include <set>

namespace pyjit::jit {

llvm::Value* FunctionTranslator::fieldOf(llvm::Value* object, int offset, llvm::Type* type) {
    return builder_.CreateLoad(type, builder_.CreateConstGEP1_64(builder_.getInt8Ty(), object, offset));
}

llvm::Value* FunctionTranslator::hasExactType(llvm::Value* object, const void* type) {
    llvm::Value* field = builder_.CreateConstGEP1_64(builder_.getInt8Ty(), object, services_.layout.objectType);
    return builder_.CreateICmpEQ(tagged(builder_.CreateLoad(ptrType(), field), Region::ObjectType), address(type));
}

llvm::Value* FunctionTranslator::bothCompactInts(llvm::Value* lhs, llvm::Value* rhs) {
    // An exact int of at most one digit: ob_size is -1, 0 or 1, so ob_size + 1 (unsigned) is at most 2.
    auto compact = [&](llvm::Value* object) {
        llvm::Value* size = fieldOf(object, services_.layout.longSize, sizeType());
        return builder_.CreateICmpULE(builder_.CreateAdd(size, i64(1)), i64(2));
    };
    llvm::Value* exact = builder_.CreateAnd(hasExactType(lhs, services_.objects.longType),
                                            hasExactType(rhs, services_.objects.longType));
    return whenTrue(exact, [&] { return builder_.CreateAnd(compact(lhs), compact(rhs)); });
}

llvm::Value* FunctionTranslator::compactIntValue(llvm::Value* object) {
    llvm::Value* size = fieldOf(object, services_.layout.longSize, sizeType());
    llvm::Value* digit = builder_.CreateZExt(fieldOf(object, services_.layout.longDigit, intType()), sizeType());
    return builder_.CreateMul(size, digit);
}

llvm::Value* FunctionTranslator::floatValue(llvm::Value* object) {
    return fieldOf(object, services_.layout.floatValue, builder_.getDoubleTy());
}

llvm::Value* FunctionTranslator::boxInt(llvm::Value* value) {
    // Small ints are CPython's cached objects; the rest are new objects, or NULL with MemoryError.
    const FrameLayout& layout = services_.layout;
    llvm::BasicBlock* cached = newBlock("int.cached");
    llvm::BasicBlock* allocated = newBlock("int.new");
    llvm::BasicBlock* done = newBlock("int.boxed");
    llvm::Value* offset = builder_.CreateSub(value, i64(layout.smallIntMin));
    builder_.CreateCondBr(builder_.CreateICmpULE(offset, i64(layout.smallIntMax - layout.smallIntMin)), cached,
                          allocated);
    continueIn(cached);
    llvm::Value* small = builder_.CreateGEP(builder_.getInt8Ty(), address(layout.smallIntZero),
                                            builder_.CreateMul(value, i64(layout.smallIntStride)));
    incref(small);
    llvm::BasicBlock* cachedEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    continueIn(allocated);
    llvm::Value* fresh = call(HelperId::long_from_int64, {value});
    builder_.CreateBr(done);
    continueIn(done);
    llvm::PHINode* result = builder_.CreatePHI(ptrType(), 2);
    result->addIncoming(small, cachedEnd);
    result->addIncoming(fresh, allocated);
    return result;
}

llvm::Value* FunctionTranslator::boolObject(llvm::Value* condition) {
    llvm::Value* result =
        builder_.CreateSelect(condition, address(services_.objects.trueObject), address(services_.objects.falseObject));
    incref(result);
    return result;
}

// Runs `intPath` when both operands are compact ints, `floatPath` when both are exact floats and
// `floatsAllowed` (if given) says yes, `slowPath` otherwise (int and float paths only if given); returns
// the paths' common result (an object, owned or NULL with an exception set, or an i1).
llvm::Value* FunctionTranslator::numericFastPaths(llvm::Value* lhs, llvm::Value* rhs, const NumericPath& intPath,
                                                  const NumericPath& floatPath, const NumericPath& slowPath,
                                                  const NumericPath& floatsAllowed) {
    llvm::BasicBlock* intBlock = newBlock("fast.int");
    llvm::BasicBlock* notInt = newBlock("fast.notint");
    llvm::BasicBlock* slow = newBlock("slow");
    llvm::BasicBlock* done = newBlock("fast.done");
    std::vector<std::pair<llvm::Value*, llvm::BasicBlock*>> results;
    auto finish = [&](llvm::Value* value) {  // the path's value, from the block the path ended in
        results.emplace_back(value, builder_.GetInsertBlock());
        builder_.CreateBr(done);
    };
    if (intPath) {
        builder_.CreateCondBr(bothCompactInts(lhs, rhs), intBlock, notInt);
        continueIn(intBlock);
        finish(intPath(lhs, rhs));
    } else {
        builder_.CreateBr(notInt);
        intBlock->eraseFromParent();
    }
    continueIn(notInt);
    if (floatPath) {
        llvm::BasicBlock* floatBlock = newBlock("fast.float");
        llvm::Value* floats = builder_.CreateAnd(hasExactType(lhs, services_.objects.floatType),
                                                 hasExactType(rhs, services_.objects.floatType));
        builder_.CreateCondBr(floats, floatBlock, slow);
        continueIn(floatBlock);
        if (floatsAllowed) {
            llvm::BasicBlock* allowed = newBlock("fast.float.allowed");
            builder_.CreateCondBr(floatsAllowed(lhs, rhs), allowed, slow);
            continueIn(allowed);
        }
        finish(floatPath(lhs, rhs));
    } else {
        builder_.CreateBr(slow);
    }
    continueIn(slow);
    finish(slowPath(lhs, rhs));
    continueIn(done);
    llvm::PHINode* result = builder_.CreatePHI(results.front().first->getType(), results.size());
    for (auto& [value, block] : results) result->addIncoming(value, block);
    return result;
}

bool FunctionTranslator::lowerBinaryOp(size_t index) {
    const int oparg = view_.instructions[index].oparg;
    Arithmetic arithmetic = arithmeticOf(oparg);
    if (arithmetic == Arithmetic::None) return lowerBinaryHelper(index, HelperId::binary_op, oparg);
    llvm::BasicBlock* merged = lowerAppendToNextLocal(index, oparg);
    auto intPath = [&](llvm::Value* lhs, llvm::Value* rhs) {
        // One-digit operands: sums, differences and products fit in 64 bits. (Int true division is not
        // inline: CPython 3.11 has no specialization for it either.)
        llvm::Value* a = compactIntValue(lhs);
        llvm::Value* b = compactIntValue(rhs);
        switch (arithmetic) {
            case Arithmetic::Add: return boxInt(builder_.CreateAdd(a, b));
            case Arithmetic::Subtract: return boxInt(builder_.CreateSub(a, b));
            default: return boxInt(builder_.CreateMul(a, b));
        }
    };
    auto floatPath = [&](llvm::Value* lhs, llvm::Value* rhs) {
        llvm::Value* a = floatValue(lhs);
        llvm::Value* b = floatValue(rhs);
        switch (arithmetic) {
            case Arithmetic::Add: return call(HelperId::float_from_double, {builder_.CreateFAdd(a, b)});
            case Arithmetic::Subtract: return call(HelperId::float_from_double, {builder_.CreateFSub(a, b)});
            case Arithmetic::TrueDivide: return call(HelperId::float_from_double, {builder_.CreateFDiv(a, b)});
            default: return call(HelperId::float_from_double, {builder_.CreateFMul(a, b)});
        }
    };
    // float_div raises ZeroDivisionError for a zero divisor (either sign): the helper does.
    auto divisorNotZero = [&](llvm::Value*, llvm::Value* rhs) {
        return builder_.CreateFCmpUNE(floatValue(rhs), llvm::ConstantFP::get(builder_.getDoubleTy(), 0.0));
    };
    bool divide = arithmetic == Arithmetic::TrueDivide;
    llvm::Value* rhs = peek(1);
    llvm::Value* lhs = peek(2);
    bool open = finishBinary(
        index, lhs, rhs,
        numericFastPaths(lhs, rhs, divide ? NumericPath() : NumericPath(intPath), floatPath,
                         helperPath(HelperId::binary_op, oparg), divide ? NumericPath(divisorNotZero) : NumericPath()));
    if (merged != nullptr) {
        builder_.CreateBr(merged);
        continueIn(merged);
    }
    return open;
}

// `s = s + t` / `s += t` followed by STORE_FAST s: the string case appends into the local (in place when
// the local holds the only reference), as CPython 3.11's BINARY_OP_INPLACE_ADD_UNICODE does; without it a
// loop building a string copies it every time. Emits the string case and leaves the builder in the block
// where the ordinary lowering goes on; returns the block both meet in (nullptr: not this shape).
llvm::BasicBlock* FunctionTranslator::lowerAppendToNextLocal(size_t index, int oparg) {
    constexpr int kAdd = 0, kInPlaceAdd = 13;  // NB_ADD, NB_INPLACE_ADD
    if ((oparg != kAdd && oparg != kInPlaceAdd) || index + 1 >= view_.instructions.size() ||
        view_.instructions[index + 1].opcode != frontend::Opcode::STORE_FAST || blockStarts_[index + 1] != nullptr) {
        return nullptr;
    }
    int local = view_.instructions[index + 1].oparg;
    llvm::BasicBlock* generic = newBlock("add.generic");
    llvm::BasicBlock* string = newBlock("append.str");
    llvm::BasicBlock* consumed = newBlock("append.consumed");
    llvm::BasicBlock* appended = newBlock("append.done");
    llvm::BasicBlock* merged = newBlock("add.merged");
    // Only an exact str on the left can append; numbers (`n += 1`, `z = z * z + c`) must not pay a call.
    builder_.CreateCondBr(hasExactType(peek(2), services_.objects.unicodeType), string, generic);
    continueIn(string);
    llvm::Value* status = call(HelperId::unicode_append_to_local, {frameSlot(local), peek(2), peek(1)});
    builder_.CreateCondBr(builder_.CreateICmpEQ(status, i32(1)), generic, consumed);
    continueIn(consumed);
    drop(2);
    builder_.CreateCondBr(builder_.CreateICmpSLT(status, i32(0)), raiseBlock(index, depth_), appended);
    continueIn(appended);
    // The STORE_FAST that follows stores the same string back and releases this extra reference.
    llvm::Value* value = loadLocal(local);
    incref(value);
    push(value);
    builder_.CreateBr(merged);
    depth_ += 1;  // the ordinary lowering starts again from the two inputs
    continueIn(generic);
    return merged;
}

bool FunctionTranslator::lowerCompareOp(size_t index) {
    // COMPARE_OP's oparg is a rich comparison (Py_LT..Py_GE); C's comparisons of doubles are Python's
    // for floats, NaN included (float_richcompare).
    static const llvm::CmpInst::Predicate kIntPredicates[] = {llvm::CmpInst::ICMP_SLT, llvm::CmpInst::ICMP_SLE,
                                                              llvm::CmpInst::ICMP_EQ,  llvm::CmpInst::ICMP_NE,
                                                              llvm::CmpInst::ICMP_SGT, llvm::CmpInst::ICMP_SGE};
    static const llvm::CmpInst::Predicate kFloatPredicates[] = {llvm::CmpInst::FCMP_OLT, llvm::CmpInst::FCMP_OLE,
                                                                llvm::CmpInst::FCMP_OEQ, llvm::CmpInst::FCMP_UNE,
                                                                llvm::CmpInst::FCMP_OGT, llvm::CmpInst::FCMP_OGE};
    const int oparg = view_.instructions[index].oparg;
    if (oparg < 0 || oparg >= static_cast<int>(std::size(kIntPredicates))) {
        return lowerBinaryHelper(index, HelperId::compare_op, oparg);
    }
    auto intCompare = [&](llvm::Value* lhs, llvm::Value* rhs) {
        return builder_.CreateICmp(kIntPredicates[oparg], compactIntValue(lhs), compactIntValue(rhs));
    };
    auto floatCompare = [&](llvm::Value* lhs, llvm::Value* rhs) {
        return builder_.CreateFCmp(kFloatPredicates[oparg], floatValue(lhs), floatValue(rhs));
    };
    llvm::Value* rhs = peek(1);
    llvm::Value* lhs = peek(2);
    if (std::optional<bool> fused = fuseCompareWithJump(index, intCompare, floatCompare)) return *fused;
    auto intPath = [&](llvm::Value* a, llvm::Value* b) { return boolObject(intCompare(a, b)); };
    auto floatPath = [&](llvm::Value* a, llvm::Value* b) { return boolObject(floatCompare(a, b)); };
    return finishBinary(index, lhs, rhs,
                        numericFastPaths(lhs, rhs, intPath, floatPath, helperPath(HelperId::compare_op, oparg)));
}

FunctionTranslator::NumericPath FunctionTranslator::helperPath(HelperId id, int oparg) {
    return [this, id, oparg](llvm::Value* lhs, llvm::Value* rhs) { return call(id, {lhs, rhs, i32(oparg)}); };
}

// COMPARE_OP followed by POP_JUMP_IF_TRUE/FALSE in the same block, as CPython 3.11's
// COMPARE_OP_INT_JUMP / COMPARE_OP_FLOAT_JUMP: two compact ints or two exact floats branch on the C
// comparison, with no bool object. Anything else runs both instructions as they are: the helper's
// result (the inputs released first, as COMPARE_OP does), then its truth (as POP_JUMP_IF_* does, at the
// jump's position). The jump's own lowering takes the condition (fusedCondition_) and pops a placeholder.
std::optional<bool> FunctionTranslator::fuseCompareWithJump(size_t index, const NumericPath& intCompare,
                                                            const NumericPath& floatCompare) {
    if (!jumpOnResultFollows(index)) return std::nullopt;
    const ViewInstruction& jump = view_.instructions[index + 1];
    const int oparg = view_.instructions[index].oparg;
    llvm::Value* rhs = peek(1);
    llvm::Value* lhs = peek(2);
    drop(2);
    auto released = [&](llvm::Value* condition) {
        decref(lhs);
        decref(rhs);
        return condition;
    };
    auto slowPath = [&](llvm::Value* a, llvm::Value* b) {
        llvm::Value* result = call(HelperId::compare_op, {a, b, i32(oparg)});
        released(nullptr);
        raiseIfNull(result, index);
        setPrevInstr(jump.opcodeUnit);
        return truthOf(result, index + 1, /*release=*/true);
    };
    llvm::Value* condition = numericFastPaths(
        lhs, rhs, [&](llvm::Value* a, llvm::Value* b) { return released(intCompare(a, b)); },
        [&](llvm::Value* a, llvm::Value* b) { return released(floatCompare(a, b)); }, slowPath);
    push(nullObject());  // COMPARE_OP's result, which the jump pops without looking at it
    fusedCondition_ = {index + 1, condition};
    return true;
}

bool FunctionTranslator::jumpOnResultFollows(size_t index) const {
    using frontend::Opcode;
    if (index + 1 >= view_.instructions.size() || blockStarts_[index + 1] != nullptr) return false;
    static const std::set<Opcode> kJumps = {Opcode::POP_JUMP_FORWARD_IF_TRUE, Opcode::POP_JUMP_BACKWARD_IF_TRUE,
                                            Opcode::POP_JUMP_FORWARD_IF_FALSE, Opcode::POP_JUMP_BACKWARD_IF_FALSE};
    return kJumps.count(view_.instructions[index + 1].opcode) != 0;
}

// A comparison computed as an i1 (a guarded int or float COMPARE_OP): the jump that follows branches on it
// and pops a placeholder, as for fuseCompareWithJump; otherwise the bool object is the result.
void FunctionTranslator::pushComparison(size_t index, llvm::Value* condition) {
    if (!jumpOnResultFollows(index)) return push(boolObject(condition));
    push(nullObject());
    fusedCondition_ = {index + 1, condition};
}

llvm::Value* FunctionTranslator::takeFusedCondition(size_t index) {
    if (!fusedCondition_ || fusedCondition_->first != index) return nullptr;
    llvm::Value* condition = fusedCondition_->second;
    fusedCondition_.reset();
    return condition;
}

// The address of item `key` of `container` when it is an exact list (or, with `tuplesToo`, an exact
// tuple) and `key` an exact int in 0 .. len - 1 of at most one digit, as CPython 3.11's
// BINARY_SUBSCR_LIST_INT, BINARY_SUBSCR_TUPLE_INT and STORE_SUBSCR_LIST_INT test; branches to `slow`
// otherwise. Negative indexes, big ints and subclasses take the generic path, which raises or wraps.
llvm::Value* FunctionTranslator::sequenceItemSlot(llvm::Value* container, llvm::Value* key, bool tuplesToo,
                                                  llvm::BasicBlock* slow) {
    const FrameLayout& layout = services_.layout;
    llvm::BasicBlock* intKey = newBlock("subscr.intkey");
    llvm::BasicBlock* smallKey = newBlock("subscr.smallkey");
    llvm::BasicBlock* list = newBlock("subscr.list");
    llvm::BasicBlock* listItem = newBlock("subscr.listitem");
    llvm::BasicBlock* done = newBlock("subscr.slot");
    builder_.CreateCondBr(hasExactType(key, services_.objects.longType), intKey, slow);
    continueIn(intKey);
    // ob_size 0 or 1: zero or one positive digit.
    builder_.CreateCondBr(builder_.CreateICmpULE(fieldOf(key, layout.longSize, sizeType()), i64(1)), smallKey, slow);
    continueIn(smallKey);
    llvm::Value* position = compactIntValue(key);
    auto inRange = [&](llvm::BasicBlock* next) {
        builder_.CreateCondBr(builder_.CreateICmpULT(position, fieldOf(container, layout.varSize, sizeType())), next,
                              slow);
        continueIn(next);
    };
    llvm::Value* byteOffset = builder_.CreateMul(position, i64(sizeof(void*)));
    llvm::BasicBlock* notList = tuplesToo ? newBlock("subscr.notlist") : slow;
    builder_.CreateCondBr(hasExactType(container, services_.objects.listType), list, notList);
    continueIn(list);
    inRange(listItem);
    llvm::Value* listSlot =
        builder_.CreateGEP(builder_.getInt8Ty(), fieldOf(container, layout.listItems, ptrType()), byteOffset);
    builder_.CreateBr(done);
    llvm::Value* tupleSlot = nullptr;
    llvm::BasicBlock* tupleItem = nullptr;
    if (tuplesToo) {
        llvm::BasicBlock* tuple = newBlock("subscr.tuple");
        tupleItem = newBlock("subscr.tupleitem");
        continueIn(notList);
        builder_.CreateCondBr(hasExactType(container, services_.objects.tupleType), tuple, slow);
        continueIn(tuple);
        inRange(tupleItem);
        tupleSlot =
            builder_.CreateGEP(builder_.getInt8Ty(), container, builder_.CreateAdd(byteOffset, i64(layout.tupleItems)));
        builder_.CreateBr(done);
    }
    continueIn(done);
    llvm::PHINode* slot = builder_.CreatePHI(ptrType(), tuplesToo ? 2 : 1);
    slot->addIncoming(listSlot, listItem);
    if (tuplesToo) slot->addIncoming(tupleSlot, tupleItem);
    return slot;
}

bool FunctionTranslator::lowerBinarySubscr(size_t index) {
    llvm::Value* key = peek(1);
    llvm::Value* container = peek(2);
    llvm::BasicBlock* slow = newBlock("subscr.slow");
    llvm::BasicBlock* done = newBlock("subscr.done");
    llvm::Value* item = builder_.CreateLoad(ptrType(), sequenceItemSlot(container, key, /*tuplesToo=*/true, slow));
    incref(item);
    llvm::BasicBlock* fastEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    continueIn(slow);
    llvm::Value* generic = call(HelperId::binary_subscr, {container, key});
    builder_.CreateBr(done);
    continueIn(done);
    llvm::PHINode* result = builder_.CreatePHI(ptrType(), 2);
    result->addIncoming(item, fastEnd);
    result->addIncoming(generic, slow);
    return finishBinary(index, container, key, result);
}

bool FunctionTranslator::lowerStoreSubscr(size_t index) {
    llvm::Value* key = peek(1);
    llvm::Value* container = peek(2);
    llvm::Value* value = peek(3);
    llvm::BasicBlock* slow = newBlock("store.slow");
    llvm::BasicBlock* done = newBlock("store.done");
    llvm::Value* slot = sequenceItemSlot(container, key, /*tuplesToo=*/false, slow);
    // The list takes over the stack's reference to the value; the old item goes, as in list_ass_item.
    llvm::Value* old = builder_.CreateLoad(ptrType(), slot);
    builder_.CreateStore(value, slot);
    decref(old);
    llvm::BasicBlock* fastEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    continueIn(slow);
    llvm::Value* generic = call(HelperId::store_subscr, {container, key, value});
    decref(value);
    llvm::BasicBlock* slowEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    continueIn(done);
    llvm::PHINode* status = builder_.CreatePHI(intType(), 2);
    status->addIncoming(i32(0), fastEnd);
    status->addIncoming(generic, slowEnd);
    drop(3);
    decref(container);
    decref(key);
    raiseIfNegative(status, index);
    return true;
}

// The per-site attribute cache read inline (runtime/cpython/attribute_cache.h), as CPython 3.11's
// LOAD_ATTR_INSTANCE_VALUE / LOAD_ATTR_SLOT and STORE_ATTR_* test it: an entry for the owner's exact type
// version, then the instance's values array (managed dict) or the member's offset. Everything else
// (an empty or other entry, an instance whose values moved into a dict) takes the cached helper.
// An i1: the site's attribute cache holds an entry for the owner's exact type (its version, not 0).
llvm::Value* FunctionTranslator::attributeCacheMatches(llvm::Value* owner, llvm::Value* cache) {
    const FrameLayout& layout = services_.layout;
    llvm::Value* type = fieldOf(owner, layout.objectType, ptrType());
    llvm::Value* version = fieldOf(type, layout.typeVersionTag, intType());
    llvm::Value* cachedVersion = builder_.CreateLoad(intType(), cache);
    return builder_.CreateAnd(builder_.CreateICmpEQ(version, cachedVersion),
                              builder_.CreateICmpNE(cachedVersion, i32(0)));
}

llvm::Value* FunctionTranslator::cachedAttributeSlot(llvm::Value* owner, llvm::Value* cache, llvm::BasicBlock* slow) {
    const FrameLayout& layout = services_.layout;
    llvm::BasicBlock* matched = newBlock("attr.matched");
    llvm::BasicBlock* values = newBlock("attr.values");
    llvm::BasicBlock* valuesLive = newBlock("attr.values.live");
    llvm::BasicBlock* member = newBlock("attr.slot");
    llvm::BasicBlock* done = newBlock("attr.address");
    builder_.CreateCondBr(attributeCacheMatches(owner, cache), matched, slow);
    continueIn(matched);
    llvm::Value* kind = fieldOf(cache, kAttributeCacheKindOffset, intType());
    llvm::Value* position = fieldOf(cache, kAttributeCacheIndexOffset, sizeType());
    llvm::SwitchInst* byKind = builder_.CreateSwitch(kind, slow, 2);
    byKind->addCase(llvm::cast<llvm::ConstantInt>(i32(static_cast<int>(kAttributeKindInstanceValue))), values);
    byKind->addCase(llvm::cast<llvm::ConstantInt>(i32(static_cast<int>(kAttributeKindSlot))), member);
    continueIn(values);
    llvm::Value* array = fieldOf(owner, layout.managedValues, ptrType());
    builder_.CreateCondBr(builder_.CreateIsNull(array), slow, valuesLive);
    continueIn(valuesLive);
    llvm::Value* valueSlot = builder_.CreateGEP(ptrType(), array, position);
    builder_.CreateBr(done);
    continueIn(member);
    llvm::Value* memberSlot = builder_.CreateGEP(builder_.getInt8Ty(), owner, position);
    builder_.CreateBr(done);
    continueIn(done);
    llvm::PHINode* slot = builder_.CreatePHI(ptrType(), 2);
    slot->addIncoming(valueSlot, valuesLive);
    slot->addIncoming(memberSlot, member);
    return slot;
}

// LOAD_METHOD with the per-site cache read inline, as CPython 3.11's LOAD_METHOD_NO_DICT (a method of a
// type whose instances have no __dict__: str, list, dict, ...) and LOAD_METHOD_WITH_VALUES (an instance
// whose attributes are still in its inline values, the type's shared keys unchanged since the cache was
// filled, so the name is not an instance attribute) test it: [method, owner]. Every other case takes the
// cached helper, which tests the same (attribute_cache.c, method_not_shadowed).
bool FunctionTranslator::lowerLoadMethod(size_t index) {
    const FrameLayout& layout = services_.layout;
    llvm::Value* owner = peek(1);
    llvm::Value* cache = newSiteCache(kAttributeCacheWords);
    llvm::BasicBlock* matched = newBlock("method.matched");
    llvm::BasicBlock* withValues = newBlock("method.values");
    llvm::BasicBlock* sameKeys = newBlock("method.keys");
    llvm::BasicBlock* hit = newBlock("method.hit");
    llvm::BasicBlock* slow = newBlock("method.slow");
    llvm::BasicBlock* done = newBlock("method.done");
    builder_.CreateCondBr(attributeCacheMatches(owner, cache), matched, slow);
    continueIn(matched);
    llvm::SwitchInst* byKind = builder_.CreateSwitch(fieldOf(cache, kAttributeCacheKindOffset, intType()), slow, 2);
    byKind->addCase(llvm::cast<llvm::ConstantInt>(i32(static_cast<int>(kAttributeKindMethodNoDict))), hit);
    byKind->addCase(llvm::cast<llvm::ConstantInt>(i32(static_cast<int>(kAttributeKindMethodWithValues))), withValues);
    continueIn(withValues);
    llvm::Value* type = fieldOf(owner, layout.objectType, ptrType());
    llvm::Value* keys = fieldOf(type, layout.heapTypeCachedKeys, ptrType());
    llvm::Value* noDict = builder_.CreateIsNull(fieldOf(owner, layout.managedDict, ptrType()));
    llvm::Value* keysSame = builder_.CreateICmpEQ(keys, fieldOf(cache, kAttributeCacheKeysOffset, ptrType()));
    builder_.CreateCondBr(builder_.CreateAnd(noDict, keysSame), sameKeys, slow);
    continueIn(sameKeys);
    llvm::Value* entries = fieldOf(keys, layout.dictKeysEntries, sizeType());
    builder_.CreateCondBr(builder_.CreateICmpEQ(entries, fieldOf(cache, kAttributeCacheKeysEntriesOffset, sizeType())),
                          hit, slow);
    continueIn(hit);
    llvm::Value* method = fieldOf(cache, kAttributeCacheMethodOffset, ptrType());
    incref(method);
    llvm::BasicBlock* hitEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    continueIn(slow);
    const int depth = depth_;
    llvm::Value* status =
        call(HelperId::load_method_cached, {owner, address(name(view_.instructions[index].oparg)), pair_, cache});
    drop(1);  // the helper took the owner
    raiseIfNegative(status, index);
    llvm::Value* slowMethod = builder_.CreateLoad(ptrType(), pair_);
    llvm::Value* slowSelf = builder_.CreateLoad(ptrType(), builder_.CreateConstGEP1_64(ptrType(), pair_, 1));
    llvm::BasicBlock* slowEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    depth_ = depth;
    continueIn(done);
    llvm::PHINode* first = builder_.CreatePHI(ptrType(), 2);
    first->addIncoming(method, hitEnd);
    first->addIncoming(slowMethod, slowEnd);
    llvm::PHINode* second = builder_.CreatePHI(ptrType(), 2);
    second->addIncoming(owner, hitEnd);
    second->addIncoming(slowSelf, slowEnd);
    drop(1);
    push(first);
    push(second);
    return true;
}

bool FunctionTranslator::lowerLoadAttr(size_t index) {
    llvm::Value* owner = peek(1);
    llvm::Value* cache = newSiteCache(kAttributeCacheWords);
    llvm::BasicBlock* slow = newBlock("attr.slow");
    llvm::BasicBlock* found = newBlock("attr.found");
    llvm::BasicBlock* done = newBlock("attr.done");
    // An empty value or member: the helper raises the exact AttributeError.
    llvm::Value* value = builder_.CreateLoad(ptrType(), cachedAttributeSlot(owner, cache, slow));
    builder_.CreateCondBr(builder_.CreateIsNull(value), slow, found);
    continueIn(found);
    incref(value);
    builder_.CreateBr(done);
    continueIn(slow);
    llvm::Value* generic =
        call(HelperId::load_attr_cached, {owner, address(name(view_.instructions[index].oparg)), cache});
    builder_.CreateBr(done);
    continueIn(done);
    llvm::PHINode* result = builder_.CreatePHI(ptrType(), 2);
    result->addIncoming(value, found);
    result->addIncoming(generic, slow);
    drop(1);
    decref(owner);
    raiseIfNull(result, index);
    push(result);
    return true;
}

bool FunctionTranslator::lowerStoreAttr(size_t index) {
    llvm::Value* owner = peek(1);
    llvm::Value* value = peek(2);
    llvm::Value* cache = newSiteCache(kAttributeCacheWords);
    llvm::BasicBlock* slow = newBlock("store.attr.slow");
    llvm::BasicBlock* replace = newBlock("store.attr.replace");
    llvm::BasicBlock* done = newBlock("store.attr.done");
    llvm::Value* slot = cachedAttributeSlot(owner, cache, slow);
    llvm::Value* old = builder_.CreateLoad(ptrType(), slot);
    // A missing instance value also changes the dict's insertion order: the helper adds it. An empty
    // __slots__ member is simply filled (PyMember_SetOne).
    llvm::Value* isMember = builder_.CreateICmpEQ(fieldOf(cache, kAttributeCacheKindOffset, intType()),
                                                  i32(static_cast<int>(kAttributeKindSlot)));
    builder_.CreateCondBr(builder_.CreateOr(isMember, builder_.CreateIsNotNull(old)), replace, slow);
    continueIn(replace);
    // The stack's reference moves into the object; the old value goes afterwards, as in ceval.
    builder_.CreateStore(value, slot);
    decref(old, /*mayBeNull=*/true);
    llvm::BasicBlock* replaced = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    continueIn(slow);
    llvm::Value* status =
        call(HelperId::store_attr_cached, {owner, address(name(view_.instructions[index].oparg)), value, cache});
    decref(value);  // ceval's order: a __del__ can tell
    llvm::BasicBlock* slowEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    continueIn(done);
    llvm::PHINode* result = builder_.CreatePHI(intType(), 2);
    result->addIncoming(i32(0), replaced);
    result->addIncoming(status, slowEnd);
    drop(2);
    decref(owner);
    raiseIfNegative(result, index);
    return true;
}

// FOR_ITER's step, as CPython's rangeiter_next and listiter_next for exact range and list iterators (their
// state stays in the iterator object, so any other code sees it exactly), the generic helper otherwise.
llvm::Value* FunctionTranslator::iteratorNext(llvm::Value* iterator, size_t index, llvm::BasicBlock* exhausted,
                                              RangeItem* unboxedRange) {
    const FrameLayout& layout = services_.layout;
    llvm::BasicBlock* range = newBlock("iter.range");
    llvm::BasicBlock* rangeNext = newBlock("iter.range.next");
    llvm::BasicBlock* notRange = newBlock("iter.notrange");
    llvm::BasicBlock* list = newBlock("iter.list");
    llvm::BasicBlock* listLive = newBlock("iter.list.live");
    llvm::BasicBlock* listNext = newBlock("iter.list.next");
    llvm::BasicBlock* listEnd = newBlock("iter.list.end");
    llvm::BasicBlock* generic = newBlock("iter.generic");
    llvm::BasicBlock* ended = newBlock("iter.ended");
    llvm::BasicBlock* done = newBlock("iter.next");
    std::vector<std::pair<llvm::Value*, llvm::BasicBlock*>> items;
    auto field = [&](int offset) { return builder_.CreateConstGEP1_64(builder_.getInt8Ty(), iterator, offset); };
    builder_.CreateCondBr(hasExactType(iterator, services_.objects.rangeIterType), range, notRange);

    continueIn(range);  // index < len: start + index * step (unsigned arithmetic, as C's), index + 1
    llvm::Value* position = builder_.CreateLoad(sizeType(), field(layout.rangeIterIndex));
    builder_.CreateCondBr(builder_.CreateICmpSLT(position, fieldOf(iterator, layout.rangeIterLen, sizeType())),
                          rangeNext, exhausted);
    continueIn(rangeNext);
    builder_.CreateStore(builder_.CreateAdd(position, i64(1)), field(layout.rangeIterIndex));
    llvm::Value* value =
        builder_.CreateAdd(fieldOf(iterator, layout.rangeIterStart, sizeType()),
                           builder_.CreateMul(position, fieldOf(iterator, layout.rangeIterStep, sizeType())));
    if (unboxedRange != nullptr) {
        *unboxedRange = {value, builder_.GetInsertBlock()};
    } else {
        llvm::Value* boxed = boxInt(value);
        raiseIfNull(boxed, index);  // MemoryError: the iterator stays on the stack, as in ceval
        items.emplace_back(boxed, builder_.GetInsertBlock());
        builder_.CreateBr(done);
    }

    continueIn(notRange);
    builder_.CreateCondBr(hasExactType(iterator, services_.objects.listIterType), list, generic);
    continueIn(list);  // it_seq NULL: exhausted before
    llvm::Value* sequence = fieldOf(iterator, layout.listIterSeq, ptrType());
    builder_.CreateCondBr(builder_.CreateIsNull(sequence), exhausted, listLive);
    continueIn(listLive);
    llvm::Value* at = fieldOf(iterator, layout.listIterIndex, sizeType());
    builder_.CreateCondBr(builder_.CreateICmpSLT(at, fieldOf(sequence, layout.varSize, sizeType())), listNext, listEnd);
    continueIn(listNext);
    llvm::Value* item = builder_.CreateLoad(
        ptrType(), builder_.CreateGEP(ptrType(), fieldOf(sequence, layout.listItems, ptrType()), at));
    builder_.CreateStore(builder_.CreateAdd(at, i64(1)), field(layout.listIterIndex));
    incref(item);
    items.emplace_back(item, builder_.GetInsertBlock());
    builder_.CreateBr(done);
    continueIn(listEnd);  // the iterator lets go of its list
    builder_.CreateStore(nullObject(), field(layout.listIterSeq));
    decref(sequence);
    builder_.CreateBr(exhausted);

    continueIn(generic);
    llvm::Value* next = call(HelperId::for_iter_next, {iterator});
    items.emplace_back(next, generic);
    builder_.CreateCondBr(builder_.CreateIsNull(next), ended, done);
    continueIn(ended);
    llvm::Value* raised = builder_.CreateICmpNE(call(HelperId::error_occurred, {}), i32(0));
    builder_.CreateCondBr(raised, raiseBlock(index, depth_), exhausted);  // the iterator stays, as in ceval

    continueIn(done);
    llvm::PHINode* result = builder_.CreatePHI(ptrType(), items.size());
    for (auto& [value, block] : items) result->addIncoming(value, block);
    return result;
}

// UNPACK_SEQUENCE: an exact tuple of the right length inline (CPython's UNPACK_SEQUENCE_TWO_TUPLE and
// _TUPLE test the same); an exact list of that length through the helper; anything else (iterables, wrong
// lengths and their exact error messages) CPython's interpreter. Items go on the stack last first.
bool FunctionTranslator::lowerUnpackSequence(size_t index) {
    const int count = view_.instructions[index].oparg;
    const FrameLayout& layout = services_.layout;
    llvm::Value* sequence = peek(1);
    llvm::BasicBlock* tuple = newBlock("unpack.tuple");
    llvm::BasicBlock* other = newBlock("unpack.other");
    llvm::BasicBlock* done = newBlock("unpacked");
    llvm::Value* fits = whenTrue(hasExactType(sequence, services_.objects.tupleType), [&] {
        return builder_.CreateICmpEQ(fieldOf(sequence, layout.varSize, sizeType()), i64(count));
    });
    builder_.CreateCondBr(fits, tuple, other, llvm::MDBuilder(context_).createLikelyBranchWeights());
    continueIn(tuple);
    std::vector<llvm::Value*> fromTuple;
    for (int k = 0; k < count; k++) {
        llvm::Value* item = fieldOf(sequence, layout.tupleItems + 8 * k, ptrType());
        incref(item);
        fromTuple.push_back(item);
    }
    llvm::BasicBlock* tupleEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    continueIn(other);
    llvm::Value* buffer = unpackBuffer(count);  // filled last item first
    llvm::Value* status = call(HelperId::unpack_sequence, {sequence, i32(count), buffer});
    llvm::BasicBlock* unpacked = newBlock("unpack.helper.done");
    builder_.CreateCondBr(builder_.CreateICmpNE(status, i32(0)), handOffBlock(index, depth_), unpacked);
    continueIn(unpacked);
    std::vector<llvm::Value*> fromHelper;
    for (int k = 0; k < count; k++) {
        fromHelper.push_back(
            builder_.CreateLoad(ptrType(), builder_.CreateConstGEP1_64(ptrType(), buffer, count - 1 - k)));
    }
    builder_.CreateBr(done);
    continueIn(done);
    std::vector<llvm::Value*> items;
    for (int k = 0; k < count; k++) {
        llvm::PHINode* item = builder_.CreatePHI(ptrType(), 2);
        item->addIncoming(fromTuple[k], tupleEnd);
        item->addIncoming(fromHelper[k], unpacked);
        items.push_back(item);
    }
    drop(1);
    decref(sequence);
    for (int k = count - 1; k >= 0; k--) push(items[k]);  // the first item ends on top
    return true;
}

// LOAD_GLOBAL: the site cache (runtime/cpython/jit_support.h's PyjitGlobalCache, filled by the helper)
// read inline. A value cached for these exact globals and builtins dicts at their current versions is what
// the lookup would find: a dict's ma_version_tag changes with every change to it. Any other case calls the
// helper, which looks up, refills the cache, and declines (a hand-over) for non-dict namespaces and
// NameError, as before.
llvm::Value* FunctionTranslator::loadGlobal(size_t index, int nameIndex) {
    const FrameLayout& layout = services_.layout;
    llvm::Value* cache = newSiteCache(4);
    llvm::Value* cached = fieldOf(cache, layout.globalCacheValue, ptrType());
    llvm::BasicBlock* dicts = newBlock("global.dicts");
    llvm::BasicBlock* versions = newBlock("global.versions");
    llvm::BasicBlock* hit = newBlock("global.hit");
    llvm::BasicBlock* miss = newBlock("global.miss");
    llvm::BasicBlock* done = newBlock("global.done");
    builder_.CreateCondBr(builder_.CreateIsNull(cached), miss, dicts);
    continueIn(dicts);
    llvm::Value* globals = fieldOf(frame_, layout.frameGlobals, ptrType());
    llvm::Value* builtins = fieldOf(frame_, layout.frameBuiltins, ptrType());
    builder_.CreateCondBr(builder_.CreateAnd(hasExactType(globals, services_.objects.dictType),
                                             hasExactType(builtins, services_.objects.dictType)),
                          versions, miss);
    continueIn(versions);
    auto sameVersion = [&](llvm::Value* dict, int cacheField) {
        return builder_.CreateICmpEQ(fieldOf(dict, layout.dictVersionTag, sizeType()),
                                     fieldOf(cache, cacheField, sizeType()));
    };
    builder_.CreateCondBr(builder_.CreateAnd(sameVersion(globals, layout.globalCacheGlobalsVersion),
                                             sameVersion(builtins, layout.globalCacheBuiltinsVersion)),
                          hit, miss);
    continueIn(hit);
    incref(cached);
    llvm::BasicBlock* hitEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    continueIn(miss);
    writeBackLocals();  // a dict lookup may compare keys with __eq__ (LOAD_GLOBAL is quiet otherwise)
    llvm::Value* looked = call(HelperId::load_global, {frame_, address(name(nameIndex)), cache});
    if (hasUnboxed()) {
        // Unboxed values below (takesUnboxedOperands): the exits need objects, the way on keeps them as they are.
        llvm::BasicBlock* failed = newBlock("global.failed");
        llvm::BasicBlock* found = newBlock("global.found");
        builder_.CreateCondBr(builder_.CreateIsNull(looked), failed, found);
        continueIn(failed);
        boxStack(index, /*forExit=*/true);
        handOffIfUnhandled(looked, index);  // NameError and non-dict namespaces: CPython's
        raiseIfNull(looked, index);
        builder_.CreateUnreachable();  // (`looked` is null here)
        continueIn(found);
    } else {
        handOffIfUnhandled(looked, index);  // NameError and non-dict namespaces: CPython's
        raiseIfNull(looked, index);
    }
    llvm::BasicBlock* missEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    continueIn(done);
    llvm::PHINode* value = builder_.CreatePHI(ptrType(), 2);
    value->addIncoming(cached, hitEnd);
    value->addIncoming(looked, missEnd);
    return value;
}

llvm::Value* FunctionTranslator::truthOf(llvm::Value* value, size_t index, bool release) {
    // True, False and None answer inline; anything else asks is_true (which may raise).
    const WellKnownObjects& objects = services_.objects;
    llvm::Value* isTrue = builder_.CreateICmpEQ(value, address(objects.trueObject));
    llvm::Value* known =
        builder_.CreateOr(isTrue, builder_.CreateOr(builder_.CreateICmpEQ(value, address(objects.falseObject)),
                                                    builder_.CreateICmpEQ(value, address(objects.none))));
    llvm::BasicBlock* fast = newBlock("truth.known");
    llvm::BasicBlock* slow = newBlock("truth.call");
    llvm::BasicBlock* done = newBlock("truth.done");
    builder_.CreateCondBr(known, fast, slow);
    continueIn(fast);
    if (release) decref(value);
    llvm::BasicBlock* fastEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    continueIn(slow);
    llvm::Value* truth = call(HelperId::is_true, {value});
    if (release) decref(value);
    raiseIfNegative(truth, index);
    llvm::Value* slowTruth = builder_.CreateICmpSGT(truth, i32(0));
    llvm::BasicBlock* slowEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);
    continueIn(done);
    llvm::PHINode* result = builder_.CreatePHI(builder_.getInt1Ty(), 2);
    result->addIncoming(isTrue, fastEnd);
    result->addIncoming(slowTruth, slowEnd);
    return result;
}

}  // namespace pyjit::jit
