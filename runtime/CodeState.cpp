#include "CodeState.h"

#include "JitCompiler.h"
#include "cpython/frame_access.h"
#include "frontend/BytecodeDecoder.h"

#include <new>
#include <span>

namespace pyjit {

namespace {

std::vector<CodeState*> gLive;
uint64_t gCallsInFreedCode = 0;
uint64_t gFreedCodeObjects = 0;

// A freed code object is no direct call's callee any more (a code object allocated at its address later
// must not match), and its own cells leave their callees' lists. Its own cells are among its callers'
// when it calls itself: cleared first, they are skipped after.
void forgetDirectCalls(CodeState& state) {
    for (DirectCallCell* cell : state.directCallers) {
        cell->code = nullptr;
        cell->target = nullptr;
        cell->callee = nullptr;
    }
    for (const std::unique_ptr<DirectCallCell>& cell : state.directCallCells) {
        if (cell->callee != nullptr) std::erase(cell->callee->directCallers, cell.get());
    }
}

// co_extra destructor: CPython calls it from the code object's dealloc (and with NULL for slots never set).
void freeCodeState(void* opaque) {
    if (opaque == nullptr) return;
    auto* state = static_cast<CodeState*>(static_cast<PyjitCallTarget*>(opaque));
    CodeState* last = gLive.back();
    gLive[state->registryIndex] = last;
    last->registryIndex = state->registryIndex;
    gLive.pop_back();
    gCallsInFreedCode += state->calls;
    gFreedCodeObjects++;
    JitCompiler::release(*state);
    forgetDirectCalls(*state);
    std::vector<PyCodeObject*> inlinedCodes = std::move(state->inlinedCodes);
    delete state;
    for (PyCodeObject* code : inlinedCodes) Py_DECREF(code);  // (may free code objects, and so their states)
}

// Seen for the first time, a code object has usually not been quickened yet (co_warmup counts up to 0 in
// CPython's interpreter), so co_code_adaptive still holds co_code as written. If that holds specialized or
// unknown opcodes (a hand-made code object), neither tier can run it: they read PyCode_GetCode(), which
// maps specialized opcodes back to their bases, while CPython runs them as written. Nor can they read code
// whose last instruction's caches run past its end (PyCode_GetCode() would write past its buffer).
void refuseUnreadableCode(CodeState& state) {
    if (auto problem = frontend::checkAdaptiveCode(adaptiveCodeBytes(state.code), state.code->co_warmup == 0)) {
        state.tier1Rejected = true;
        JitCompiler::markUnsupported(state, "cannot compile: " + problem->message);
    }
}

}  // namespace

bool CodeStateRegistry::initialize() {
    if (pyjit_code_extra_index >= 0) return true;
    pyjit_code_extra_index = _PyEval_RequestCodeExtraIndex(freeCodeState);
    return pyjit_code_extra_index >= 0;
}

bool CodeStateRegistry::initialized() { return pyjit_code_extra_index >= 0; }

CodeState* CodeStateRegistry::find(PyCodeObject* code) {
    // co_extra holds the C base's address (cpython/direct_call.h reads it from C).
    return static_cast<CodeState*>(static_cast<PyjitCallTarget*>(pyjit_code_extra(code, pyjit_code_extra_index)));
}

CodeState* CodeStateRegistry::forCode(PyCodeObject* code) {
    if (CodeState* existing = find(code)) return existing;
    if (pyjit_code_extra_index < 0) return nullptr;
    auto* state = new (std::nothrow) CodeState{{}, code};
    if (state == nullptr) return nullptr;
    if (_PyCode_SetExtra(reinterpret_cast<PyObject*>(code), pyjit_code_extra_index,
                         static_cast<PyjitCallTarget*>(state)) < 0) {
        // Out of memory while growing co_extra: the code simply stays unobserved.
        PyErr_Clear();
        delete state;
        return nullptr;
    }
    state->registryIndex = gLive.size();
    gLive.push_back(state);
    refuseUnreadableCode(*state);
    return state;
}

std::span<const uint8_t> adaptiveCodeBytes(PyCodeObject* code) {
    return {reinterpret_cast<const uint8_t*>(code->co_code_adaptive),
            static_cast<size_t>(Py_SIZE(code)) * sizeof(_Py_CODEUNIT)};
}

const std::vector<CodeState*>& CodeStateRegistry::live() { return gLive; }
uint64_t CodeStateRegistry::callsInFreedCode() { return gCallsInFreedCode; }
uint64_t CodeStateRegistry::freedCodeObjects() { return gFreedCodeObjects; }

}  // namespace pyjit
