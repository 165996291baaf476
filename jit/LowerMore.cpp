// Instruction groups beyond the core set of Translator.cpp. Each case follows docs/adding-an-opcode.md.
#include "FunctionTranslator.h"

namespace pyjit::jit {

using frontend::Opcode;

std::optional<bool> FunctionTranslator::lowerMore(size_t index) {
    const ViewInstruction& instruction = view_.instructions[index];
    switch (instruction.opcode) {
    default: return std::nullopt;
    }
}

}  // namespace pyjit::jit
