#include "Inlining.h"

#include <algorithm>
#include <unordered_map>

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

void collectDirectCallees(CodeState& state, CodeInput& input) {
    if (!state.tier1) return;
    const tier1::DecodedCode& decoded = *state.tier1;
    // The profile's code objects are plain addresses, which a freed code object may have left behind: only
    // those of live states (every code object that ran has one) are taken.
    std::unordered_map<const void*, CodeState*> liveCodes;
    for (const tier1::SiteProfile& site : decoded.profile.sites) {
        const tier1::DecodedInstruction& instruction = decoded.instructions[site.instruction];
        const tier1::ObservedKeys& codes = site.operands[1];
        if (static_cast<Opcode>(instruction.opcode) != Opcode::CALL || codes.megamorphic || codes.keys[0] == nullptr ||
            codes.keys[1] != nullptr) {
            continue;
        }
        const auto unit = static_cast<uint32_t>(instruction.opcodeUnit);
        if (input.inlineCallees.contains(unit)) continue;
        if (liveCodes.empty()) {
            for (CodeState* live : CodeStateRegistry::live()) liveCodes.emplace(live->code, live);
        }
        auto found = liveCodes.find(codes.keys[0]);
        if (found == liveCodes.end()) continue;
        CodeState* callee = found->second;
        // [NULL, function, args...] binds `oparg` arguments; [function, self, args...] one more (the profile's
        // version says which form the last call had).
        DirectCallee direct;
        direct.method = codes.versions[0] == 2;
        direct.argcount = instruction.oparg + (direct.method ? 1 : 0);
        if (!pyjit_direct_call_shape(callee->code, direct.argcount, &direct.firstInstr, &direct.frameWords)) continue;
        auto cell = std::make_unique<DirectCallCell>();
        cell->code = callee->code;
        cell->target = callee;
        cell->callee = callee;
        callee->directCallers.push_back(cell.get());
        direct.cell = static_cast<PyjitDirectCallCell*>(cell.get());
        direct.parameters = callee->code->co_argcount;
        direct.nlocalsplus = callee->code->co_nlocalsplus;
        Ref qualname = Ref::steal(PyUnicode_AsUTF8String(callee->code->co_qualname));
        if (!qualname) PyErr_Clear();
        direct.qualname = qualname ? PyBytes_AS_STRING(qualname.get()) : "?";
        state.directCallCells.push_back(std::move(cell));
        input.directCallees[unit] = std::move(direct);
    }
}

}  // namespace pyjit
