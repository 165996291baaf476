#include "InlinedCallPosition.h"

#include "CodeState.h"
#include "Ref.h"
#include "cpython/frame_access.h"
#include "frontend/BytecodeDecoder.h"
#include "frontend/CodeAnalysis.h"

namespace pyjit {

namespace {

std::span<const uint8_t> bytesOf(PyObject* bytes) {
    return {reinterpret_cast<const uint8_t*>(PyBytes_AS_STRING(bytes)), static_cast<size_t>(PyBytes_GET_SIZE(bytes))};
}

// Decodes the caller's unquickened bytecode once; a code object the frontend rejects gets no call sites
// (its callers then keep CPython's hooked behaviour).
std::unique_ptr<CallSiteTable> buildCallSites(PyCodeObject* code) {
    auto table = std::make_unique<CallSiteTable>();
    // PyCode_GetCode() must not see code it would write past (see frontend::checkAdaptiveCode).
    if (frontend::checkAdaptiveCode(adaptiveCodeBytes(code), /*quickened=*/true)) return table;
    Ref bytecode = Ref::steal(PyCode_GetCode(code));
    if (!bytecode) {
        PyErr_Clear();
        return table;
    }
    table->assign(PyBytes_GET_SIZE(bytecode.get()) / 2, -1);
    frontend::CodeInput input{bytesOf(bytecode.get()), bytesOf(code->co_exceptiontable),
                              bytesOf(code->co_linetable), code->co_firstlineno, std::nullopt};
    auto analysis = frontend::analyzeCode(input);
    if (!analysis) return table;
    const auto instructions = analysis->bytecode.instructions();
    // dis.stack_effect (the compiler's accounting) charges PRECALL with -argc, but at run time PRECALL
    // leaves the stack alone: the stack CALL sees is the one before its PRECALL.
    for (uint32_t i = 1; i < instructions.size(); i++) {
        if (instructions[i].opcode != frontend::Opcode::CALL) continue;
        if (instructions[i - 1].opcode != frontend::Opcode::PRECALL) continue;
        auto depth = analysis->stackDepths.depthBefore(frontend::InstrIndex(i - 1));
        if (!depth) continue;
        (*table)[instructions[i].opcodeUnit().value()] =
            static_cast<int32_t>(*depth) - static_cast<int32_t>(instructions[i].arg + 2);
    }
    return table;
}

}  // namespace

void mirrorInlinedCallPosition(PyThreadState* tstate, struct _PyInterpreterFrame* frame) {
    PyjitCallerView view;
    if (!pyjit_caller_view(tstate, frame, &view)) return;
    CodeState* caller = CodeStateRegistry::forCode(view.code);
    if (caller == nullptr) return;
    if (!caller->callSites) caller->callSites = buildCallSites(view.code);
    const CallSiteTable& sites = *caller->callSites;
    if (view.prev_unit < 0 || static_cast<size_t>(view.prev_unit) >= sites.size() || sites[view.prev_unit] < 0) return;
    // ceval's CALL: [method or NULL, callable or self, args...]; PRECALL may have unpacked a bound method.
    PyObject** operands = view.stack_base + sites[view.prev_unit];
    PyObject* callable = operands[0] != nullptr ? operands[0] : operands[1];
    if (operands[0] == nullptr && PyMethod_Check(callable)) callable = PyMethod_GET_FUNCTION(callable);
    if (callable == view.callee_function) {
        static const int kCallCacheEntries = frontend::opcodeInfo(frontend::Opcode::CALL).cacheEntries;
        pyjit_advance_prev_instr(view.caller, kCallCacheEntries);
    }
}

}  // namespace pyjit
