#include "Inlining.h"

#include <algorithm>

#include "Deopt.h"
#include "Ref.h"
#include "cpython/frame_access.h"
#include "frontend/BytecodeDecoder.h"

namespace pyjit {

namespace {

using frontend::Opcode;

// A callee is inlined only when it is this small: its guards and arithmetic become part of every caller's
// loop body.
constexpr Py_ssize_t kMaxInlinedCodeUnits = 48;

// Code whose every instruction the translator can inline (jit/InlineCalls.cpp decides on the types): a
// straight line of loads, stores, constants and binary operations ending in its only RETURN_VALUE. Such
// code calls nothing, reads no global or attribute and cannot loop, so nothing of it is observable before
// it returns (a failed guard can go back to before the call).
bool isStraightLineArithmetic(PyCodeObject* code, int argc) {
    constexpr int kRefused =
        CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE;
    if ((code->co_flags & kRefused) || !(code->co_flags & CO_OPTIMIZED) || code->co_argcount != argc ||
        code->co_kwonlyargcount != 0 || code->co_ncellvars != 0 || code->co_nfreevars != 0 ||
        Py_SIZE(code) > kMaxInlinedCodeUnits) {
        return false;
    }
    auto bytes = std::span(reinterpret_cast<const uint8_t*>(code->co_code_adaptive),
                           static_cast<size_t>(Py_SIZE(code)) * sizeof(_Py_CODEUNIT));
    if (frontend::checkAdaptiveCode(bytes, code->co_warmup == 0)) return false;
    Ref unquickened = Ref::steal(PyCode_GetCode(code));
    if (!unquickened) {
        PyErr_Clear();
        return false;
    }
    auto decoded =
        frontend::decodeBytecode(std::span(reinterpret_cast<const uint8_t*>(PyBytes_AS_STRING(unquickened.get())),
                                           static_cast<size_t>(PyBytes_GET_SIZE(unquickened.get()))));
    if (!decoded) return false;
    std::span<const frontend::Instruction> instructions = decoded->instructions();
    for (size_t i = 0; i < instructions.size(); i++) {
        switch (instructions[i].opcode) {
            case Opcode::RESUME:
            case Opcode::NOP:
            case Opcode::LOAD_FAST:
            case Opcode::STORE_FAST:
            case Opcode::LOAD_CONST:
            case Opcode::BINARY_OP: break;
            case Opcode::RETURN_VALUE:
                if (i + 1 != instructions.size()) return false;
                break;
            default: return false;
        }
    }
    return !instructions.empty() && instructions.back().opcode == Opcode::RETURN_VALUE;
}

// The value `name` has in the frame's namespaces now (borrowed), or null. Only exact dicts: looking up
// anything else may run code.
PyObject* currentGlobal(_PyInterpreterFrame* frame, PyObject* name) {
    PyObject* globals = pyjit_frame_globals(frame);
    PyObject* builtins = pyjit_frame_builtins(frame);
    if (!PyDict_CheckExact(globals) || !PyDict_CheckExact(builtins)) return nullptr;
    for (PyObject* dict : {globals, builtins}) {
        PyObject* value = PyDict_GetItemWithError(dict, name);
        if (value != nullptr) return value;
        if (PyErr_Occurred()) {
            PyErr_Clear();
            return nullptr;
        }
    }
    return nullptr;
}

// The callee's description for the translator, as for its own specialized compile.
std::shared_ptr<const CodeInput> describeCallee(PyCodeObject* code) {
    auto input = std::make_shared<CodeInput>();
    if (!describeCode(code, *input)) return nullptr;
    CodeState* state = CodeStateRegistry::find(code);
    if (state != nullptr && state->specializationExhausted) return nullptr;
    input->specialize = true;
    if (state != nullptr) input->widenedUnits = state->widenedUnits;
    collectSpeculations(state, code, *input);
    return input;
}

}  // namespace

void collectInlineCallees(CodeState& state, _PyInterpreterFrame* frame, CodeInput& input) {
    if (frame == nullptr) return;
    auto decoded = frontend::decodeBytecode(input.bytecode);
    if (!decoded) return;
    std::span<const frontend::Instruction> code = decoded->instructions();
    // ... LOAD_GLOBAL (NULL +) f, one LOAD_FAST or LOAD_CONST per argument, PRECALL n, CALL n
    for (size_t call = 0; call < code.size(); call++) {
        if (code[call].opcode != Opcode::CALL) continue;
        const int argc = static_cast<int>(code[call].arg);
        const size_t load = call - 2 - static_cast<size_t>(argc);
        if (call < static_cast<size_t>(argc) + 2 || code[call - 1].opcode != Opcode::PRECALL ||
            static_cast<int>(code[call - 1].arg) != argc || code[load].opcode != Opcode::LOAD_GLOBAL ||
            (code[load].arg & 1) == 0) {
            continue;
        }
        const bool simpleArguments = std::all_of(code.begin() + load + 1, code.begin() + call - 1, [](auto& argument) {
            return argument.opcode == Opcode::LOAD_FAST || argument.opcode == Opcode::LOAD_CONST;
        });
        const auto precallUnit = static_cast<uint32_t>(code[call - 1].opcodeUnit().value());
        if (!simpleArguments || input.widenedUnits.contains(precallUnit)) continue;
        PyObject* name = PyTuple_GET_ITEM(state.code->co_names, code[load].arg >> 1);
        PyObject* callable = currentGlobal(frame, name);
        if (callable == nullptr || !PyFunction_Check(callable)) continue;
        auto* callee = reinterpret_cast<PyCodeObject*>(PyFunction_GET_CODE(callable));
        if (callee == state.code || !isStraightLineArithmetic(callee, argc)) continue;
        std::shared_ptr<const CodeInput> described = describeCallee(callee);
        if (!described) continue;
        if (std::find(state.inlinedCodes.begin(), state.inlinedCodes.end(), callee) == state.inlinedCodes.end()) {
            Py_INCREF(callee);
            state.inlinedCodes.push_back(callee);
        }
        input.inlineCallees[static_cast<uint32_t>(code[call].opcodeUnit().value())] = InlineCallee{described};
    }
}

}  // namespace pyjit
