// The translator's view of one code object's bytecode, built from the frontend's analyses: instructions
// with their code-unit positions, basic blocks with entry stack depths, and which blocks ordinary control
// flow reaches (exception handlers run in CPython's interpreter after a hand-over, so the generic tier
// does not translate blocks reached only through the exception table).
#pragma once

#include "frontend/OpcodeTable.h"
#include "runtime/CompilerInterface.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pyjit::jit {

struct ViewInstruction {
    frontend::Opcode opcode;
    std::string_view name;
    int oparg = 0;
    int firstUnit = 0;   // its first EXTENDED_ARG, or the opcode itself
    int opcodeUnit = 0;  // the opcode's own code unit (what prev_instr points at while it runs)
    std::optional<size_t> jumpTarget;  // instruction index
};

struct ViewBlock {
    size_t first = 0;  // instruction indices [first, end)
    size_t end = 0;
    int entryDepth = 0;
    bool reachable = false;  // from the entry through ordinary control flow
};

struct BytecodeView {
    std::vector<ViewInstruction> instructions;
    std::vector<ViewBlock> blocks;
    int maxStackDepth = 0;
};

// Decodes and analyses `input`; returns nothing and sets `error` if the frontend rejects the code.
std::optional<BytecodeView> buildBytecodeView(const CodeInput& input, std::string& error);

}  // namespace pyjit::jit
