// Tier 2 from the runtime's side: loads the jit library on first use, compiles code objects through it,
// and frees their machine code when they die.
#pragma once

#include "CodeState.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pyjit {

class JitCompiler {
public:
    // Compiles `state`'s code object (the GIL is held). On success state->entry is set; otherwise the
    // state is marked Unsupported with the reason. Never raises a Python exception.
    static void compile(CodeState& state, const std::string& dumpDir);

    // Frees the machine code of a dying code object.
    static void release(CodeState& state);

    // Compile times of every successful compile, in milliseconds.
    static const std::vector<double>& compileTimes();

    // Over every compile: per opcode name, instructions lowered and instructions handed to CPython.
    struct OpcodeCounts {
        uint64_t lowered = 0;
        uint64_t handedOff = 0;
    };
    static const std::map<std::string, OpcodeCounts>& opcodeCounts();

private:
    static void compileOrMarkUnsupported(CodeState& state, const std::string& dumpDir);
};

}  // namespace pyjit
