// The LLVM ORC engine: one LLJIT for the process, one LLVM module and one ResourceTracker per compiled
// code object (so its machine code is freed when the code object dies). Runtime helpers are defined as
// absolute symbols, so lookup never depends on the process's dynamic symbol table.
#pragma once

#include "runtime/CompilerInterface.h"

#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

namespace pyjit::jit {

struct CompiledFunction {
    void* address = nullptr;
    uint64_t handle = 0;
    size_t machineCodeBytes = 0;  // the sizes of the object file's code sections
    std::string error;
};

class Engine {
public:
    static std::unique_ptr<Engine> create(const CompilerServices& services, std::string& error);

    // Hands the optimized `module` to ORC and returns the address of `entryName`; `hot` code that is small
    // gets the optimizing code generator.
    CompiledFunction add(std::unique_ptr<llvm::LLVMContext> context, std::unique_ptr<llvm::Module> module,
                         const std::string& entryName, bool hot = false);
    void release(uint64_t handle);

    const llvm::DataLayout& dataLayout() const { return jit_->getDataLayout(); }
    const llvm::Triple& targetTriple() const { return jit_->getTargetTriple(); }

    // Runs the optimization pipeline on `module` (exposed for dumps and tests); `hot` code gets more of it.
    void optimize(llvm::Module& module, bool hot);

private:
    explicit Engine(std::unique_ptr<llvm::orc::LLJIT> jit) : jit_(std::move(jit)) {}
    void measureEmittedObjects();

    std::unique_ptr<llvm::orc::LLJIT> jit_;
    std::unordered_map<uint64_t, llvm::orc::ResourceTrackerSP> trackers_;
    uint64_t nextHandle_ = 1;
    // Code bytes of the objects emitted since add() began: written by the object transform, which runs
    // inside add()'s lookup on the same thread.
    size_t emittedCodeBytes_ = 0;
    bool jitdumpHeaderPending_ = false;  // -X jit-perf: the dump header still needs its fix (Engine.cpp)
};

// The symbol name of runtime helper `id` ("pyjit_<name>").
const char* helperSymbol(HelperId id);

}  // namespace pyjit::jit
