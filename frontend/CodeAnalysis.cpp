#include "frontend/CodeAnalysis.h"

namespace pyjit::frontend {

Expected<DecodedCode> decodeCode(const CodeInput& input) {
    auto bytecode = decodeBytecode(input.code, input.limits);
    if (!bytecode) return bytecode.error();
    auto exceptionTable = ExceptionTable::decode(input.exceptionTable, *bytecode);
    if (!exceptionTable) return exceptionTable.error();
    auto lineTable = LineTable::decode(input.lineTable, input.firstLine, bytecode->codeUnitCount());
    if (!lineTable) return lineTable.error();
    return DecodedCode{std::move(*bytecode), std::move(*exceptionTable), std::move(*lineTable)};
}

Expected<CodeAnalysis> analyzeCode(const CodeInput& input) {
    auto decoded = decodeCode(input);
    if (!decoded) return decoded.error();
    ControlFlowGraph graph = ControlFlowGraph::build(decoded->bytecode, decoded->exceptionTable);
    auto stackDepths = StackDepthAnalysis::run(decoded->bytecode, decoded->exceptionTable, graph);
    if (!stackDepths) return stackDepths.error();
    return CodeAnalysis{std::move(decoded->bytecode), std::move(decoded->exceptionTable), std::move(decoded->lineTable),
                        std::move(graph), std::move(*stackDepths)};
}

}  // namespace pyjit::frontend
