// Tier 1: the baseline interpreter. It runs decoded bytecode directly on CPython's _PyInterpreterFrame
// (locals in localsplus, the value stack right after them, prev_instr kept as compiled code keeps it), so
// at every instruction boundary the frame can go to CPython's interpreter (anything tier 1 does not run,
// exceptions, tracing) or to compiled code (OSR at a loop header). Each instruction's semantics are the
// op helpers of runtime/helpers.def, the same ones compiled code calls. It counts back-edges for hotness
// and records a profile per site (runtime/tier1/Profile.h).
#pragma once

#include <Python.h>

#include "runtime/cpython/attribute_cache.h"
#include "runtime/cpython/jit_support.h"
#include "runtime/tier1/Profile.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pyjit {
struct CodeState;
}

namespace pyjit::tier1 {

// One instruction as the dispatch loop wants it: small and flat.
struct DecodedInstruction {
    uint8_t opcode;       // frontend::Opcode
    uint8_t handler;      // execute()'s label: the opcode, or a narrower handler decode() picked (Interpreter.cpp)
    int32_t oparg;
    int32_t firstUnit;    // its first EXTENDED_ARG, or the opcode unit
    int32_t opcodeUnit;   // what prev_instr points at while it runs
    int32_t jumpTarget;   // instruction index, -1 for none
    int32_t site;         // per-opcode side table index (LOAD_GLOBAL cache, profile), -1 for none
    _Py_CODEUNIT* prevInstr;  // the opcode unit in co_code_adaptive (inside the code object: stable)
    SiteProfile* profile;     // &DecodedCode::profile.sites[site], nullptr for none: one load when profiling
};

// Where an exception raised at an instruction goes in its own frame (the exception table's entry).
struct DecodedHandler {
    int32_t target;   // instruction index of the handler
    int32_t depth;    // the stack is popped down to this many values ...
    bool pushLasti;   // ... then the raising instruction's offset is pushed if set, then the exception
};

// A code object decoded once for tier 1 and kept in its CodeState.
struct DecodedCode {
    std::vector<DecodedInstruction> instructions;
    std::vector<DecodedHandler> handlers;
    std::vector<int32_t> handlerOf;  // by instruction: index into handlers, -1 for none (read only on a raise)
    std::vector<PyjitGlobalCache> globalCaches;  // LOAD_GLOBAL's cache, indexed by site
    std::vector<PyjitAttributeCache> attributeCaches;  // LOAD_ATTR's, STORE_ATTR's, LOAD_METHOD's, by site
    CodeProfile profile;
    bool hasLoops = false;  // a backward jump: only then can a single activation get hot (OSR)
};

// Decodes `state`'s code for tier 1 on first use. nullptr when tier 1 cannot run it (generators and
// coroutines, code the frontend rejects): such frames go to CPython's interpreter.
DecodedCode* decodedFor(CodeState& state);

// Runs a fresh frame (not yet entered) in tier 1, from its first instruction to its return, handing it
// to CPython's interpreter or to compiled code on the way when needed. Same contract as
// _PyEval_EvalFrameDefault: a new reference, or NULL with an exception set.
PyObject* run(PyThreadState* tstate, struct _PyInterpreterFrame* frame, CodeState& state, DecodedCode& code);

struct Settings {
    bool compiles = false;  // generic/specialized: hot code is compiled, loops enter it by OSR
    uint64_t threshold = 0;
};
void configure(const Settings& settings);

// Goes on with a frame that compiled code entered, from the instruction whose first code unit is
// `firstUnit`, with `depth` stack values in the frame (after a failed guard). Returns false, having done
// nothing, when tier 1 cannot run this code or resume there; otherwise true with the activation's result.
bool resumeAt(PyThreadState* tstate, struct _PyInterpreterFrame* frame, CodeState& state, int firstUnit, int depth,
              PyObject*& result);

// Over the whole run: loop entries into compiled code.
uint64_t osrEntries();

}  // namespace pyjit::tier1
