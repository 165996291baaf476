// What pyjit knows about one code object, kept in the code object's co_extra slot so it lives and dies
// with the code. A registry of the live states serves the stats; a state's counters are folded into a
// summary when its code object is freed.
#pragma once

#include <Python.h>

#include "runtime/CompilerInterface.h"
#include "runtime/InlinedCallPosition.h"
#include "runtime/cpython/direct_call.h"
#include "runtime/tier1/Interpreter.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

namespace pyjit {

enum class CodeTier : uint8_t {
    Interpreter,  // runs in tier 1 (not hot yet, or mode interp), or CPython's interpreter if tier 1 cannot
    Queued,       // hot: being compiled in the background, runs in the interpreter meanwhile
    Compiled,     // runs as native code from tier 2
    Unsupported,  // will always run in CPython's interpreter; see fallbackReason
};

struct CodeState;

// A direct call site's cell (runtime/Inlining.h, collectDirectCallees): owned by the caller's state, listed
// in the callee's, which clears it when its code object is freed.
struct DirectCallCell : PyjitDirectCallCell {
    CodeState* callee;
};

// `calls` and `entry` live in the C base, which direct calls from compiled code read (cpython/direct_call.h).
struct CodeState : PyjitCallTarget {
    PyCodeObject* code;  // borrowed: the state is freed by the code object's destructor
    uint64_t backEdges = 0;  // taken in tier 1; hotness is calls + backEdges
    uint64_t osrEntries = 0;  // tier-1 activations that went on in compiled code at a loop header
    CodeTier tier = CodeTier::Interpreter;
    std::string fallbackReason;
    std::map<uint32_t, int> resumeDepths;  // the compiled code's resume points: instruction -> stack depth
    std::set<uint32_t> coldLoopHeaders;    // CompileOutput::coldLoopHeaders
    uint64_t coldLoopBackEdges = 0;        // tier-1 back-edges to them since the last compile was installed
    std::optional<uint32_t> compiledLoopHeader;     // ControlProfile::onlyLoopHeader of the last (or queued) compile
    std::vector<GeneratorResume> generatorResumes;  // CompileOutput::generatorResumes
    bool compiledGenerator = false;  // its entry is entered only at generatorResumes (runtime/EvalHook.cpp)
    uint64_t compiledHandle = 0;  // the jit library's handle for the machine code
    double compileMillis = 0;
    size_t machineCodeBytes = 0;  // of the current compile
    size_t instructionsLowered = 0;
    size_t instructionsHandedOff = 0;
    std::unique_ptr<tier1::DecodedCode> tier1;  // decoded on the first tier-1 run
    bool tier1Rejected = false;                 // tier 1 cannot run this code (see tier1::decodedFor)
    std::unique_ptr<CallSiteTable> callSites;  // built when the code is first seen calling
    size_t registryIndex = 0;
    // Specialized tier (runtime/Deopt.h). Guards of the current and of every retired compile (a retired
    // compile's machine code may still be running in some frame, so it lives as long as the code object).
    std::vector<std::unique_ptr<GuardRecord>> guards;
    std::vector<uint64_t> retiredHandles;
    std::set<uint32_t> widenedUnits;  // sites whose guards failed too often: lowered generic from now on
    uint64_t deopts = 0;
    uint64_t recompiles = 0;
    uint64_t coldBlockRecompiles = 0;      // ... of them, to compile blocks that were cold (not limited)
    bool specializationExhausted = false;  // recompile limit reached: compiled generic from now on
    // Code objects of calls compiled inline (runtime/Inlining.h), owned: compiled code compares a callable's
    // code with them, so none may die and another take its address while this code lives.
    std::vector<PyCodeObject*> inlinedCodes;
    // Direct call sites of this code's compiles (no references: see DirectCallCell), and those of callers
    // that call this code directly.
    std::vector<std::unique_ptr<DirectCallCell>> directCallCells;
    std::vector<DirectCallCell*> directCallers;
};

static_assert(kFreshCall == PYJIT_FRESH_CALL);
// PyjitCallTarget::generator_resumes points into CodeState::generatorResumes.
static_assert(sizeof(GeneratorResume) == sizeof(PyjitGeneratorResume) &&
              offsetof(GeneratorResume, suspendedAt) == offsetof(PyjitGeneratorResume, suspended_at) &&
              offsetof(GeneratorResume, instruction) == offsetof(PyjitGeneratorResume, instruction) &&
              offsetof(GeneratorResume, depth) == offsetof(PyjitGeneratorResume, depth));
static_assert(std::is_same_v<NativeEntry, decltype(PyjitCallTarget::entry)>);

class CodeStateRegistry {
public:
    // Reserves the co_extra index; must run once, in the main interpreter, with the GIL held.
    static bool initialize();
    static bool initialized();

    // The state of `code`, created on first use. Returns nullptr only if memory ran out.
    static CodeState* forCode(PyCodeObject* code);
    // The state of `code` if it has one.
    static CodeState* find(PyCodeObject* code);

    static const std::vector<CodeState*>& live();
    static uint64_t callsInFreedCode();
    static uint64_t freedCodeObjects();
};

// The code units CPython runs (co_code_adaptive: co_code as written until CPython quickens it).
std::span<const uint8_t> adaptiveCodeBytes(PyCodeObject* code);

}  // namespace pyjit
