// The frontend's unit tests get real bytecode from an embedded CPython 3.11: a test writes Python source,
// compiles it here and hands the code object's bytes to the frontend, and can ask CPython's own dis
// module what it makes of the same code object.
#pragma once

#include "frontend/CodeAnalysis.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pyjit::frontend::testing {

// A row of Python ints; None is -1.
using Row = std::vector<int64_t>;

class CompiledCode {
public:
    CompiledCode(PyObject* code);  // takes over the reference
    CompiledCode(CompiledCode&& other) noexcept;
    CompiledCode(const CompiledCode&) = delete;
    ~CompiledCode();

    // The bytes the frontend reads, as the runtime gets them (PyCode_GetCode, co_exceptiontable, ...).
    CodeInput input() const;
    uint32_t stackSize() const { return stackSize_; }

    // What CPython's dis says about the code object.
    std::vector<Row> disInstructions() const;    // (offset, opcode, arg, jump target), EXTENDED_ARG included
    std::vector<Row> disExceptionTable() const;  // (start, end, target, depth, lasti)
    std::vector<Row> positions() const;          // co_positions(): (line, end_line, column, end_column)
    std::vector<Row> lineStarts() const;         // dis.findlinestarts(): (offset, line)

private:
    std::vector<Row> rows(const char* function) const;

    PyObject* code_;
    std::vector<uint8_t> bytecode_;
    std::vector<uint8_t> exceptionTable_;
    std::vector<uint8_t> lineTable_;
    int32_t firstLine_ = 0;
    uint32_t stackSize_ = 0;
    OperandLimits limits_;
};

// Compiles `source` as a module and returns the code object with this co_qualname ("<module>" for the
// module itself), searching co_consts recursively. Aborts the test program if there is none.
CompiledCode compile(std::string_view source, std::string_view qualname = "<module>");

// dis.stack_effect(opcode, arg, jump=...) for args 0..count-1 (arg None for opcodes without one), or an
// empty vector if dis rejects the opcode. Entries: effect without the jump, then with it, per arg.
std::vector<int64_t> disStackEffects(int opcode, int count);

}  // namespace pyjit::frontend::testing
