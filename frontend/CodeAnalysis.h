// The frontend's entry point: everything known about one code object's bytecode, decoded and analysed
// in one go from plain bytes -- no CPython object in sight, so tests can feed it anything.
#pragma once

#include "frontend/BytecodeDecoder.h"
#include "frontend/ControlFlowGraph.h"
#include "frontend/ExceptionTable.h"
#include "frontend/FrontendError.h"
#include "frontend/LineTable.h"
#include "frontend/StackDepthAnalysis.h"

#include <cstdint>
#include <optional>
#include <span>

namespace pyjit::frontend {

// The pieces of a code object the frontend reads.
struct CodeInput {
    std::span<const uint8_t> code;            // PyCode_GetCode(co): unquickened, caches zeroed
    std::span<const uint8_t> exceptionTable;  // co_exceptiontable
    std::span<const uint8_t> lineTable;       // co_linetable
    int32_t firstLine = 1;                    // co_firstlineno
    std::optional<OperandLimits> limits;      // bounds for const/name/local operands, when known
};

struct CodeAnalysis {
    Bytecode bytecode;
    ExceptionTable exceptionTable;
    LineTable lineTable;
    ControlFlowGraph graph;
    StackDepthAnalysis stackDepths;
};

// Decoding alone, for views that need no control flow: instructions, exception table and lines.
struct DecodedCode {
    Bytecode bytecode;
    ExceptionTable exceptionTable;
    LineTable lineTable;
};

Expected<DecodedCode> decodeCode(const CodeInput& input);
Expected<CodeAnalysis> analyzeCode(const CodeInput& input);

}  // namespace pyjit::frontend
