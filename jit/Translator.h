// Lowers one code object's bytecode to LLVM IR for the generic tier: native code that does exactly what
// each instruction does, by calling the runtime's op helpers. The value stack lives in allocas (SSA
// values after mem2reg); locals stay in the frame, which is always exact where code can observe it.
//
// Anything not lowered, and every rare path (unbound locals, NameError, odd iterables, the eval
// breaker's asynchronous exceptions, tracing switched on), hands the frame to CPython's interpreter at an
// exact instruction boundary: the stack is written into the frame and _PyEval_EvalFrameDefault runs
// the rest of this activation. Exceptions are handed over the same way with throwflag set, so CPython
// adds the traceback entry and finds the handler.
#pragma once

#include "jit/BytecodeView.h"
#include "runtime/CompilerInterface.h"

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace pyjit::jit {

struct TranslatedCode {
    std::unique_ptr<llvm::Module> module;
    std::string entryName;
    std::string failure;  // set when nothing could be translated
    size_t instructionsLowered = 0;
    size_t instructionsHandedOff = 0;
    std::map<std::string, uint32_t> loweredOpcodes;    // per opcode name
    std::map<std::string, uint32_t> handedOffOpcodes;
    std::map<uint32_t, int> resumeIndices;  // see CompileOutput
    std::set<uint32_t> coldLoopHeaders;     // see CompileOutput
    std::vector<GeneratorResume> generatorResumes;  // see CompileOutput
    std::vector<std::unique_ptr<GuardRecord>> guards;  // see CompileOutput
    std::vector<DirectCallSite> directCalls;           // see CompileOutput
};

TranslatedCode translate(const CompilerServices& services, const CodeInput& input, const BytecodeView& bytecode,
                         llvm::LLVMContext& context);

}  // namespace pyjit::jit
