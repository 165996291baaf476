// Instruction groups beyond the core set of Translator.cpp: namespaces, imports and class bodies,
// containers, CALL_FUNCTION_EX and MAKE_FUNCTION, pattern matching, BEFORE_WITH and PRINT_EXPR. Each case
// follows docs/adding-an-opcode.md and the instruction's TARGET in CPython 3.11's ceval.c: the helpers
// (runtime/helpers.def, last section) do the work; a helper that answers "hand over" (NULL without an
// exception, or status 1) has not touched anything, so CPython runs the instruction from its inputs.
#include "FunctionTranslator.h"

#include <bit>

namespace pyjit::jit {

using frontend::Opcode;

namespace {

// MAKE_FUNCTION's oparg bits: defaults, kwdefaults, annotations, closure (pushed in that order below the
// code object).
constexpr int kMakeFunctionFlags = 0x0F;
// UNPACK_EX's oparg: targets before the starred one in the low byte, after it in the next.
constexpr int kUnpackBeforeMask = 0xFF;
constexpr int kUnpackAfterShift = 8;
// CALL_FUNCTION_EX's oparg bit saying a keyword dict is on the stack.
constexpr int kCallHasKwargs = 0x01;

class MoreLowering {
public:
    MoreLowering(FunctionTranslator& t, size_t index)
        : t_(t), index_(index), oparg_(t.view_.instructions[index].oparg) {}

    // Status helpers: 1 asks CPython to run the instruction, inputs still on the stack.
    void handOffIfPositive(llvm::Value* status) {
        llvm::BasicBlock* ok = t_.newBlock("ok");
        t_.builder_.CreateCondBr(t_.builder_.CreateICmpSGT(status, t_.i32(0)), t_.handOffBlock(index_, t_.depth_), ok);
        t_.continueIn(ok);
    }
    llvm::Value* nameArg() { return t_.address(t_.name(oparg_)); }

    // An object-producing helper that consumes no stack input: LOAD_NAME, IMPORT_FROM, GET_LEN, ...
    bool pushFromHelper(llvm::Value* result, bool mayHandOff) {
        if (mayHandOff) t_.handOffIfUnhandled(result, index_);
        t_.raiseIfNull(result, index_);
        t_.push(result);
        return true;
    }

    // An Int helper with no stack inputs: DELETE_NAME, DELETE_GLOBAL, SETUP_ANNOTATIONS, DELETE_DEREF.
    bool statusOnly(llvm::Value* status, bool mayHandOff) {
        if (mayHandOff) handOffIfPositive(status);
        t_.raiseIfNegative(status, index_);
        return true;
    }

    // One input consumed (released after the helper, as ceval does), Int status: STORE_NAME, STORE_GLOBAL,
    // DELETE_ATTR, IMPORT_STAR.
    bool consumeOne(llvm::Value* input, llvm::Value* status, bool mayHandOff) {
        if (mayHandOff) handOffIfPositive(status);
        t_.drop(1);
        t_.decref(input);
        t_.raiseIfNegative(status, index_);
        return true;
    }

    // LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE: pop the iterable/mapping, update PEEK(oparg).
    bool update(HelperId id, bool mayHandOff) {
        llvm::Value* item = t_.peek(1);
        llvm::Value* target = t_.peek(oparg_ + 1);
        return consumeOne(item, t_.call(id, {target, item}), mayHandOff);
    }

    // Items [depth - count, depth) go to a stealing helper through the frame's stack area.
    bool buildFromItems(HelperId id, int count, llvm::Value* helperCount, bool mayHandOff) {
        int base = t_.depth_ - count;
        llvm::Value* items = t_.spillStack(base, t_.depth_);
        llvm::Value* result = t_.call(id, {items, helperCount});
        if (mayHandOff) t_.handOffIfUnhandled(result, index_);
        t_.depth_ = base;
        t_.raiseIfNull(result, index_);
        t_.push(result);
        return true;
    }

    // After an instruction that called out (ceval's next dispatch sees a tracer a callee installed).
    void afterCall() { t_.checkTracing(index_ + 1); }

    // nullopt: not an instruction of this file.
    std::optional<bool> lower(Opcode opcode);

private:
    FunctionTranslator& t_;
    size_t index_;
    int oparg_;
};

std::optional<bool> MoreLowering::lower(Opcode opcode) {
    FunctionTranslator& t = t_;
    auto& b = t.builder_;
    switch (opcode) {
    // --- namespaces
    case Opcode::LOAD_NAME:
        return pushFromHelper(t.call(HelperId::load_name, {t.frame_, nameArg()}), true);
    case Opcode::STORE_NAME: {
        llvm::Value* value = t.peek(1);
        return consumeOne(value, t.call(HelperId::store_name, {t.frame_, nameArg(), value}), true);
    }
    case Opcode::DELETE_NAME: return statusOnly(t.call(HelperId::delete_name, {t.frame_, nameArg()}), true);
    case Opcode::LOAD_CLASSDEREF:
        return pushFromHelper(t.call(HelperId::load_classderef, {t.frame_, t.i32(oparg_)}), true);
    case Opcode::STORE_GLOBAL: {
        llvm::Value* value = t.peek(1);
        return consumeOne(value, t.call(HelperId::store_global, {t.frame_, nameArg(), value}), false);
    }
    case Opcode::DELETE_GLOBAL: return statusOnly(t.call(HelperId::delete_global, {t.frame_, nameArg()}), true);
    case Opcode::DELETE_FAST: {
        llvm::Value* value = t.loadLocal(oparg_);
        llvm::BasicBlock* bound = t.newBlock("bound");
        // Unbound: CPython raises the exact UnboundLocalError.
        b.CreateCondBr(b.CreateIsNull(value), t.handOffBlock(index_, t.depth_), bound);
        t.continueIn(bound);
        t.storeLocal(oparg_, t.nullObject());
        t.decref(value);
        return true;
    }
    case Opcode::DELETE_DEREF:
        return statusOnly(t.call(HelperId::delete_deref, {t.loadLocal(oparg_)}), true);
    case Opcode::DELETE_ATTR: {
        llvm::Value* owner = t.peek(1);
        // PyObject_SetAttr with a NULL value deletes, exactly ceval's call.
        return consumeOne(owner, t.call(HelperId::store_attr, {owner, nameArg(), t.nullObject()}), false);
    }

    // --- imports and class bodies
    case Opcode::IMPORT_NAME: {
        llvm::Value* fromlist = t.peek(1);
        llvm::Value* level = t.peek(2);
        llvm::Value* module = t.call(HelperId::import_name, {t.frame_, nameArg(), fromlist, level});
        t.handOffIfUnhandled(module, index_);  // no __import__ in builtins: CPython's ImportError
        t.drop(2);
        t.decref(level);
        t.decref(fromlist);
        t.raiseIfNull(module, index_);
        t.push(module);
        afterCall();
        return true;
    }
    case Opcode::IMPORT_FROM: {
        llvm::Value* value = t.call(HelperId::import_from, {t.peek(1), nameArg()});
        return pushFromHelper(value, true);  // the module stays below
    }
    case Opcode::IMPORT_STAR: {
        llvm::Value* module = t.peek(1);
        consumeOne(module, t.call(HelperId::import_star, {t.frame_, module}), true);
        afterCall();
        return true;
    }
    case Opcode::SETUP_ANNOTATIONS: return statusOnly(t.call(HelperId::setup_annotations, {t.frame_}), true);
    case Opcode::LOAD_BUILD_CLASS: return pushFromHelper(t.call(HelperId::load_build_class, {t.frame_}), true);
    case Opcode::LOAD_ASSERTION_ERROR: t.push(t.call(HelperId::load_assertion_error, {})); return true;
    case Opcode::MAKE_FUNCTION: {
        int count = 1 + std::popcount(static_cast<unsigned>(oparg_ & kMakeFunctionFlags));
        llvm::Value* items = t.spillStack(t.depth_ - count, t.depth_);
        llvm::Value* function = t.call(HelperId::make_function, {t.frame_, items, t.i32(oparg_)});
        t.drop(count);
        t.raiseIfNull(function, index_);
        t.push(function);
        return true;
    }

    // --- containers
    case Opcode::BUILD_MAP: return buildFromItems(HelperId::build_map, 2 * oparg_, t.i32(oparg_), false);
    case Opcode::BUILD_CONST_KEY_MAP:
        return buildFromItems(HelperId::build_const_key_map, oparg_ + 1, t.i32(oparg_), true);
    case Opcode::BUILD_SET: return buildFromItems(HelperId::build_set, oparg_, t.i32(oparg_), false);
    case Opcode::BUILD_SLICE: {
        bool hasStep = oparg_ == 3;
        llvm::Value* step = hasStep ? t.peek(1) : t.nullObject();
        llvm::Value* stop = t.peek(hasStep ? 2 : 1);
        llvm::Value* start = t.peek(hasStep ? 3 : 2);
        llvm::Value* slice = t.call(HelperId::build_slice, {start, stop, step});
        t.drop(hasStep ? 3 : 2);
        t.decref(start);
        t.decref(stop);
        if (hasStep) t.decref(step);
        t.raiseIfNull(slice, index_);
        t.push(slice);
        return true;
    }
    case Opcode::LIST_EXTEND: return update(HelperId::list_extend, true);  // non-iterables: CPython's message
    case Opcode::SET_UPDATE: return update(HelperId::set_update, false);
    case Opcode::DICT_UPDATE: return update(HelperId::dict_update, false);
    case Opcode::DICT_MERGE: return update(HelperId::dict_merge, true);  // all but fresh string keys: CPython
    case Opcode::SET_ADD: {
        llvm::Value* item = t.peek(1);
        llvm::Value* status = t.call(HelperId::set_add, {t.peek(oparg_ + 1), item});  // steals the item
        t.drop(1);
        t.raiseIfNegative(status, index_);
        return true;
    }
    case Opcode::MAP_ADD: {
        llvm::Value* value = t.peek(1);
        llvm::Value* key = t.peek(2);
        llvm::Value* status = t.call(HelperId::map_add, {t.peek(oparg_ + 2), key, value});  // steals both
        t.drop(2);
        t.raiseIfNegative(status, index_);
        return true;
    }
    case Opcode::LIST_TO_TUPLE: {
        llvm::Value* list = t.peek(1);
        llvm::Value* tuple = t.call(HelperId::list_to_tuple, {list});
        t.drop(1);
        t.decref(list);
        t.raiseIfNull(tuple, index_);
        t.push(tuple);
        return true;
    }
    case Opcode::UNPACK_EX: {
        int total = (oparg_ & kUnpackBeforeMask) + 1 + (oparg_ >> kUnpackAfterShift);
        llvm::Value* sequence = t.peek(1);
        llvm::Value* items = t.unpackBuffer(total);
        llvm::Value* status = t.call(HelperId::unpack_ex, {sequence, t.i32(oparg_), items});
        consumeOne(sequence, status, true);  // iterables, short sequences: CPython's
        for (int k = 0; k < total; k++) t.push(b.CreateLoad(t.ptrType(), b.CreateConstGEP1_64(t.ptrType(), items, k)));
        return true;
    }

    // --- calls, with, interactive display
    case Opcode::CALL_FUNCTION_EX: {
        bool hasKwargs = (oparg_ & kCallHasKwargs) != 0;
        llvm::Value* kwargs = hasKwargs ? t.peek(1) : t.nullObject();
        llvm::Value* callargs = t.peek(hasKwargs ? 2 : 1);
        llvm::Value* function = t.peek(hasKwargs ? 3 : 2);
        llvm::Value* result = t.call(HelperId::call_function_ex, {function, callargs, kwargs});  // steals them
        t.handOffIfUnhandled(result, index_);  // the argument errors that name the callee: CPython's
        t.drop(hasKwargs ? 4 : 3);             // with the NULL below the function
        t.raiseIfNull(result, index_);
        t.push(result);
        t.checkEvalBreaker(index_, t.depth_, index_ + 1);
        afterCall();
        return true;
    }
    case Opcode::BEFORE_WITH: {
        llvm::Value* status = t.call(HelperId::before_with, {t.peek(1), t.pair_});  // steals the manager
        handOffIfPositive(status);  // not a context manager: CPython's TypeError
        t.drop(1);
        llvm::Value* exitMethod = b.CreateLoad(t.ptrType(), t.pair_);
        llvm::BasicBlock* failed = t.newBlock("with.failed");
        llvm::BasicBlock* entered = t.newBlock("with.entered");
        b.CreateCondBr(b.CreateICmpSLT(status, t.i32(0)), failed, entered);
        t.continueIn(failed);
        llvm::BasicBlock* withExit = t.newBlock("with.raise_exit");
        // -2: __enter__() raised with __exit__ already on the stack, as in ceval.
        b.CreateCondBr(b.CreateICmpEQ(status, t.i32(-2)), withExit, t.raiseBlock(index_, t.depth_));
        t.continueIn(withExit);
        t.push(exitMethod);
        b.CreateBr(t.raiseBlock(index_, t.depth_));
        t.drop(1);
        t.continueIn(entered);
        t.push(exitMethod);
        t.push(b.CreateLoad(t.ptrType(), b.CreateConstGEP1_64(t.ptrType(), t.pair_, 1)));
        afterCall();
        return true;
    }
    case Opcode::PRINT_EXPR: {
        llvm::Value* status = t.call(HelperId::print_expr, {t.peek(1)});  // steals the value
        handOffIfPositive(status);                                        // no sys.displayhook: CPython's
        t.drop(1);
        t.raiseIfNegative(status, index_);
        afterCall();
        return true;
    }

    // --- pattern matching
    case Opcode::GET_LEN: return pushFromHelper(t.call(HelperId::get_len, {t.peek(1)}), false);
    case Opcode::MATCH_MAPPING: t.push(t.call(HelperId::match_mapping, {t.peek(1)})); return true;
    case Opcode::MATCH_SEQUENCE: t.push(t.call(HelperId::match_sequence, {t.peek(1)})); return true;
    case Opcode::MATCH_KEYS:
        return pushFromHelper(t.call(HelperId::match_keys, {t.peek(2), t.peek(1)}), false);
    case Opcode::MATCH_CLASS: {
        llvm::Value* names = t.peek(1);
        llvm::Value* type = t.peek(2);
        llvm::Value* subject = t.peek(3);
        llvm::Value* attrs = t.call(HelperId::match_class, {subject, type, t.i32(oparg_), names});
        t.handOffIfUnhandled(attrs, index_);  // not a class: CPython's TypeError
        t.drop(2);
        t.decref(names);
        t.decref(type);
        t.raiseIfNull(attrs, index_);  // the subject stays, as in ceval
        t.poke(1, attrs);
        t.decref(subject);
        return true;
    }
    default: return std::nullopt;
    }
}

}  // namespace

std::optional<bool> FunctionTranslator::lowerMore(size_t index) {
    return MoreLowering(*this, index).lower(view_.instructions[index].opcode);
}

}  // namespace pyjit::jit
