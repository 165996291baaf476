// The translator's view of one code object's bytecode, built from the frontend's analyses: instructions
// with their code-unit positions and exception handlers, basic blocks with entry stack depths, and which
// blocks are reachable (handlers left behind by the compiler are not).
#pragma once

#include "frontend/OpcodeTable.h"
#include "runtime/CompilerInterface.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pyjit::jit {

// Where an exception raised by an instruction goes in this frame (its exception table entry).
struct ViewHandler {
    size_t target = 0;     // instruction index of the handler
    int depth = 0;         // the stack is unwound to this depth ...
    bool pushLasti = false;  // ... then the raising instruction's offset is pushed if set, then the exception
};

struct ViewInstruction {
    frontend::Opcode opcode;
    std::string_view name;
    int oparg = 0;
    int firstUnit = 0;   // its first EXTENDED_ARG, or the opcode itself
    int opcodeUnit = 0;  // the opcode's own code unit (what prev_instr points at while it runs)
    std::optional<size_t> jumpTarget;  // instruction index
    std::optional<ViewHandler> handler;
    bool localBound = false;  // LOAD_FAST: its local is bound on every path here (no unbound check needed)
};

struct ViewBlock {
    size_t first = 0;  // instruction indices [first, end)
    size_t end = 0;
    int entryDepth = 0;
    bool reachable = false;  // from the entry, exception edges included
    // Reachable, but the profile says control never got here (CodeInput::controlProfile): compiled as an exit.
    bool cold = false;
};

struct BytecodeView {
    std::vector<ViewInstruction> instructions;
    std::vector<ViewBlock> blocks;
    int maxStackDepth = 0;
};

// Decodes and analyses `input`; returns nothing and sets `error` if the frontend rejects the code.
std::optional<BytecodeView> buildBytecodeView(const CodeInput& input, std::string& error);

}  // namespace pyjit::jit
