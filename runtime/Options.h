// JIT settings: one struct, filled from `-X jit...` options, PYJIT_* environment variables, or
// pyjit.enable(...). Parsing is strict: an unknown option or value is an error with a message that
// names what is accepted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pyjit {

enum class JitMode : uint8_t {
    Off,          // tier 0 only: the hook is not installed
    Interp,       // tiers 0 and 1
    Generic,      // tier 2 without speculation
    Specialized,  // everything
};

std::string_view jitModeName(JitMode mode);
std::optional<JitMode> parseJitMode(std::string_view text);

struct JitOptions {
    JitMode mode = JitMode::Specialized;
    // Calls (and later loop back-edges) before a code object is compiled; 0 compiles at first call.
    uint64_t threshold = 1000;
    // Stats at exit: to stderr as text, and/or to a file as JSON.
    bool statsToStderr = false;
    std::string statsFile;
    std::string logFile;  // JSON Lines event log
    std::string dumpDir;  // per-function dumps (bytecode+profile, IR, assembly)
    bool perfSupport = false;  // announce compiled code to Linux perf (jitdump)
    // Compile hot code on the background thread while the program goes on (default), or stop and
    // compile at once ("sync": the same compile points in every run, for tests and studies).
    bool compileInBackground = true;
    // Specialized tier (docs/deopt.md). Deopt stress: when non-zero, every guard also fails at random
    // (a PRNG seeded with this value), to test that deoptimization is exact.
    uint64_t deoptStressSeed = 0;
    // Failures of one guard before its code is recompiled with that site widened (generic there).
    uint64_t deoptLimit = 100;
    // Recompiles of one code object before it is compiled generic for good.
    uint64_t recompileLimit = 4;
    // Compile only the blocks the tier-1 profile saw run; the others become exits (docs/deopt.md, "Cold blocks").
    bool coldBlocks = true;
};

// One setting as given: `-X jit-threshold=5` is {"jit-threshold", "5"}; a bare `-X jit-stats` has no value.
struct OptionSetting {
    std::string key;
    std::optional<std::string> value;
    std::string origin;  // "-X jit-threshold", "PYJIT_THRESHOLD", "enable(threshold=...)": for messages
    bool off = false;    // switch the setting off (enable(log=False)); only stats, log and dump can be
};

// Applies one setting; returns an error message, or nothing on success.
std::optional<std::string> applyOption(JitOptions& options, const OptionSetting& setting);

// The environment twins of the -X options, in the order they are applied.
struct EnvironmentOption {
    const char* variable;
    const char* xoption;
};
const std::vector<EnvironmentOption>& environmentOptions();

// True for every -X key in pyjit's namespace ("jit", "jit-*", and "jit_*", which is always a typo).
bool isJitXOption(std::string_view key);

}  // namespace pyjit
