// What pyjit knows about one code object, kept in the code object's co_extra slot so it lives and dies
// with the code. A registry of the live states serves the stats; a state's counters are folded into a
// summary when its code object is freed.
#pragma once

#include <Python.h>

#include <cstdint>
#include <string>
#include <vector>

namespace pyjit {

enum class CodeTier : uint8_t {
    Interpreter,  // runs in CPython's interpreter
    Unsupported,  // will always run in CPython's interpreter; see fallbackReason
};

struct CodeState {
    PyCodeObject* code;  // borrowed: the state is freed by the code object's destructor
    uint64_t calls = 0;
    CodeTier tier = CodeTier::Interpreter;
    std::string fallbackReason;
    size_t registryIndex = 0;
};

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

}  // namespace pyjit
