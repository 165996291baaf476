// Tier 2 from the runtime's side: loads the jit library on first use, compiles code objects through it
// (in the background, so the program goes on in the interpreter meanwhile), and frees their machine
// code when they die.
#pragma once

#include "CodeState.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pyjit {

class JitCompiler {
public:
    // Compiles `state`'s code object (the GIL is held): on the background thread, where loading LLVM and
    // generating code overlap with the program (the state is Queued meanwhile, and the code goes on in
    // the interpreter) — or at once with `-X jit-compile=sync`, or `-X jit-threshold=0`, which asks for
    // compiled code from the first call on. When installed, state->entry is set, or the state is marked Unsupported
    // with the reason. Never raises a Python exception. `frame` (may be null) is one running the code: its namespaces
    // tell which global functions a specialized compile may inline.
    // `loopHeader`: tier 1 asks at this loop header (an instruction index) of the running activation (OSR).
    static void compile(CodeState& state, const std::string& dumpDir, struct _PyInterpreterFrame* frame,
                        std::optional<uint32_t> loopHeader = std::nullopt);

    // Background compiles that finished and wait for the main thread: one relaxed load, for hot paths.
    // A guard of `state`'s compiled code asks for a recompile (runtime/Deopt.cpp): with background compiles,
    // queues it and returns true; the current code keeps running until the new one is installed.
    static bool recompileWhileRunning(CodeState& state, struct _PyInterpreterFrame* frame);
    static bool hasFinishedCompiles();
    // Installs them (the GIL is held).
    static void installFinishedCompiles();
    // Waits for every queued compile and installs it (tests, pyjit.stats() callers wanting a settled view).
    static void waitForCompiles();

    // For the pyjit executable (runtime/CommandLineExit.h): at exit, do not wait for the compile in
    // progress; if one still runs, the process leaves with _exit() and the status exit() was given.
    static void leaveRunningCompileAtExit();
    // Some code's hotness passed a quarter of the threshold: with leaveRunningCompileAtExit(), the worker
    // starts loading LLVM now (once), so that the first compile need not wait for it. Cheap when not needed.
    static void codeIsWarming() {
        if (warmLoadPending_) startLoadOnWarmCode();
    }

    // The code stays in the interpreter for good (CPython's, and tier 1 if it cannot run it either); the
    // reason goes to the stats and the event log.
    static void markUnsupported(CodeState& state, std::string reason);
    // Code objects given up on, by reason, over the whole run (freed code objects included).
    static const std::map<std::string, uint64_t>& fallbackCounts();

    // Frees the machine code of a dying code object.
    static void release(CodeState& state);

    // Compile times of every successful compile, in milliseconds.
    static const std::vector<double>& compileTimes();
    // Latency of every successful compile, in milliseconds: from the moment the code became hot to the
    // moment its machine code was installed (queueing, loading LLVM and compiling included).
    static const std::vector<double>& compileLatencies();

    // Over every compile: per opcode name, instructions lowered and instructions handed to CPython.
    struct OpcodeCounts {
        uint64_t lowered = 0;
        uint64_t handedOff = 0;
    };
    static const std::map<std::string, OpcodeCounts>& opcodeCounts();

private:
    static inline bool warmLoadPending_ = false;
    static void startLoadOnWarmCode();
};

}  // namespace pyjit
