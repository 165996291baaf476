// The tier-1 dispatch loop. Each case does what the instruction's case in jit/Translator.cpp or
// jit/LowerMore.cpp emits, with the same helper and the same order of releases, on the frame's own value
// stack. Where compiled code hands the frame to CPython's interpreter, so does tier 1 (handOff). An
// exception is unwound in the frame as compiled code does it (Interpreter::raise): traceback entry,
// then the handler or leaving; only with a tracer active is the frame handed over with throwflag set
// (docs/architecture.md). RERAISE hands over, as in compiled code.
#include "Interpreter.h"

#include "runtime/CodeState.h"
#include "runtime/Deopt.h"
#include "runtime/EventLog.h"
#include "runtime/JitCompiler.h"
#include "runtime/JitRuntime.h"
#include "runtime/NumericFastPaths.h"
#include "runtime/OpHelpers.h"
#include "runtime/OpHelpersMore.h"
#include "runtime/Ref.h"
#include "runtime/cpython/direct_call.h"
#include "runtime/cpython/namespace_ops.h"

#include "frontend/CodeAnalysis.h"

#include <structmember.h>  // T_OBJECT_EX and the member flags

#include <bit>
#include <span>
#include <utility>

namespace pyjit::tier1 {

using frontend::Opcode;

namespace {

Settings gSettings;
uint64_t gOsrEntries = 0;

// What Interpreter::raise() returns when the exception went to a handler in the same frame: the
// dispatch loop goes on there (never returned from execute()).
char gHandlerEnteredTag;
PyObject* const kHandlerEntered = reinterpret_cast<PyObject*>(&gHandlerEnteredTag);

// The frame fields tier 1 touches, by offset (runtime/cpython/jit_support.h), as compiled code does.
struct FrameFields {
    int localsplus = 0;
    int prevInstr = 0;
    const int* evalBreaker = nullptr;
};
FrameFields gFrameFields;  // set by configure(), before the first frame runs
const FrameFields& frameFields() { return gFrameFields; }

// Operand bits as in jit/: FORMAT_VALUE's spec flag, MAKE_FUNCTION's flags, UNPACK_EX's halves,
// CALL_FUNCTION_EX's kwargs flag.
constexpr int kFormatHasSpec = 0x04;
constexpr int kMakeFunctionFlags = 0x0F;
constexpr int kUnpackBeforeMask = 0xFF;
constexpr int kUnpackAfterShift = 8;
constexpr int kCallHasKwargs = 0x01;

bool isProfiled(Opcode opcode) {
    switch (opcode) {
    case Opcode::BINARY_OP:
    case Opcode::COMPARE_OP:
    case Opcode::BINARY_SUBSCR:
    case Opcode::STORE_SUBSCR:
    case Opcode::UNPACK_SEQUENCE:
    case Opcode::LOAD_ATTR:
    case Opcode::STORE_ATTR:
    case Opcode::LOAD_METHOD:
    case Opcode::LOAD_GLOBAL:
    case Opcode::CALL:
    case Opcode::FOR_ITER:
    case Opcode::POP_JUMP_FORWARD_IF_TRUE:
    case Opcode::POP_JUMP_BACKWARD_IF_TRUE:
    case Opcode::POP_JUMP_FORWARD_IF_FALSE:
    case Opcode::POP_JUMP_BACKWARD_IF_FALSE:
    case Opcode::POP_JUMP_FORWARD_IF_NONE:
    case Opcode::POP_JUMP_BACKWARD_IF_NONE:
    case Opcode::POP_JUMP_FORWARD_IF_NOT_NONE:
    case Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE:
    case Opcode::JUMP_IF_TRUE_OR_POP:
    case Opcode::JUMP_IF_FALSE_OR_POP: return true;
    default: return false;
    }
}

UnaryOperation unaryOperation(uint8_t opcode) {
    switch (static_cast<Opcode>(opcode)) {
    case Opcode::UNARY_NEGATIVE: return UnaryOperation::Negative;
    case Opcode::UNARY_NOT: return UnaryOperation::Not;
    case Opcode::UNARY_INVERT: return UnaryOperation::Invert;
    default: return UnaryOperation::Positive;
    }
}

// Which way a POP_JUMP_*_IF_TRUE/FALSE jumps: 1 on true, 0 on false; -1 for other opcodes.
int popJumpSense(uint8_t opcode) {
    switch (static_cast<Opcode>(opcode)) {
    case Opcode::POP_JUMP_FORWARD_IF_TRUE:
    case Opcode::POP_JUMP_BACKWARD_IF_TRUE: return 1;
    case Opcode::POP_JUMP_FORWARD_IF_FALSE:
    case Opcode::POP_JUMP_BACKWARD_IF_FALSE: return 0;
    default: return -1;
    }
}

// Handlers narrower than an opcode's, numbered above every opcode (frontend/opcodes.def ends below 200).
// As CPython 3.11's specialized and super-instructions, each has its own label, so its branches and its
// dispatch jump are predicted for that one case. Each does exactly what its opcode(s) do: a case it does
// not cover goes on at the opcode's own label.
#define PYJIT_TIER1_HANDLERS(X) \
    X(BINARY_OP_ADD, 200)  /* BINARY_OP with the operation fixed: int and float fast paths inline */ \
    X(BINARY_OP_SUBTRACT, 201) \
    X(BINARY_OP_MULTIPLY, 202) \
    X(BINARY_OP_TRUE_DIVIDE, 203) \
    X(COMPARE_LT_JUMP_IF_FALSE, 210)  /* COMPARE_OP + POP_JUMP_*_IF_FALSE/TRUE: COMPARE_OP_*_JUMP */ \
    X(COMPARE_LE_JUMP_IF_FALSE, 211) \
    X(COMPARE_EQ_JUMP_IF_FALSE, 212) \
    X(COMPARE_NE_JUMP_IF_FALSE, 213) \
    X(COMPARE_GT_JUMP_IF_FALSE, 214) \
    X(COMPARE_GE_JUMP_IF_FALSE, 215) \
    X(COMPARE_LT_JUMP_IF_TRUE, 216) \
    X(COMPARE_LE_JUMP_IF_TRUE, 217) \
    X(COMPARE_EQ_JUMP_IF_TRUE, 218) \
    X(COMPARE_NE_JUMP_IF_TRUE, 219) \
    X(COMPARE_GT_JUMP_IF_TRUE, 220) \
    X(COMPARE_GE_JUMP_IF_TRUE, 221) \
    X(LOAD_FAST__LOAD_FAST, 230)  /* two instructions, one dispatch */ \
    X(LOAD_FAST__LOAD_CONST, 231) \
    X(LOAD_CONST__LOAD_FAST, 232) \
    X(STORE_FAST__LOAD_FAST, 233) \
    X(STORE_FAST__STORE_FAST, 234) \
    X(COPY__COPY, 235)  /* `x[i] op= y`: COPY 2, COPY 2 ... SWAP 3, SWAP 2 */ \
    X(SWAP__SWAP, 236)

enum Handler : uint8_t {
#define PYJIT_TIER1_HANDLER_ENUM(name, number) name = number,
    PYJIT_TIER1_HANDLERS(PYJIT_TIER1_HANDLER_ENUM)
#undef PYJIT_TIER1_HANDLER_ENUM
};
#define PYJIT_OPCODE(name, number, ...) static_assert(number < BINARY_OP_ADD);  // the handlers come after all
#include "frontend/opcodes.def"


// The handler of `instruction`, given the one after it (nullptr at the end).
uint8_t chooseHandler(const DecodedInstruction& instruction, const DecodedInstruction* following) {
    const auto opcode = static_cast<Opcode>(instruction.opcode);
    const auto next = following != nullptr ? static_cast<Opcode>(following->opcode) : Opcode::NOP;
    switch (opcode) {
    case Opcode::BINARY_OP:
        switch (fast::plainOperation(instruction.oparg)) {
        case fast::kAdd: return BINARY_OP_ADD;
        case fast::kSubtract: return BINARY_OP_SUBTRACT;
        case fast::kMultiply: return BINARY_OP_MULTIPLY;
        case fast::kTrueDivide: return BINARY_OP_TRUE_DIVIDE;
        default: return instruction.opcode;
        }
    case Opcode::COMPARE_OP: {
        const int sense = following != nullptr ? popJumpSense(following->opcode) : -1;
        if (sense < 0 || instruction.oparg < Py_LT || instruction.oparg > Py_GE) return instruction.opcode;
        return static_cast<uint8_t>((sense ? COMPARE_LT_JUMP_IF_TRUE : COMPARE_LT_JUMP_IF_FALSE) + instruction.oparg);
    }
    case Opcode::LOAD_FAST:
        if (next == Opcode::LOAD_FAST) return LOAD_FAST__LOAD_FAST;
        if (next == Opcode::LOAD_CONST) return LOAD_FAST__LOAD_CONST;
        return instruction.opcode;
    case Opcode::LOAD_CONST: return next == Opcode::LOAD_FAST ? uint8_t{LOAD_CONST__LOAD_FAST} : instruction.opcode;
    case Opcode::COPY: return next == Opcode::COPY ? uint8_t{COPY__COPY} : instruction.opcode;
    case Opcode::SWAP: return next == Opcode::SWAP ? uint8_t{SWAP__SWAP} : instruction.opcode;
    case Opcode::STORE_FAST:
        if (next == Opcode::LOAD_FAST) return STORE_FAST__LOAD_FAST;
        if (next == Opcode::STORE_FAST) return STORE_FAST__STORE_FAST;
        return instruction.opcode;
    default: return instruction.opcode;
    }
}

std::unique_ptr<DecodedCode> decode(PyCodeObject* code) {
    constexpr int kGeneratorFlags = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE;
    if (code->co_flags & kGeneratorFlags) return nullptr;  // their frames belong to CPython (as in tier 2)
    Ref bytecode = Ref::steal(PyCode_GetCode(code));  // unquickened: never the live co_code_adaptive
    if (!bytecode) {
        PyErr_Clear();
        return nullptr;
    }
    auto bytes = [](PyObject* object) {
        return std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(PyBytes_AS_STRING(object)),
                                        PyBytes_GET_SIZE(object));
    };
    frontend::CodeInput input{bytes(bytecode.get()), bytes(code->co_exceptiontable), bytes(code->co_linetable),
                              code->co_firstlineno,
                              frontend::OperandLimits{static_cast<uint32_t>(PyTuple_GET_SIZE(code->co_consts)),
                                                      static_cast<uint32_t>(PyTuple_GET_SIZE(code->co_names)),
                                                      static_cast<uint32_t>(code->co_nlocalsplus)}};
    auto decoded = frontend::decodeCode(input);
    if (!decoded) return nullptr;
    auto result = std::make_unique<DecodedCode>();
    const auto instructions = decoded->bytecode.instructions();
    for (uint32_t i = 0; i < instructions.size(); i++) {
        const frontend::Instruction& instruction = instructions[i];
        int32_t site = -1;
        if (isProfiled(instruction.opcode)) {
            site = static_cast<int32_t>(result->profile.sites.size());
            result->profile.sites.push_back({});
            result->profile.sites.back().instruction = static_cast<int32_t>(i);
        }
        result->instructions.push_back({static_cast<uint8_t>(instruction.opcode),
                                        static_cast<uint8_t>(instruction.opcode),  // handler: chosen below
                                        static_cast<int32_t>(instruction.arg),
                                        static_cast<int32_t>(instruction.start.value()),
                                        static_cast<int32_t>(instruction.opcodeUnit().value()),
                                        instruction.jumpTarget ? static_cast<int32_t>(instruction.jumpTarget->value()) : -1,
                                        site,
                                        reinterpret_cast<_Py_CODEUNIT*>(code->co_code_adaptive) +
                                            instruction.opcodeUnit().value(),
                                        nullptr});
        if (instruction.jumpTarget && instruction.jumpTarget->value() <= i) result->hasLoops = true;
    }
    result->handlerOf.assign(instructions.size(), -1);
    for (const frontend::ExceptionTableEntry& entry : decoded->exceptionTable.entries()) {
        auto handler = static_cast<int32_t>(result->handlers.size());
        result->handlers.push_back({static_cast<int32_t>(entry.handler.value()), static_cast<int32_t>(entry.depth),
                                    entry.pushLasti});
        for (uint32_t i = entry.firstInstruction.value(); i < entry.endInstruction.value(); i++) {
            result->handlerOf[i] = handler;
        }
    }
    for (DecodedInstruction& instruction : result->instructions) {  // the sites are all there now
        if (instruction.site >= 0) instruction.profile = &result->profile.sites[instruction.site];
    }
    for (size_t i = 0; i < result->instructions.size(); i++) {
        const DecodedInstruction* following = i + 1 < result->instructions.size() ? &result->instructions[i + 1] : nullptr;
        result->instructions[i].handler = chooseHandler(result->instructions[i], following);
    }
    // One LOAD_GLOBAL and one attribute cache per site, indexed like the profile (a few unused for the
    // other opcodes).
    result->globalCaches.resize(result->profile.sites.size());
    result->attributeCaches.resize(result->profile.sites.size());
    return result;
}

// Py_DECREF with the deallocator called from this (inlined) site instead of _Py_Dealloc's one indirect call
// for all types, so the branch predictor learns each instruction's usual type, as it does for CPython's
// specialized instructions (_Py_DECREF_SPECIALIZED). Debug builds keep Py_DECREF's bookkeeping.
[[gnu::always_inline]] inline void release(PyObject* object) {
#if defined(Py_DEBUG) || defined(Py_REF_DEBUG) || defined(Py_TRACE_REFS)
    Py_DECREF(object);
#else
    if (--object->ob_refcnt == 0) Py_TYPE(object)->tp_dealloc(object);
#endif
}

// A list or tuple index as BINARY_SUBSCR_LIST_INT and STORE_SUBSCR_LIST_INT take it: a compact,
// non-negative int below `size`; -1 otherwise (negative indices and errors take the generic path).
Py_ssize_t directIndex(PyObject* key, Py_ssize_t size) {
    if (!fast::isCompactInt(key) || Py_SIZE(key) < 0) return -1;
    Py_ssize_t index = static_cast<Py_ssize_t>(reinterpret_cast<PyLongObject*>(key)->ob_digit[0]);
    return index < size ? index : -1;
}

// BINARY_SUBSCR: list[int], tuple[int] and dict[key] directly, as CPython 3.11's specializations.
PyObject* subscript(PyObject* container, PyObject* key, int) {
    if (PyList_CheckExact(container)) {
        if (Py_ssize_t index = directIndex(key, PyList_GET_SIZE(container)); index >= 0) {
            return Py_NewRef(PyList_GET_ITEM(container, index));
        }
    } else if (PyTuple_CheckExact(container)) {
        if (Py_ssize_t index = directIndex(key, PyTuple_GET_SIZE(container)); index >= 0) {
            return Py_NewRef(PyTuple_GET_ITEM(container, index));
        }
    } else if (PyDict_CheckExact(container)) {
        PyObject* value = PyDict_GetItemWithError(container, key);
        if (value != nullptr) return Py_NewRef(value);
        if (PyErr_Occurred()) return nullptr;  // unhashable key: dict_subscript raises the same
        // missing: the generic path raises the KeyError
    }
    return pyjit_binary_subscr(container, key);
}

// STORE_SUBSCR: list[int] = value directly, as STORE_SUBSCR_LIST_INT.
int storeSubscript(PyObject* container, PyObject* key, PyObject* value) {
    if (PyList_CheckExact(container)) {
        if (Py_ssize_t index = directIndex(key, PyList_GET_SIZE(container)); index >= 0) {
            PyObject* old = PyList_GET_ITEM(container, index);
            PyList_SET_ITEM(container, index, Py_NewRef(value));
            Py_DECREF(old);
            return 0;
        }
    }
    return pyjit_store_subscr(container, key, value);
}

const char* calleeName(const void* key) {
    auto* callee = static_cast<PyObject*>(const_cast<void*>(key));
    PyObject* name = nullptr;
    if (PyFunction_Check(callee)) {
        name = reinterpret_cast<PyFunctionObject*>(callee)->func_qualname;
    } else if (PyCFunction_Check(callee)) {
        return reinterpret_cast<PyCFunctionObject*>(callee)->m_ml->ml_name;
    } else if (PyType_Check(callee)) {
        return reinterpret_cast<PyTypeObject*>(callee)->tp_name;
    }
    const char* text = name != nullptr && PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : nullptr;
    if (text == nullptr) {
        PyErr_Clear();
        return Py_TYPE(callee)->tp_name;
    }
    return text;
}

// A Python callee's code object (CALL's second profile: the specialized tier calls that code directly).
const char* calleeCodeName(const void* key) {
    PyObject* name = static_cast<const PyCodeObject*>(key)->co_qualname;
    const char* text = PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : nullptr;
    if (text == nullptr) PyErr_Clear();
    return text != nullptr ? text : "<code>";
}

// The opcodes execute() has a label for; every other opcode goes to op_default.
#define PYJIT_TIER1_OPCODES(X) \
    X(NOP) \
    X(PRECALL) \
    X(RESUME) \
    X(KW_NAMES) \
    X(LOAD_FAST) \
    X(LOAD_CLOSURE) \
    X(STORE_FAST) \
    X(LOAD_CONST) \
    X(LOAD_DEREF) \
    X(STORE_DEREF) \
    X(MAKE_CELL) \
    X(COPY_FREE_VARS) \
    X(POP_TOP) \
    X(PUSH_NULL) \
    X(COPY) \
    X(SWAP) \
    X(RETURN_VALUE) \
    X(BINARY_OP) \
    X(COMPARE_OP) \
    X(CONTAINS_OP) \
    X(BINARY_SUBSCR) \
    X(IS_OP) \
    X(UNARY_POSITIVE) \
    X(UNARY_NEGATIVE) \
    X(UNARY_NOT) \
    X(UNARY_INVERT) \
    X(STORE_SUBSCR) \
    X(DELETE_SUBSCR) \
    X(LOAD_GLOBAL) \
    X(LOAD_ATTR) \
    X(STORE_ATTR) \
    X(LOAD_METHOD) \
    X(CALL) \
    X(GET_ITER) \
    X(FOR_ITER) \
    X(FORMAT_VALUE) \
    X(JUMP_FORWARD) \
    X(JUMP_BACKWARD_NO_INTERRUPT) \
    X(JUMP_BACKWARD) \
    X(POP_JUMP_FORWARD_IF_TRUE) \
    X(POP_JUMP_BACKWARD_IF_TRUE) \
    X(POP_JUMP_FORWARD_IF_FALSE) \
    X(POP_JUMP_BACKWARD_IF_FALSE) \
    X(POP_JUMP_FORWARD_IF_NONE) \
    X(POP_JUMP_BACKWARD_IF_NONE) \
    X(POP_JUMP_FORWARD_IF_NOT_NONE) \
    X(POP_JUMP_BACKWARD_IF_NOT_NONE) \
    X(JUMP_IF_TRUE_OR_POP) \
    X(JUMP_IF_FALSE_OR_POP) \
    X(UNPACK_SEQUENCE) \
    X(LIST_APPEND) \
    X(BUILD_TUPLE) \
    X(BUILD_LIST)

class Interpreter {
public:
    // `globals` and `builtins` are the frame's (its function's).
    Interpreter(PyThreadState* tstate, _PyInterpreterFrame* frame, CodeState& state, DecodedCode& code,
                PyObject* globals, PyObject* builtins)
        : tstate_(tstate),
          frame_(frame),
          state_(state),
          code_(code),
          locals_(reinterpret_cast<PyObject**>(reinterpret_cast<char*>(frame) + frameFields().localsplus)),
          stackBase_(locals_ + state.code->co_nlocalsplus),
          sp_(stackBase_),
          prevInstr_(reinterpret_cast<_Py_CODEUNIT**>(reinterpret_cast<char*>(frame) + frameFields().prevInstr)),
          consts_(&PyTuple_GET_ITEM(state.code->co_consts, 0)),
          names_(&PyTuple_GET_ITEM(state.code->co_names, 0)),
          globalCaches_(code.globalCaches.data()),
          attributeCaches_(code.attributeCaches.data()),
          globals_(globals),
          builtins_(builtins) {}

    PyObject* execute();
    // The rest of an activation compiled code left after a failed guard. At a loop head with a compiled
    // entry it returns to that code's exit, which tail-calls the entry (pyjit_deopt_resume): calling it from
    // here would nest a native activation in this one at every failure.
    PyObject* resumeAfterDeopt(size_t index, int depth) {
        pc_ = index;
        sp_ = stackBase_ + depth;
        resumedAfterDeopt_ = true;
        return execute();
    }

private:
    int depth() const { return static_cast<int>(sp_ - stackBase_); }
    const DecodedInstruction& at(size_t index) const { return code_.instructions[index]; }
    SiteProfile& site(const DecodedInstruction& instruction) { return *instruction.profile; }
    // While a compile of this code is queued, the profile is not recorded: the compile took its input from
    // it when it was queued, and a later compile reads what tier 1 sees after deoptimizations. Tier 1 runs
    // the code until the compile is installed (nbody's loop for 0.2 s), a fifth faster without it.
    bool profiling() const { return state_.tier != CodeTier::Queued; }

    // CPython's interpreter runs the rest of this activation from the instruction at `index`.
    PyObject* handOff(size_t index) {
        code_.profile.handOffs++;
        return pyjit_resume_in_cpython(tstate_, frame_, at(index).firstUnit - 1, depth(), 0);
    }
    // The instruction at `index` raised (the exception is set, its consumed inputs are off the stack):
    // ceval's error: and exception_unwind: in this frame. The traceback entry, then either the handler
    // the exception table gives the instruction (the stack cut to its depth, lasti and the exception
    // pushed, pc_ at the handler: returns kHandlerEntered) or leaving the activation (returns NULL).
    // With a tracer active, CPython's interpreter does all of it, reporting the exception.
    PyObject* raise(size_t index) {
        *prevInstr_ = at(index).prevInstr;
        return unwind(index, at(index).opcodeUnit);
    }
    // As raise(), where the helper already put prev_instr where CPython must see it (CALL).
    PyObject* raiseKeepingPrevInstr(size_t index) { return unwind(index, PYJIT_KEEP_PREV_INSTR); }
    PyObject* unwind(size_t index, int prevUnit);

    bool evalBreakerSet() const { return __atomic_load_n(frameFields().evalBreaker, __ATOMIC_RELAXED) != 0; }
    // cframe->use_tracing, as compiled code reads it (_PyCFrame is public in 3.11).
    bool tracing() const { return tstate_->cframe->use_tracing != 0; }

    void push(PyObject* value) { *sp_++ = value; }
    PyObject* pop() { return *--sp_; }
    PyObject* top(int fromTop) const { return sp_[-fromTop]; }

    void profileBranch(const DecodedInstruction& instruction, bool taken) {
        if (!profiling()) return;
        SiteProfile& profile = site(instruction);
        (taken ? profile.taken : profile.notTaken)++;
    }
    __attribute__((always_inline)) void profileOperandTypes(const DecodedInstruction& instruction, PyObject* first,
                                                            PyObject* second) {
        if (!profiling()) return;
        SiteProfile& profile = site(instruction);
        profile.operands[0].observe(Py_TYPE(first), code_.profile.names, typeName);
        if (second != nullptr) profile.operands[1].observe(Py_TYPE(second), code_.profile.names, typeName);
        if (isLongInt(first) || (second != nullptr && isLongInt(second))) profile.longInts++;
    }
    // An exact int beyond int64 (63 bits of magnitude). Not "more than two digits": a chain of unboxed int
    // operations (`(x * 1103515245 + 12345) & m`) keeps 61-bit values in registers, where no guard sees them.
    static bool isLongInt(PyObject* object) {
        if (!PyLong_CheckExact(object)) return false;
        // PyLong_SHIFT bits per digit: enough digits are past 63 bits whatever the top one holds.
        const Py_ssize_t bits = Py_ABS(Py_SIZE(object)) * PyLong_SHIFT;
        return bits > 63 + PyLong_SHIFT || (bits > 63 && _PyLong_NumBits(object) > 63);
    }
    void profileOwner(const DecodedInstruction& instruction, PyObject* owner) {
        if (!profiling()) return;
        PyTypeObject* type = Py_TYPE(owner);
        site(instruction).operands[0].observeVersioned(type, type->tp_version_tag, code_.profile.names, typeName);
    }
    void profileGlobals(const DecodedInstruction& instruction);

    // A back-edge from `index` to `target`: eval breaker, tracing, hotness, maybe OSR. Returns true and
    // sets `result` when the activation left tier 1.
    bool backEdge(size_t index, size_t target, PyObject*& result);
    bool enterCompiledLoop(size_t target, PyObject*& result);
    // A conditional jump on `truth`, profiled.
    bool branch(size_t index, bool truth, bool jumpIfTrue, PyObject*& result) {
        bool taken = truth == jumpIfTrue;
        profileBranch(at(index), taken);
        return taken && jump(index, result);
    }
    // A jump, taken: a back-edge when it goes backwards.
    bool jump(size_t index, PyObject*& result) {
        size_t target = static_cast<size_t>(at(index).jumpTarget);
        if (target <= index) {
            if (backEdge(index, target, result)) return true;
        }
        pc_ = target;
        return false;
    }
    // After an instruction that called out: ceval's next dispatch sees a tracer a callee installed.
    bool afterCall(size_t index, PyObject*& result) {
        if (!tracing()) return false;
        result = handOff(index + 1);
        return true;
    }
    bool checkEvalBreaker(size_t index, size_t resumeIndex, PyObject*& result) {
        if (!evalBreakerSet()) return false;
        int status = pyjit_handle_eval_breaker(tstate_);
        if (status == 0) return false;
        result = status < 0 ? raise(index) : handOff(resumeIndex);
        return true;
    }

    // Instruction groups, each returning true when the activation left tier 1 (result set).
    bool popJump(size_t index, bool jumpIfTrue, PyObject*& result);
    bool jumpOrPop(size_t index, bool jumpIfTrue, PyObject*& result);
    // Two inputs on top, one result: profiles the operand types (profiled sites), calls the helper,
    // releases the inputs, returns the helper's result. `sp` is execute()'s stack pointer.
    template <PyObject* (*helper)(PyObject*, PyObject*, int)>
    [[gnu::always_inline]] PyObject* binary(PyObject**& sp, const DecodedInstruction& instruction, int oparg) {
        PyObject* rhs = sp[-1];
        PyObject* lhs = sp[-2];
        if (instruction.profile != nullptr) profileOperandTypes(instruction, lhs, rhs);
        PyObject* value = helper(lhs, rhs, oparg);
        sp -= 2;
        release(lhs);
        release(rhs);
        return value;
    }
    bool call(size_t index, PyObject*& result);
    bool callFunction(PyObject* callee, PyObject** args, int argc, PyObject*& value);
    bool namespaces(size_t index, PyObject*& result);
    bool containers(size_t index, PyObject*& result);
    bool other(size_t index, PyObject*& result);
    // Result conventions of helpers.def.
    bool pushOrRaise(size_t index, PyObject* value, PyObject*& result) {
        if (value == nullptr) {
            result = raise(index);
            return true;
        }
        push(value);
        return false;
    }
    bool pushOrHandOff(size_t index, PyObject* value, PyObject*& result) {
        if (value == nullptr && !PyErr_Occurred()) {
            result = handOff(index);
            return true;
        }
        return pushOrRaise(index, value, result);
    }
    bool statusOnly(size_t index, int status, PyObject*& result) {
        if (status > 0) {
            result = handOff(index);
            return true;
        }
        if (status < 0) {
            result = raise(index);
            return true;
        }
        return false;
    }
    // One input on top consumed and released after the helper (STORE_NAME, STORE_GLOBAL, ...).
    bool consumeOne(size_t index, int status, PyObject*& result) {
        if (status > 0) {
            result = handOff(index);
            return true;
        }
        Py_DECREF(pop());
        if (status < 0) {
            result = raise(index);
            return true;
        }
        return false;
    }
    bool buildFromItems(size_t index, PyObject* (*helper)(PyObject**, int), int count, int helperCount,
                        bool mayHandOff, PyObject*& result) {
        PyObject* built = helper(sp_ - count, helperCount);
        if (mayHandOff && built == nullptr && !PyErr_Occurred()) {
            result = handOff(index);
            return true;
        }
        sp_ -= count;
        return pushOrRaise(index, built, result);
    }
    PyObject* name(int index) const { return names_[index]; }

    PyThreadState* tstate_;
    _PyInterpreterFrame* frame_;
    CodeState& state_;
    DecodedCode& code_;
    PyObject** locals_;
    PyObject** stackBase_;
    PyObject** sp_;
    _Py_CODEUNIT** prevInstr_;
    bool resumedAfterDeopt_ = false;  // OSR by returning to the compiled exit below (resumeAfterDeopt)
    PyObject** consts_;
    PyObject** names_;
    PyjitGlobalCache* globalCaches_;  // the per-site side tables of code_
    PyjitAttributeCache* attributeCaches_;
    PyObject* globals_;
    PyObject* builtins_;
    PyObject* kwnames_ = nullptr;  // set by KW_NAMES for the next CALL
    size_t pc_ = 0;
};

bool Interpreter::backEdge(size_t index, size_t target, PyObject*& result) {
    if (checkEvalBreaker(index, target, result)) return true;
    if (tracing()) {
        result = handOff(target);
        return true;
    }
    state_.backEdges++;
    return gSettings.compiles && enterCompiledLoop(target, result);
}

bool Interpreter::enterCompiledLoop(size_t target, PyObject*& result) {
    // Also with code installed: a recompile may be replacing it (JitCompiler::recompileWhileRunning), and a
    // frame that deoptimized comes through here on its way back into compiled code.
    if (JitCompiler::hasFinishedCompiles()) JitCompiler::installFinishedCompiles();
    if (state_.entry == nullptr) {
        if (state_.tier != CodeTier::Interpreter) return false;
        if (state_.calls + state_.backEdges <= gSettings.threshold) {
            if (state_.calls + state_.backEdges > gSettings.threshold / 4) JitCompiler::codeIsWarming();
            return false;
        }
        JitCompiler::compile(state_, JitRuntime::options().dumpDir, frame_, static_cast<uint32_t>(target));
        if (state_.entry == nullptr) return false;
    }
    auto resume = state_.resumeDepths.find(static_cast<uint32_t>(target));
    if (resume == state_.resumeDepths.end() || resume->second != depth()) {
        // A loop the compiled code left out as cold (docs/deopt.md, "Cold blocks") got hot: recompile.
        if (state_.coldLoopHeaders.contains(static_cast<uint32_t>(target)) &&
            ++state_.coldLoopBackEdges > gSettings.threshold) {
            coldLoopGotHot(state_, static_cast<uint32_t>(target), frame_);
        }
        return false;
    }
    state_.osrEntries++;
    gOsrEntries++;
    if (EventLog::active()) {
        const char* qualname = PyUnicode_AsUTF8(state_.code->co_qualname);
        const char* file = PyUnicode_AsUTF8(state_.code->co_filename);
        if (qualname == nullptr || file == nullptr) PyErr_Clear();
        EventLog::write("osr", {{"qualname", qualname != nullptr ? qualname : "?"},
                                {"file", file != nullptr ? file : "?"},
                                {"line", state_.code->co_firstlineno},
                                {"instruction", target},
                                {"offset", 2 * at(target).opcodeUnit},
                                {"depth", depth()},
                                {"after_deopt", resumedAfterDeopt_}});
    }
    // The frame stays entered and linked: the compiled code takes over its locals and stack values.
    pc_ = target;
    if (resumedAfterDeopt_) {
        requestReentry(state_.entry, static_cast<int>(target));
        result = pyjit_reentry_sentinel();
        return true;
    }
    result = static_cast<PyObject*>(state_.entry(tstate_, frame_, static_cast<int>(target)));
    return true;
}

PyObject* Interpreter::unwind(size_t index, int prevUnit) {
    if (!pyjit_raise_traceback(tstate_)) return pyjit_resume_in_cpython(tstate_, frame_, prevUnit, depth(), 1);
    int32_t handlerIndex = code_.handlerOf[index];
    int keep = handlerIndex >= 0 ? code_.handlers[handlerIndex].depth : 0;
    while (depth() > keep) Py_XDECREF(pop());
    if (handlerIndex < 0) {
        pyjit_unwind_leave(tstate_, frame_);
        return nullptr;
    }
    const DecodedHandler& handler = code_.handlers[handlerIndex];
    if (handler.pushLasti) push(pyjit_handler_lasti(frame_));
    push(pyjit_handler_exception(tstate_));
    pc_ = static_cast<size_t>(handler.target);
    return kHandlerEntered;
}

void Interpreter::profileGlobals(const DecodedInstruction& instruction) {
    if (!profiling()) return;
    SiteProfile& profile = site(instruction);
    // The dict versions pyjit_load_global validated (or filled in) for this execution.
    const PyjitGlobalCache& cache = globalCaches_[instruction.site];
    uint64_t globalsVersion = cache.globals_version;
    uint64_t builtinsVersion = cache.builtins_version;
    if (globalsVersion != profile.globalsVersion || builtinsVersion != profile.builtinsVersion) {
        if (profile.globalsVersion != 0) profile.versionChanges++;
        profile.globalsVersion = globalsVersion;
        profile.builtinsVersion = builtinsVersion;
    }
}

bool Interpreter::popJump(size_t index, bool jumpIfTrue, PyObject*& result) {
    PyObject* condition = pop();
    int truth = pyjit_is_true(condition);
    Py_DECREF(condition);
    if (truth < 0) {
        result = raise(index);
        return true;
    }
    return branch(index, truth > 0, jumpIfTrue, result);
}

bool Interpreter::jumpOrPop(size_t index, bool jumpIfTrue, PyObject*& result) {
    PyObject* condition = top(1);
    int truth = pyjit_is_true(condition);
    if (truth < 0) {  // the condition stays on the stack, as in ceval
        result = raise(index);
        return true;
    }
    bool taken = (truth > 0) == jumpIfTrue;
    profileBranch(at(index), taken);
    if (taken) return jump(index, result);
    Py_DECREF(pop());
    return false;
}

bool Interpreter::call(size_t index, PyObject*& result) {
    int argc = at(index).oparg;
    PyObject** operands = sp_ - (argc + 2);
    PyObject* kwnames = kwnames_;
    kwnames_ = nullptr;
    PyObject* value = pyjit_call(frame_, operands, argc, kwnames);
    sp_ = operands;
    // The helper chose prev_instr (the CALL, or its last cache unit for Python callees); keep it.
    if (value == nullptr) {
        result = raiseKeepingPrevInstr(index);
        return true;
    }
    push(value);
    return checkEvalBreaker(index, index + 1, result) || afterCall(index, result);
}

// CALL's fast path for a plain Python function without keyword arguments: its frame is pushed here and,
// when it runs in tier 1 (always so in mode interp once decoded), runs in a nested activation without
// pyjit_call's and the hook's detours (pyjit_run_direct_call decides as the hook would otherwise). Returns
// false when the call must take pyjit_call's path; nothing happened then.
bool Interpreter::callFunction(PyObject* callee, PyObject** args, int argc, PyObject*& value) {
    _PyInterpreterFrame* frame = pyjit_push_direct_frame(tstate_, frame_, callee, args, argc);
    if (frame == nullptr) return false;
    PyCodeObject* code = reinterpret_cast<PyCodeObject*>(reinterpret_cast<PyFunctionObject*>(callee)->func_code);
    CodeState* state = CodeStateRegistry::find(code);
    if (!gSettings.compiles && state != nullptr && state->tier1 != nullptr) {
        state->calls++;  // as the hook counts a call
        auto* function = reinterpret_cast<PyFunctionObject*>(callee);  // the frame's globals and builtins
        value = pyjit_frame_enter(tstate_, frame) < 0
                    ? nullptr
                    : Interpreter(tstate_, frame, *state, *state->tier1, function->func_globals, function->func_builtins)
                          .execute();
    } else {
        value = pyjit_run_direct_call(tstate_, frame, code);
    }
    pyjit_pop_direct_frame(tstate_, frame);
    return true;
}

bool Interpreter::namespaces(size_t index, PyObject*& result) {
    const DecodedInstruction& instruction = at(index);
    const int oparg = instruction.oparg;
    switch (static_cast<Opcode>(instruction.opcode)) {
    case Opcode::LOAD_NAME: return pushOrHandOff(index, pyjit_load_name(frame_, name(oparg)), result);
    case Opcode::STORE_NAME: return consumeOne(index, pyjit_store_name(frame_, name(oparg), top(1)), result);
    case Opcode::DELETE_NAME: return statusOnly(index, pyjit_delete_name(frame_, name(oparg)), result);
    case Opcode::LOAD_CLASSDEREF: return pushOrHandOff(index, pyjit_load_classderef(frame_, oparg), result);
    case Opcode::STORE_GLOBAL: return consumeOne(index, pyjit_store_global(frame_, name(oparg), top(1)), result);
    case Opcode::DELETE_GLOBAL: return statusOnly(index, pyjit_delete_global(frame_, name(oparg)), result);
    case Opcode::DELETE_FAST: {
        PyObject* value = locals_[oparg];
        if (value == nullptr) {  // CPython raises the exact UnboundLocalError
            result = handOff(index);
            return true;
        }
        locals_[oparg] = nullptr;
        Py_DECREF(value);
        return false;
    }
    case Opcode::DELETE_DEREF: return statusOnly(index, pyjit_delete_deref(locals_[oparg]), result);
    case Opcode::DELETE_ATTR:
        // PyObject_SetAttr with a NULL value deletes, exactly ceval's call.
        return consumeOne(index, pyjit_store_attr(top(1), name(oparg), nullptr), result);
    case Opcode::IMPORT_NAME: {
        PyObject* fromlist = top(1);
        PyObject* level = top(2);
        PyObject* module = pyjit_import_name(frame_, name(oparg), fromlist, level);
        if (module == nullptr && !PyErr_Occurred()) {  // no __import__ in builtins: CPython's ImportError
            result = handOff(index);
            return true;
        }
        sp_ -= 2;
        Py_DECREF(level);
        Py_DECREF(fromlist);
        return pushOrRaise(index, module, result) || afterCall(index, result);
    }
    case Opcode::IMPORT_FROM: return pushOrHandOff(index, pyjit_import_from(top(1), name(oparg)), result);
    case Opcode::IMPORT_STAR:
        return consumeOne(index, pyjit_import_star(frame_, top(1)), result) || afterCall(index, result);
    case Opcode::SETUP_ANNOTATIONS: return statusOnly(index, pyjit_setup_annotations(frame_), result);
    case Opcode::LOAD_BUILD_CLASS: return pushOrHandOff(index, pyjit_load_build_class(frame_), result);
    case Opcode::MAKE_FUNCTION: {
        int count = 1 + std::popcount(static_cast<unsigned>(oparg & kMakeFunctionFlags));
        PyObject* function = pyjit_make_function(frame_, sp_ - count, oparg);  // steals the items
        sp_ -= count;
        return pushOrRaise(index, function, result);
    }
    default: return other(index, result);
    }
}

// BUILD_TUPLE, BUILD_LIST, LIST_APPEND and UNPACK_SEQUENCE have their labels in execute().
bool Interpreter::containers(size_t index, PyObject*& result) {
    const DecodedInstruction& instruction = at(index);
    const int oparg = instruction.oparg;
    switch (static_cast<Opcode>(instruction.opcode)) {
    case Opcode::BUILD_STRING: return buildFromItems(index, pyjit_build_string, oparg, oparg, false, result);
    case Opcode::BUILD_MAP: return buildFromItems(index, pyjit_build_map, 2 * oparg, oparg, false, result);
    case Opcode::BUILD_CONST_KEY_MAP:
        return buildFromItems(index, pyjit_build_const_key_map, oparg + 1, oparg, true, result);
    case Opcode::BUILD_SET: return buildFromItems(index, pyjit_build_set, oparg, oparg, false, result);
    case Opcode::BUILD_SLICE: {
        bool hasStep = oparg == 3;
        PyObject* step = hasStep ? top(1) : nullptr;
        PyObject* stop = top(hasStep ? 2 : 1);
        PyObject* start = top(hasStep ? 3 : 2);
        PyObject* slice = pyjit_build_slice(start, stop, step);
        sp_ -= hasStep ? 3 : 2;
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_XDECREF(step);
        return pushOrRaise(index, slice, result);
    }
    case Opcode::LIST_EXTEND: return consumeOne(index, pyjit_list_extend(top(oparg + 1), top(1)), result);
    case Opcode::SET_UPDATE: return consumeOne(index, pyjit_set_update(top(oparg + 1), top(1)), result);
    case Opcode::DICT_UPDATE: return consumeOne(index, pyjit_dict_update(top(oparg + 1), top(1)), result);
    case Opcode::DICT_MERGE: return consumeOne(index, pyjit_dict_merge(top(oparg + 1), top(1)), result);
    case Opcode::SET_ADD: {
        PyObject* item = pop();  // stolen by the helper
        if (pyjit_set_add(top(oparg), item) < 0) {
            result = raise(index);
            return true;
        }
        return false;
    }
    case Opcode::MAP_ADD: {
        PyObject* value = top(1);
        PyObject* key = top(2);
        sp_ -= 2;  // both stolen by the helper
        if (pyjit_map_add(top(oparg), key, value) < 0) {
            result = raise(index);
            return true;
        }
        return false;
    }
    case Opcode::LIST_TO_TUPLE: {
        PyObject* list = pop();
        PyObject* tuple = pyjit_list_to_tuple(list);
        Py_DECREF(list);
        return pushOrRaise(index, tuple, result);
    }
    case Opcode::UNPACK_EX: {
        int total = (oparg & kUnpackBeforeMask) + 1 + (oparg >> kUnpackAfterShift);
        std::vector<PyObject*> items(total);
        if (consumeOne(index, pyjit_unpack_ex(top(1), oparg, items.data()), result)) return true;
        for (PyObject* item : items) push(item);
        return false;
    }
    default: return namespaces(index, result);
    }
}

bool Interpreter::other(size_t index, PyObject*& result) {
    const DecodedInstruction& instruction = at(index);
    const int oparg = instruction.oparg;
    switch (static_cast<Opcode>(instruction.opcode)) {
    case Opcode::CALL_FUNCTION_EX: {
        bool hasKwargs = (oparg & kCallHasKwargs) != 0;
        PyObject* kwargs = hasKwargs ? top(1) : nullptr;
        PyObject* callargs = top(hasKwargs ? 2 : 1);
        PyObject* function = top(hasKwargs ? 3 : 2);
        PyObject* value = pyjit_call_function_ex(function, callargs, kwargs);  // steals them
        if (value == nullptr && !PyErr_Occurred()) {  // argument errors that name the callee: CPython's
            result = handOff(index);
            return true;
        }
        sp_ -= hasKwargs ? 4 : 3;  // with the NULL below the function
        return pushOrRaise(index, value, result) || checkEvalBreaker(index, index + 1, result) ||
               afterCall(index, result);
    }
    case Opcode::BEFORE_WITH: {
        PyObject* pair[2] = {nullptr, nullptr};
        int status = pyjit_before_with(top(1), pair);  // steals the manager
        if (status > 0) {                              // not a context manager: CPython's TypeError
            result = handOff(index);
            return true;
        }
        sp_--;
        if (status < 0) {
            if (status == -2) push(pair[0]);  // __enter__() raised with __exit__ already on the stack
            result = raise(index);
            return true;
        }
        push(pair[0]);
        push(pair[1]);
        return afterCall(index, result);
    }
    case Opcode::PRINT_EXPR: {
        int status = pyjit_print_expr(top(1));  // steals the value
        if (status > 0) {                       // no sys.displayhook: CPython's
            result = handOff(index);
            return true;
        }
        sp_--;
        if (status < 0) {
            result = raise(index);
            return true;
        }
        return afterCall(index, result);
    }
    case Opcode::LOAD_ASSERTION_ERROR: push(pyjit_load_assertion_error()); return false;
    case Opcode::GET_LEN: return pushOrRaise(index, pyjit_get_len(top(1)), result);
    case Opcode::MATCH_MAPPING: push(pyjit_match_mapping(top(1))); return false;
    case Opcode::MATCH_SEQUENCE: push(pyjit_match_sequence(top(1))); return false;
    case Opcode::MATCH_KEYS: return pushOrRaise(index, pyjit_match_keys(top(2), top(1)), result);
    case Opcode::MATCH_CLASS: {
        PyObject* names = top(1);
        PyObject* type = top(2);
        PyObject* subject = top(3);
        PyObject* attributes = pyjit_match_class(subject, type, oparg, names);
        if (attributes == nullptr && !PyErr_Occurred()) {  // not a class: CPython's TypeError
            result = handOff(index);
            return true;
        }
        sp_ -= 2;
        Py_DECREF(names);
        Py_DECREF(type);
        if (attributes == nullptr) {  // the subject stays, as in ceval
            result = raise(index);
            return true;
        }
        sp_[-1] = attributes;
        Py_DECREF(subject);
        return false;
    }
    case Opcode::RAISE_VARARGS: {
        if (oparg == 0) {  // bare raise: a re-raise, CPython's (no new traceback entry)
            result = handOff(index);
            return true;
        }
        int status = pyjit_raise_varargs(top(oparg), oparg == 2 ? top(1) : nullptr);
        if (status > 0) {
            result = handOff(index);
            return true;
        }
        sp_ -= oparg;
        result = raise(index);
        return true;
    }
    case Opcode::PUSH_EXC_INFO: {
        PyObject* exception = top(1);
        sp_[-1] = pyjit_push_exc_info(tstate_, exception);
        push(exception);
        return false;
    }
    case Opcode::POP_EXCEPT: pyjit_pop_except(tstate_, pop()); return false;
    case Opcode::CHECK_EXC_MATCH: {
        PyObject* matched = pyjit_check_exc_match(top(2), top(1));
        if (matched == nullptr) {  // an except clause that names no exception class: CPython's TypeError
            result = handOff(index);
            return true;
        }
        Py_DECREF(pop());
        push(matched);
        return false;
    }
    default:
        // Not run by tier 1 (RERAISE and the other handler instructions, generator instructions, ...):
        // CPython's from here.
        result = handOff(index);
        return true;
    }
}

// Threaded dispatch: each instruction ends with its own indirect jump to the next one's label, which
// predicts far better than one shared switch. `instruction` and `oparg` describe the running
// instruction (index() is its index); prev_instr points at it before it runs, as in compiled code.
//
// As in ceval, the stack pointer and the next instruction live in locals (registers) while the loop
// runs. Only this activation's own member functions read the members sp_ and pc_ (handOff and raise
// give the stack depth to CPython), so the locals are written back just before those run.
PyObject* Interpreter::execute() {
    static void* targets[256];
    if (targets[0] == nullptr) {
        for (void*& target : targets) target = &&op_default;
#define PYJIT_TIER1_LABEL(name) targets[static_cast<int>(Opcode::name)] = &&op_##name;
        PYJIT_TIER1_OPCODES(PYJIT_TIER1_LABEL)
#undef PYJIT_TIER1_LABEL
#define PYJIT_TIER1_HANDLER_LABEL(name, number) targets[name] = &&op_##name;
        PYJIT_TIER1_HANDLERS(PYJIT_TIER1_HANDLER_LABEL)
#undef PYJIT_TIER1_HANDLER_LABEL
    }
    PyObject* result = nullptr;
    const DecodedInstruction* const instructions = code_.instructions.data();
    _Py_CODEUNIT** const prevInstr = prevInstr_;
    PyObject** const locals = locals_;
    PyObject** sp = sp_;
    const DecodedInstruction* next = instructions + pc_;
    const DecodedInstruction* instruction;
    int oparg;
    // The running instruction's index, for the paths that leave the loop or count a back-edge.
    auto index = [&] { return static_cast<size_t>(instruction - instructions); };
#define SYNC_OUT() (sp_ = sp, pc_ = static_cast<size_t>(next - instructions))
#define SYNC_IN() (sp = sp_, next = instructions + pc_)
    // A member function returning true when the activation left tier 1 (`result` set).
    // An exception unwound to a handler in this frame (kHandlerEntered) goes on there.
#define MEMBER(call)                                   \
    do {                                               \
        SYNC_OUT();                                    \
        if (call) {                                    \
            if (result != kHandlerEntered) return result; \
            SYNC_IN();                                 \
            DISPATCH();                                \
        }                                              \
        SYNC_IN();                                     \
    } while (0)
#define LEAVE(exit)                                \
    do {                                           \
        SYNC_OUT();                                \
        result = (exit);                           \
        if (result != kHandlerEntered) return result; \
        SYNC_IN();                                 \
        DISPATCH();                                \
    } while (0)
#define TARGET(name) op_##name:
#define DISPATCH()                                     \
    do {                                               \
        instruction = next++;                          \
        oparg = instruction->oparg;                    \
        *prevInstr = instruction->prevInstr;           \
        goto* targets[instruction->handler];           \
    } while (0)
    // A back-edge to `target`: only counted, unless there is more to do (backEdge()).
#define BACK_EDGE(target)                                                  \
    do {                                                                   \
        if (evalBreakerSet() || tracing() || gSettings.compiles) {         \
            MEMBER(backEdge(index(), target, result));                     \
        } else {                                                           \
            state_.backEdges++;                                            \
        }                                                                  \
    } while (0)
    // A conditional jump at `index()` on `truth` (already known; the condition is off the stack).
#define BRANCH(truth, jumpIfTrue)                                      \
    do {                                                               \
        bool taken = (truth) == (jumpIfTrue);                          \
        profileBranch(*instruction, taken);                            \
        if (taken) {                                                   \
            size_t target = static_cast<size_t>(instruction->jumpTarget); \
            if (target <= index()) BACK_EDGE(target);                   \
            next = instructions + target;                              \
        }                                                              \
    } while (0)
    DISPATCH();
    TARGET(NOP)
    TARGET(PRECALL)  // CALL handles bound methods itself
        DISPATCH();
    TARGET(RESUME)
        if (oparg < 2 && evalBreakerSet()) MEMBER(checkEvalBreaker(index(), index() + 1, result));
        DISPATCH();
    TARGET(KW_NAMES) kwnames_ = consts_[oparg]; DISPATCH();
    TARGET(LOAD_FAST)
    TARGET(LOAD_CLOSURE) {
        PyObject* value = locals[oparg];
        if (value == nullptr) LEAVE(handOff(index()));  // CPython raises the exact UnboundLocalError
        Py_INCREF(value);
        *sp++ = value;
        DISPATCH();
    }
    TARGET(STORE_FAST) {
        PyObject* old = locals[oparg];
        locals[oparg] = *--sp;
        if (old != nullptr) release(old);
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {  // PyCell_GET / PyCell_SET, inline as in compiled code
        PyObject* value = PyCell_GET(locals[oparg]);
        if (value == nullptr) LEAVE(handOff(index()));  // CPython raises the exact NameError
        *sp++ = Py_NewRef(value);
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        PyObject* cell = locals[oparg];
        PyObject* old = PyCell_GET(cell);
        PyCell_SET(cell, *--sp);
        if (old != nullptr) release(old);
        DISPATCH();
    }
    TARGET(MAKE_CELL)
        if (pyjit_make_cell(frame_, oparg) < 0) LEAVE(raise(index()));
        DISPATCH();
    TARGET(COPY_FREE_VARS) pyjit_copy_free_vars(frame_, oparg); DISPATCH();
    TARGET(LOAD_CONST) *sp++ = Py_NewRef(consts_[oparg]); DISPATCH();
    TARGET(POP_TOP) {
        PyObject* value = *--sp;
        release(value);
        DISPATCH();
    }
    TARGET(PUSH_NULL) *sp++ = nullptr; DISPATCH();
    TARGET(COPY) {
        PyObject* value = sp[-oparg];
        *sp++ = Py_NewRef(value);
        DISPATCH();
    }
    TARGET(SWAP) std::swap(sp[-1], sp[-oparg]); DISPATCH();
    // Super-instructions: the second instruction's work right after the first's, in the same order, with
    // no dispatch between (nothing can look at prev_instr in between, except a __del__ run by the first
    // one's release, which sees it at the first as in CPython). A case they do not cover (an unbound local)
    // goes on at the first one's own label.
    TARGET(LOAD_FAST__LOAD_FAST) {
        PyObject* first = locals[oparg];
        PyObject* second = locals[next->oparg];
        if (first == nullptr || second == nullptr) goto op_LOAD_FAST;
        Py_INCREF(first);
        Py_INCREF(second);
        sp[0] = first;
        sp[1] = second;
        sp += 2;
        next++;
        DISPATCH();
    }
    TARGET(LOAD_FAST__LOAD_CONST) {
        PyObject* value = locals[oparg];
        if (value == nullptr) goto op_LOAD_FAST;
        Py_INCREF(value);
        sp[0] = value;
        sp[1] = Py_NewRef(consts_[next->oparg]);
        sp += 2;
        next++;
        DISPATCH();
    }
    TARGET(LOAD_CONST__LOAD_FAST) {
        PyObject* value = locals[next->oparg];
        if (value == nullptr) goto op_LOAD_CONST;
        Py_INCREF(value);
        sp[0] = Py_NewRef(consts_[oparg]);
        sp[1] = value;
        sp += 2;
        next++;
        DISPATCH();
    }
    TARGET(STORE_FAST__LOAD_FAST) {
        PyObject* old = locals[oparg];
        locals[oparg] = *--sp;
        if (old != nullptr) release(old);
        PyObject* value = locals[next->oparg];  // read after the release, as the LOAD_FAST would
        if (value == nullptr) {
            instruction = next++;
            *prevInstr = instruction->prevInstr;
            LEAVE(handOff(index()));
        }
        Py_INCREF(value);
        *sp++ = value;
        next++;
        DISPATCH();
    }
    TARGET(STORE_FAST__STORE_FAST) {
        PyObject* old = locals[oparg];
        locals[oparg] = *--sp;
        if (old != nullptr) release(old);
        const int secondIndex = next->oparg;
        old = locals[secondIndex];
        locals[secondIndex] = *--sp;
        if (old != nullptr) release(old);
        next++;
        DISPATCH();
    }
    TARGET(COPY__COPY) {
        sp[0] = Py_NewRef(sp[-oparg]);
        sp++;
        sp[0] = Py_NewRef(sp[-next->oparg]);
        sp++;
        next++;
        DISPATCH();
    }
    TARGET(SWAP__SWAP) {
        std::swap(sp[-1], sp[-oparg]);
        std::swap(sp[-1], sp[-next->oparg]);
        next++;
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        PyObject* value = *--sp;
        pyjit_frame_leave(tstate_, frame_);
        return value;
    }
    TARGET(BINARY_OP) {
        PyObject* rhs = sp[-1];
        PyObject* lhs = sp[-2];
        profileOperandTypes(*instruction, lhs, rhs);
        bool handled;
        PyObject* value = fast::binaryOp(lhs, rhs, oparg, handled);
        if (!handled) goto binary_op_generic;
        sp -= 2;
        release(lhs);
        release(rhs);
        if (value == nullptr) LEAVE(raise(index()));
        *sp++ = value;
        DISPATCH();
    }
    binary_op_generic: {  // a BINARY_OP without a fast path: its profile is recorded, its operands on top
        PyObject* rhs = sp[-1];
        PyObject* lhs = sp[-2];
        // `s += t` then STORE_FAST s, on strs: append into the local, as CPython 3.11 does (see the helper).
        if ((oparg == fast::kAdd || oparg == fast::kInPlaceAdd) && PyUnicode_CheckExact(lhs) &&
            next[0].opcode == static_cast<uint8_t>(frontend::Opcode::STORE_FAST)) {
            PyObject** local = &locals[next[0].oparg];
            int status = pyjit_unicode_append_to_local(local, lhs, rhs);
            if (status != 1) {
                sp -= 2;
                if (status != 0) LEAVE(raise(index()));
                *sp++ = Py_NewRef(*local);
                DISPATCH();
            }
        }
        PyObject* value = pyjit_binary_op(lhs, rhs, oparg);
        sp -= 2;
        release(lhs);
        release(rhs);
        if (value == nullptr) LEAVE(raise(index()));
        *sp++ = value;
        DISPATCH();
    }
    // BINARY_OP with its operation known: the operation's int and float fast paths only; other operands
    // go on at BINARY_OP's label, past its fast paths and profile.
#define BINARY_OP_WITH(name, operation)                                          \
    TARGET(name) {                                                               \
        PyObject* rhs = sp[-1];                                                  \
        PyObject* lhs = sp[-2];                                                  \
        profileOperandTypes(*instruction, lhs, rhs);                             \
        bool handled;                                                            \
        PyObject* value = fast::binaryOp(lhs, rhs, operation, handled);          \
        if (!handled) goto binary_op_generic;                                    \
        sp -= 2;                                                                 \
        release(lhs);                                                            \
        release(rhs);                                                            \
        if (value == nullptr) LEAVE(raise(index()));                             \
        *sp++ = value;                                                           \
        DISPATCH();                                                              \
    }
    BINARY_OP_WITH(BINARY_OP_ADD, fast::kAdd)
    BINARY_OP_WITH(BINARY_OP_SUBTRACT, fast::kSubtract)
    BINARY_OP_WITH(BINARY_OP_MULTIPLY, fast::kMultiply)
    BINARY_OP_WITH(BINARY_OP_TRUE_DIVIDE, fast::kTrueDivide)
#undef BINARY_OP_WITH
    // COMPARE_OP with its comparison known, followed by a POP_JUMP_IF_FALSE/TRUE: two ints or floats
    // compared and the jump taken without a bool; other operands go on at COMPARE_OP's label.
#define COMPARE_JUMP(name, comparison, jumpIfTrue)                         \
    TARGET(name) {                                                         \
        PyObject* rhs = sp[-1];                                            \
        PyObject* lhs = sp[-2];                                            \
        int truth = fast::compare(lhs, rhs, comparison);                   \
        if (truth < 0) goto op_COMPARE_OP;                                 \
        profileOperandTypes(*instruction, lhs, rhs);                       \
        sp -= 2;                                                           \
        release(lhs);                                                      \
        release(rhs);                                                      \
        instruction = next++;                                              \
        *prevInstr = instruction->prevInstr;                               \
        BRANCH(truth != 0, jumpIfTrue);                                    \
        DISPATCH();                                                        \
    }
    COMPARE_JUMP(COMPARE_LT_JUMP_IF_FALSE, Py_LT, false)
    COMPARE_JUMP(COMPARE_LE_JUMP_IF_FALSE, Py_LE, false)
    COMPARE_JUMP(COMPARE_EQ_JUMP_IF_FALSE, Py_EQ, false)
    COMPARE_JUMP(COMPARE_NE_JUMP_IF_FALSE, Py_NE, false)
    COMPARE_JUMP(COMPARE_GT_JUMP_IF_FALSE, Py_GT, false)
    COMPARE_JUMP(COMPARE_GE_JUMP_IF_FALSE, Py_GE, false)
    COMPARE_JUMP(COMPARE_LT_JUMP_IF_TRUE, Py_LT, true)
    COMPARE_JUMP(COMPARE_LE_JUMP_IF_TRUE, Py_LE, true)
    COMPARE_JUMP(COMPARE_EQ_JUMP_IF_TRUE, Py_EQ, true)
    COMPARE_JUMP(COMPARE_NE_JUMP_IF_TRUE, Py_NE, true)
    COMPARE_JUMP(COMPARE_GT_JUMP_IF_TRUE, Py_GT, true)
    COMPARE_JUMP(COMPARE_GE_JUMP_IF_TRUE, Py_GE, true)
#undef COMPARE_JUMP
    TARGET(COMPARE_OP) {
        // Two ints or floats followed by a POP_JUMP_IF_TRUE/FALSE: compare and branch without the bool,
        // as COMPARE_OP_INT_JUMP and COMPARE_OP_FLOAT_JUMP.
        PyObject* rhs = sp[-1];
        PyObject* lhs = sp[-2];
        int jumpSense = popJumpSense(next[0].opcode);  // something follows: it uses the result
        int truth = jumpSense >= 0 ? fast::compare(lhs, rhs, oparg) : -1;
        if (truth < 0) {
            PyObject* value = binary<pyjit_compare_op>(sp, *instruction, oparg);
            if (value == nullptr) LEAVE(raise(index()));
            *sp++ = value;
            DISPATCH();
        }
        profileOperandTypes(*instruction, lhs, rhs);
        sp -= 2;
        release(lhs);
        release(rhs);
        instruction = next++;
        *prevInstr = instruction->prevInstr;  // what a signal handler at a back-edge sees
        BRANCH(truth != 0, jumpSense != 0);
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        PyObject* value = binary<pyjit_contains_op>(sp, *instruction, oparg);
        if (value == nullptr) LEAVE(raise(index()));
        *sp++ = value;
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        PyObject* value = binary<subscript>(sp, *instruction, 0);
        if (value == nullptr) LEAVE(raise(index()));
        *sp++ = value;
        DISPATCH();
    }
    TARGET(IS_OP) {
        PyObject* rhs = *--sp;
        PyObject* lhs = *--sp;
        bool same = (lhs == rhs) != (oparg != 0);
        release(lhs);
        release(rhs);
        *sp++ = Py_NewRef(same ? Py_True : Py_False);
        DISPATCH();
    }
    TARGET(UNARY_POSITIVE)
    TARGET(UNARY_NEGATIVE)
    TARGET(UNARY_NOT)
    TARGET(UNARY_INVERT) {
        PyObject* value = *--sp;
        PyObject* unary = pyjit_unary_op(value, static_cast<int>(unaryOperation(instruction->opcode)));
        release(value);
        if (unary == nullptr) LEAVE(raise(index()));
        *sp++ = unary;
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        PyObject* key = sp[-1];
        PyObject* container = sp[-2];
        PyObject* value = sp[-3];
        profileOperandTypes(*instruction, container, key);
        int status = storeSubscript(container, key, value);
        sp -= 3;
        release(value);
        release(container);
        release(key);
        if (status < 0) LEAVE(raise(index()));
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        PyObject* key = sp[-1];
        PyObject* container = sp[-2];
        int status = pyjit_delete_subscr(container, key);
        sp -= 2;
        release(container);
        release(key);
        if (status < 0) LEAVE(raise(index()));
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        PyjitGlobalCache* cache = &globalCaches_[instruction->site];
        PyObject* value = pyjit_global_cache_hit(cache, globals_, builtins_);
        if (value != nullptr) {
            // A hit: the dict versions are the cache's, which the profile recorded when the cache was filled.
            Py_INCREF(value);
        } else {
            value = pyjit_load_global(frame_, name(oparg >> 1), cache);
            if (value == nullptr) LEAVE(PyErr_Occurred() ? raise(index()) : handOff(index()));
            profileGlobals(*instruction);
        }
        if (oparg & 1) *sp++ = nullptr;
        *sp++ = value;
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        PyObject* owner = *--sp;
        profileOwner(*instruction, owner);
        PyObject* value = pyjit_load_attr_cached(owner, name(oparg), &attributeCaches_[instruction->site]);
        release(owner);
        if (value == nullptr) LEAVE(raise(index()));
        *sp++ = value;
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        PyObject* owner = sp[-1];
        PyObject* value = sp[-2];
        profileOwner(*instruction, owner);
        int status = pyjit_store_attr_cached(owner, name(oparg), value, &attributeCaches_[instruction->site]);
        sp -= 2;
        release(value);  // ceval's order: a __del__ can tell
        release(owner);
        if (status < 0) LEAVE(raise(index()));
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        profileOwner(*instruction, sp[-1]);
        // Steals the owner (top of stack) and writes [method, self] or [NULL, attribute] in its place.
        if (pyjit_load_method_cached(sp[-1], name(oparg), sp - 1, &attributeCaches_[instruction->site]) < 0) {
            sp--;
            LEAVE(raise(index()));
        }
        sp++;
        DISPATCH();
    }
    TARGET(CALL) {
        PyObject** operands = sp - (oparg + 2);
        PyObject* callee = operands[0] != nullptr ? operands[0] : operands[1];
        if (profiling()) site(*instruction).operands[0].observe(callee, code_.profile.names, calleeName);
        if (Py_TYPE(callee) == &PyFunction_Type && profiling()) {
            // The code, with the stack's form as its version: 1 for [NULL, function, args...], 2 for a method.
            PyObject* calleeCode = reinterpret_cast<PyFunctionObject*>(callee)->func_code;
            site(*instruction)
                .operands[1]
                .observeVersioned(calleeCode, operands[0] != nullptr ? 2 : 1, code_.profile.names, calleeCodeName);
        }
        if (Py_TYPE(callee) == &PyFunction_Type && kwnames_ == nullptr) {
            bool isMethod = operands[0] != nullptr;  // [function, self, args...]
            PyObject* value;
            if (callFunction(callee, operands + 2 - isMethod, oparg + isMethod, value)) {
                sp = operands;
                // prev_instr is at the CALL's last cache unit (the push moved it), where CPython's CALL raises.
                if (value == nullptr) LEAVE(raiseKeepingPrevInstr(index()));
                *sp++ = value;
                if (evalBreakerSet() || tracing()) MEMBER(checkEvalBreaker(index(), index() + 1, result) || afterCall(index(), result));
                DISPATCH();
            }
        }
        MEMBER(call(index(), result));
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {  // exact tuples and lists of the right length inline, as UNPACK_SEQUENCE_TUPLE
        PyObject* sequence = sp[-1];
        if (profiling()) site(*instruction).operands[0].observe(Py_TYPE(sequence), code_.profile.names, typeName);
        PyObject** items;
        if (PyTuple_CheckExact(sequence) && PyTuple_GET_SIZE(sequence) == oparg) {
            items = &PyTuple_GET_ITEM(sequence, 0);
        } else if (PyList_CheckExact(sequence) && PyList_GET_SIZE(sequence) == oparg) {
            items = &PyList_GET_ITEM(sequence, 0);
        } else {
            LEAVE(handOff(index()));  // iterables, wrong lengths and their exact error messages: CPython's
        }
        sp--;
        for (int i = oparg - 1; i >= 0; i--) *sp++ = Py_NewRef(items[i]);  // the last item deepest
        release(sequence);
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        PyObject* item = *--sp;
        auto* list = reinterpret_cast<PyListObject*>(sp[-oparg]);
        if (Py_SIZE(list) < list->allocated) {  // room left: list_resize would only set the size
            list->ob_item[Py_SIZE(list)] = item;
            Py_SET_SIZE(list, Py_SIZE(list) + 1);
        } else if (pyjit_list_append(sp[-oparg], item) < 0) {
            LEAVE(raise(index()));
        }
        DISPATCH();
    }
    TARGET(BUILD_TUPLE)
    TARGET(BUILD_LIST) {
        bool tuple = instruction->opcode == static_cast<uint8_t>(Opcode::BUILD_TUPLE);
        PyObject* built = tuple ? pyjit_build_tuple(sp - oparg, oparg) : pyjit_build_list(sp - oparg, oparg);
        sp -= oparg;
        if (built == nullptr) LEAVE(raise(index()));
        *sp++ = built;
        DISPATCH();
    }
    TARGET(GET_ITER) {
        PyObject* iterable = *--sp;
        PyObject* iterator = pyjit_get_iter(iterable);
        release(iterable);
        if (iterator == nullptr) LEAVE(raise(index()));
        *sp++ = iterator;
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        PyObject* iterator = sp[-1];
        if (profiling()) site(*instruction).operands[0].observe(Py_TYPE(iterator), code_.profile.names, typeName);
        // pyjit_for_iter_next, inline: a compiled generator resumes in its compiled code directly.
        PyObject* item;
        if (Py_TYPE(iterator) != &PyGen_Type || !pyjit_next_of_compiled_generator(iterator, &item)) {
            item = Py_TYPE(iterator)->tp_iternext(iterator);
        }
        if (item != nullptr) {
            *sp++ = item;
            DISPATCH();
        }
        if (PyErr_Occurred()) {
            // ceval reports the StopIteration to a tracer here; tracing hands frames to CPython first.
            if (!PyErr_ExceptionMatches(PyExc_StopIteration)) LEAVE(raise(index()));  // the iterator stays
            PyErr_Clear();
        }
        if (profiling()) site(*instruction).taken++;
        sp--;
        release(iterator);
        next = instructions + instruction->jumpTarget;
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        bool hasSpec = (oparg & kFormatHasSpec) != 0;
        PyObject* spec = hasSpec ? sp[-1] : nullptr;
        PyObject* value = sp[hasSpec ? -2 : -1];
        PyObject* formatted = pyjit_format_value(value, spec, oparg);  // steals both
        sp -= hasSpec ? 2 : 1;
        if (formatted == nullptr) LEAVE(raise(index()));
        *sp++ = formatted;
        DISPATCH();
    }
    TARGET(JUMP_FORWARD)
    TARGET(JUMP_BACKWARD_NO_INTERRUPT) next = instructions + instruction->jumpTarget; DISPATCH();
    TARGET(JUMP_BACKWARD) {
        size_t target = static_cast<size_t>(instruction->jumpTarget);
        BACK_EDGE(target);
        next = instructions + target;
        DISPATCH();
    }
    TARGET(POP_JUMP_FORWARD_IF_TRUE)
    TARGET(POP_JUMP_BACKWARD_IF_TRUE)
    TARGET(POP_JUMP_FORWARD_IF_FALSE)
    TARGET(POP_JUMP_BACKWARD_IF_FALSE) {
        bool jumpIfTrue = popJumpSense(instruction->opcode) != 0;
        PyObject* condition = sp[-1];
        if (condition == Py_True || condition == Py_False) {  // no call for the common cases
            sp--;
            release(condition);
            BRANCH(condition == Py_True, jumpIfTrue);
        } else if (PyLong_CheckExact(condition)) {  // long_bool
            sp--;
            bool truth = Py_SIZE(condition) != 0;
            release(condition);
            BRANCH(truth, jumpIfTrue);
        } else {
            MEMBER(popJump(index(), jumpIfTrue, result));
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_FORWARD_IF_NONE)
    TARGET(POP_JUMP_BACKWARD_IF_NONE)
    TARGET(POP_JUMP_FORWARD_IF_NOT_NONE)
    TARGET(POP_JUMP_BACKWARD_IF_NOT_NONE) {
        bool jumpIfNone = instruction->opcode == static_cast<uint8_t>(Opcode::POP_JUMP_FORWARD_IF_NONE) ||
                          instruction->opcode == static_cast<uint8_t>(Opcode::POP_JUMP_BACKWARD_IF_NONE);
        PyObject* value = *--sp;
        bool isNone = value == Py_None;
        release(value);
        BRANCH(isNone, jumpIfNone);
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP)
        MEMBER(jumpOrPop(index(), true, result));
        DISPATCH();
    TARGET(JUMP_IF_FALSE_OR_POP)
        MEMBER(jumpOrPop(index(), false, result));
        DISPATCH();
    op_default:
        MEMBER(containers(index(), result));
        DISPATCH();
#undef BRANCH
#undef BACK_EDGE
#undef TARGET
#undef DISPATCH
#undef LEAVE
#undef MEMBER
#undef SYNC_IN
#undef SYNC_OUT
}

}  // namespace

DecodedCode* decodedFor(CodeState& state) {
    if (!state.tier1 && !state.tier1Rejected) {
        state.tier1 = decode(state.code);
        state.tier1Rejected = !state.tier1;
    }
    return state.tier1.get();
}

PyObject* run(PyThreadState* tstate, _PyInterpreterFrame* frame, CodeState& state, DecodedCode& code) {
    if (pyjit_frame_enter(tstate, frame) < 0) return nullptr;
    return Interpreter(tstate, frame, state, code, pyjit_frame_globals(frame), pyjit_frame_builtins(frame)).execute();
}

bool resumeAt(PyThreadState* tstate, _PyInterpreterFrame* frame, CodeState& state, int firstUnit, int depth,
              PyObject*& result) {
    DecodedCode* code = decodedFor(state);
    if (code == nullptr) return false;
    const std::vector<DecodedInstruction>& instructions = code->instructions;
    auto at = std::lower_bound(instructions.begin(), instructions.end(), firstUnit,
                               [](const DecodedInstruction& instruction, int unit) { return instruction.firstUnit < unit; });
    if (at == instructions.end() || at->firstUnit != firstUnit) return false;
    // KW_NAMES's names live in the running activation until its CALL: CPython's interpreter has them there.
    for (auto before = at; before != instructions.begin();) {
        --before;
        if (before->opcode == static_cast<uint8_t>(Opcode::KW_NAMES)) return false;
        if (before->opcode != static_cast<uint8_t>(Opcode::PRECALL)) break;
    }
    result = Interpreter(tstate, frame, state, *code, pyjit_frame_globals(frame), pyjit_frame_builtins(frame))
                 .resumeAfterDeopt(static_cast<size_t>(at - instructions.begin()), depth);
    return true;
}

void configure(const Settings& settings) {
    gSettings = settings;
    PyjitLayout layout;
    pyjit_layout_init(&layout);
    gFrameFields = {layout.frame_localsplus, layout.frame_prev_instr, layout.eval_breaker};
}

uint64_t osrEntries() { return gOsrEntries; }

}  // namespace pyjit::tier1
