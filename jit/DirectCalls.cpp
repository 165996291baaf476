// Direct calls (specialized tier; docs/deopt.md, "Direct calls"). A CALL where tier 1 saw one Python code
// object called (runtime/Inlining.cpp, collectDirectCallees) does what pyjit_call_positional's direct path
// does in C (runtime/cpython/direct_call.c, call_compiled_directly), with what that code object fixes —
// argument count, frame size, the fresh frame's prev_instr — known at compile time: when the callable is a
// function running that code, the callee is compiled, no tracer is active, pyjit's hook is the interpreter's
// and the thread's data stack has room, the callee's frame is pushed here (parameters past the arguments
// from the function's __defaults__), its native entry called and the frame popped. Any other call takes
// pyjit_call_positional with the same stack. Nothing is speculated, so nothing deoptimizes: the checks choose between
// two exact paths.
#include "FunctionTranslator.h"

namespace pyjit::jit {

namespace {

// Frames with more locals than this are cleared by the helper rather than one inline release per local.
constexpr int kMaxInlineReleasedLocals = 16;

}  // namespace

llvm::Value* FunctionTranslator::directCall(size_t index, const DirectCallee& callee) {
    const FrameLayout& layout = services_.layout;
    const int argc = view_.instructions[index].oparg;
    const int base = depth_ - (argc + 2);
    directCalls_.push_back({2 * view_.instructions[index].opcodeUnit, callee.qualname});
    llvm::Type* byteType = builder_.getInt8Ty();
    auto fieldAddress = [&](llvm::Value* object, int offset) {
        return builder_.CreateConstGEP1_64(byteType, object, offset);
    };
    llvm::BasicBlock* slow = newBlock(fmt::format("direct.slow.{}", callee.qualname).c_str());
    llvm::BasicBlock* done = newBlock("direct.done");
    // Each check goes on in a new block or leaves for the helper's path.
    auto require = [&](llvm::Value* holds, const char* name) {
        llvm::BasicBlock* next = newBlock(name);
        builder_.CreateCondBr(holds, next, slow);
        continueIn(next);
    };

    // [NULL, function, args...] or, for a method, [function, self, args...]: the stack's arguments are the
    // frame's first locals either way.
    llvm::Value* first = peek(argc + 2);
    llvm::Value* callable = callee.method ? first : peek(argc + 1);
    require(callee.method ? builder_.CreateIsNotNull(first) : builder_.CreateIsNull(first), "direct.form");
    require(hasExactType(callable, services_.objects.functionType), "direct.function");
    llvm::Value* cell = address(callee.cell);
    llvm::Value* code = fieldOf(callable, layout.functionCode, ptrType());
    require(builder_.CreateICmpEQ(code, fieldOf(cell, layout.directCallCellCode, ptrType())), "direct.code");
    llvm::Value* target = fieldOf(cell, layout.directCallCellTarget, ptrType());
    llvm::Value* entry = fieldOf(target, layout.callTargetEntry, ptrType());
    require(builder_.CreateIsNotNull(entry), "direct.compiled");
    llvm::Value* cframe = fieldOf(tstate_, layout.tstateCframe, ptrType());
    require(builder_.CreateICmpEQ(fieldOf(cframe, layout.cframeUseTracing, byteType), builder_.getInt8(0)),
            "direct.untraced");
    llvm::Value* interp = fieldOf(tstate_, layout.tstateInterp, ptrType());
    llvm::Value* installedHook = builder_.CreateLoad(ptrType(), address(layout.installedEvalHook));
    require(builder_.CreateICmpEQ(fieldOf(interp, layout.interpEvalFrame, ptrType()), installedHook), "direct.hooked");
    // _PyThreadState_HasStackSpace; a frame needing a new chunk takes the helper's path (which pushes it).
    llvm::Value* frameBytes = i64(8 * static_cast<int64_t>(callee.frameWords));
    llvm::Value* top = fieldOf(tstate_, layout.tstateDatastackTop, ptrType());
    llvm::Value* room = builder_.CreateSub(
        builder_.CreatePtrToInt(fieldOf(tstate_, layout.tstateDatastackLimit, ptrType()), sizeType()),
        builder_.CreatePtrToInt(top, sizeType()));
    require(builder_.CreateAnd(builder_.CreateIsNotNull(top), builder_.CreateICmpULT(frameBytes, room)), "direct.push");
    // Parameters past the arguments take the last items of __defaults__ (CALL_PY_WITH_DEFAULTS's binding),
    // read now: they may have been replaced since the compile.
    const int missing = callee.parameters - callee.argcount;
    llvm::Value* defaults = nullptr;
    llvm::Value* defaultsCount = nullptr;
    if (missing > 0) {
        defaults = fieldOf(callable, layout.functionDefaults, ptrType());
        require(builder_.CreateIsNotNull(defaults), "direct.defaults");
        defaultsCount = fieldOf(defaults, layout.varSize, sizeType());
        require(builder_.CreateICmpSGE(defaultsCount, i64(missing)), "direct.enough");
    }

    // The push (_PyEvalFramePushAndInit, _PyFrame_InitializeSpecials): the frame takes the stack's references
    // to the function and the arguments, and one to the code.
    llvm::Value* callsAddress = fieldAddress(target, layout.callTargetCalls);
    builder_.CreateStore(builder_.CreateAdd(builder_.CreateLoad(sizeType(), callsAddress), i64(1)), callsAddress);
    setPrevInstr(view_.instructions[index].opcodeUnit + layout.callCacheEntries);  // as CPython's CALL leaves it
    llvm::Value* frame = top;
    builder_.CreateStore(builder_.CreateGEP(byteType, top, frameBytes),
                         fieldAddress(tstate_, layout.tstateDatastackTop));
    incref(code);
    builder_.CreateStore(callable, fieldAddress(frame, layout.frameFunc));
    builder_.CreateStore(code, fieldAddress(frame, layout.frameCode));
    builder_.CreateStore(fieldOf(callable, layout.functionGlobals, ptrType()),
                         fieldAddress(frame, layout.frameGlobals));
    builder_.CreateStore(fieldOf(callable, layout.functionBuiltins, ptrType()),
                         fieldAddress(frame, layout.frameBuiltins));
    builder_.CreateStore(nullObject(), fieldAddress(frame, layout.frameLocals));
    builder_.CreateStore(nullObject(), fieldAddress(frame, layout.frameObject));
    builder_.CreateStore(i32(callee.nlocalsplus), fieldAddress(frame, layout.frameStacktop));
    builder_.CreateStore(address(callee.firstInstr), fieldAddress(frame, layout.framePrevInstr));
    builder_.CreateStore(builder_.getInt8(0), fieldAddress(frame, layout.frameIsEntry));
    builder_.CreateStore(builder_.getInt8(static_cast<uint8_t>(layout.frameOwnedByThread)),
                         fieldAddress(frame, layout.frameOwner));
    for (int local = 0; local < callee.nlocalsplus; local++) {
        // The arguments are the top `argcount` stack entries (`self` included for a method).
        llvm::Value* value = nullObject();
        if (local < callee.argcount) {
            value = peek(callee.argcount - local);
        } else if (local < callee.parameters) {  // __defaults__[len - (parameters - local)]
            llvm::Value* item = builder_.CreateAdd(defaultsCount, i64(local - callee.parameters));
            value = builder_.CreateLoad(
                ptrType(),
                builder_.CreateGEP(builder_.getInt8Ty(), defaults,
                                   builder_.CreateAdd(builder_.CreateMul(item, i64(8)), i64(layout.tupleItems))));
            incref(value);
        }
        builder_.CreateStore(value, fieldAddress(frame, layout.frameLocalsplus + 8 * local));
    }
    auto* entryType = llvm::FunctionType::get(ptrType(), {ptrType(), ptrType(), intType()}, false);
    llvm::Value* fastResult = builder_.CreateCall(entryType, entry, {tstate_, frame, i32(kFreshCall)});
    popDirectFrame(frame, callee);
    llvm::BasicBlock* fastEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);

    continueIn(slow);
    pendingPrevUnit_ = view_.instructions[index].opcodeUnit;  // pyjit_call_positional starts from the CALL
    llvm::Value* slowResult = call(HelperId::call_positional, {frame_, spillStack(base, depth_), i32(argc)});
    llvm::BasicBlock* slowEnd = builder_.GetInsertBlock();
    builder_.CreateBr(done);

    continueIn(done);
    llvm::PHINode* result = builder_.CreatePHI(ptrType(), 2, "direct.result");
    result->addIncoming(fastResult, fastEnd);
    result->addIncoming(slowResult, slowEnd);
    return result;
}

// _PyEvalFrameClearAndPop for a frame without a frame object whose value stack is empty (the callee
// returned or raised): the locals, f_locals, the function and the code released, the data stack top moved
// back. Anything else (a frame object that may take the frame over) is the helper's.
void FunctionTranslator::popDirectFrame(llvm::Value* frame, const DirectCallee& callee) {
    const FrameLayout& layout = services_.layout;
    if (callee.nlocalsplus > kMaxInlineReleasedLocals) {
        call(HelperId::pop_direct_frame, {tstate_, frame});
        return;
    }
    llvm::BasicBlock* inlinePop = newBlock("direct.pop");
    llvm::BasicBlock* helperPop = newBlock("direct.pop.helper");
    llvm::BasicBlock* popped = newBlock("direct.popped");
    llvm::Value* plain = builder_.CreateAnd(
        builder_.CreateIsNull(fieldOf(frame, layout.frameObject, ptrType())),
        builder_.CreateICmpEQ(fieldOf(frame, layout.frameStacktop, intType()), i32(callee.nlocalsplus)));
    builder_.CreateCondBr(plain, inlinePop, helperPop);

    continueIn(helperPop);
    call(HelperId::pop_direct_frame, {tstate_, frame});
    builder_.CreateBr(popped);

    continueIn(inlinePop);
    // The releases run one level deeper, as CPython's (a deallocation's recursion check sees the callee).
    llvm::Value* remaining =
        builder_.CreateConstGEP1_64(builder_.getInt8Ty(), tstate_, layout.tstateRecursionRemaining);
    builder_.CreateStore(builder_.CreateSub(builder_.CreateLoad(intType(), remaining), i32(1)), remaining);
    auto release = [&](int offset, bool mayBeNull) { decref(fieldOf(frame, offset, ptrType()), mayBeNull); };
    for (int local = 0; local < callee.nlocalsplus; local++) release(layout.frameLocalsplus + 8 * local, true);
    release(layout.frameLocals, true);
    release(layout.frameFunc, false);
    release(layout.frameCode, false);
    builder_.CreateStore(builder_.CreateAdd(builder_.CreateLoad(intType(), remaining), i32(1)), remaining);
    builder_.CreateStore(frame, builder_.CreateConstGEP1_64(builder_.getInt8Ty(), tstate_, layout.tstateDatastackTop));
    builder_.CreateBr(popped);
    continueIn(popped);
}

}  // namespace pyjit::jit
