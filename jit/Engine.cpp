#include "Engine.h"

#include <llvm/ExecutionEngine/Orc/CompileUtils.h>
#include <llvm/ExecutionEngine/Orc/Debugging/PerfSupportPlugin.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h>
#include <llvm/ExecutionEngine/Orc/ObjectTransformLayer.h>
#include <llvm/ExecutionEngine/Orc/TargetProcess/JITLoaderPerf.h>
#include <llvm/IR/InlineAsm.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Transforms/Scalar/DeadStoreElimination.h>
#include <llvm/Transforms/Scalar/EarlyCSE.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>
#include <llvm/Transforms/Utils/Mem2Reg.h>

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <mutex>

namespace pyjit::jit {

namespace {

constexpr const char* kHelperSymbols[] = {
#define PYJIT_HELPER(name, ...) "pyjit_" #name,
#include "runtime/helpers.def"
#undef PYJIT_HELPER
};

std::string describe(llvm::Error error) { return llvm::toString(std::move(error)); }

// The module flag with which Engine::add asks for the optimizing code generator.
constexpr const char* kOptimizedCodeGenFlag = "pyjit.optimized-codegen";
// IR instructions after optimize(): a recursive fib is about 780, a three-field __init__ about 200,
// mandelbrot's escape_counts (one function, three nested loops) about 4000. Hot code of any size up to
// this gets the optimizing code generator: FastISel's code for a big loop function runs slower than
// CPython's interpreter (mandelbrot: 1127 M instructions of compiled code against 341 M with `Less`).
// The cap bounds one compile to about a second.
constexpr size_t kOptimizedCodeGenLimit = 20000;

// Code generation by hotness and size (docs/architecture.md, "Compile time"): hot code up to the limit
// gets SelectionDAG + the greedy register allocator (CodeGenOptLevel::Less: a fifth fewer instructions at
// run time for small functions, a third or less for loops); the rest (threshold 0 compiles everything)
// FastISel, whose code generation is about five times cheaper. Compiles run one at a time (the background worker
// or a synchronous compile), so each level keeps one target machine.
class SizeTieredCompiler : public llvm::orc::IRCompileLayer::IRCompiler {
public:
    static llvm::Expected<std::unique_ptr<llvm::orc::IRCompileLayer::IRCompiler>> create(
        llvm::orc::JITTargetMachineBuilder builder) {
        builder.setCodeGenOptLevel(llvm::CodeGenOptLevel::None);
        auto fast = builder.createTargetMachine();
        if (!fast) return fast.takeError();
        builder.setCodeGenOptLevel(llvm::CodeGenOptLevel::Less);
        auto optimized = builder.createTargetMachine();
        if (!optimized) return optimized.takeError();
        return std::unique_ptr<llvm::orc::IRCompileLayer::IRCompiler>(
            new SizeTieredCompiler(std::move(*fast), std::move(*optimized)));
    }

    llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> operator()(llvm::Module& module) override {
        std::lock_guard<std::mutex> lock(mutex_);
        return module.getModuleFlag(kOptimizedCodeGenFlag) != nullptr ? optimized_(module) : fast_(module);
    }

private:
    SizeTieredCompiler(std::unique_ptr<llvm::TargetMachine> fast, std::unique_ptr<llvm::TargetMachine> optimized)
        : IRCompiler(llvm::orc::irManglingOptionsFromTargetOptions(fast->Options)),
          fast_(std::move(fast)),
          optimized_(std::move(optimized)) {}

    std::mutex mutex_;
    llvm::orc::TMOwningSimpleCompiler fast_;
    llvm::orc::TMOwningSimpleCompiler optimized_;
};

// LLVM 19's jitdump header leaves its `flags` field (bytes 32-39) uninitialized and perf inject refuses a
// file with unknown flags: zero them in this process's newest dump, once the header is written (with
// the first function's record).
void clearJitdumpFlags() {
    namespace fs = std::filesystem;
    const char* base = getenv("JITDUMPDIR");
    if (base == nullptr) base = getenv("HOME");
    if (base == nullptr) return;
    std::error_code error;
    fs::path newest;
    fs::file_time_type newestTime;
    std::string name = fmt::format("jit-{}.dump", getpid());
    for (const auto& run : fs::directory_iterator(fs::path(base) / ".debug" / "jit", error)) {
        fs::path candidate = run.path() / name;
        auto time = fs::last_write_time(candidate, error);
        if (error || (!newest.empty() && time < newestTime)) continue;
        newest = candidate;
        newestTime = time;
    }
    if (newest.empty()) return;
    int fd = open(newest.c_str(), O_WRONLY);
    if (fd < 0) return;
    const uint64_t zero = 0;
    [[maybe_unused]] ssize_t written = pwrite(fd, &zero, sizeof(zero), 32);
    close(fd);
}

// -X jit-perf: LLVM's perf plugin writes a jitdump file (`jit-PID.dump`, under $JITDUMPDIR or
// ~/.debug/jit) with each function's name and code bytes; `perf record -k 1` sees its mmap and
// `perf inject --jit` turns it into symbols perf report and perf annotate read. The three registration
// functions live in libLLVM, which is loaded RTLD_LOCAL, so they are defined here by address.
llvm::Error enablePerfSupport(llvm::orc::LLJIT& jit) {
    auto* linker = llvm::dyn_cast<llvm::orc::ObjectLinkingLayer>(&jit.getObjLinkingLayer());
    if (linker == nullptr) {
        return llvm::make_error<llvm::StringError>("perf support needs JITLink", llvm::inconvertibleErrorCode());
    }
    auto start = llvm::orc::ExecutorAddr::fromPtr(&llvm_orc_registerJITLoaderPerfStart);
    auto end = llvm::orc::ExecutorAddr::fromPtr(&llvm_orc_registerJITLoaderPerfEnd);
    auto impl = llvm::orc::ExecutorAddr::fromPtr(&llvm_orc_registerJITLoaderPerfImpl);
    auto& session = jit.getExecutionSession();
    // The plugin calls Start now and End when the session ends.
    linker->addPlugin(std::make_unique<llvm::orc::PerfSupportPlugin>(session.getExecutorProcessControl(), start, end,
                                                                     impl, /*EmitDebugInfo=*/false,
                                                                     /*EmitUnwindInfo=*/false));
    return llvm::Error::success();
}

// LLVM's global code generator options, set once per process: loop strength reduction (and the freeze
// canonicalization before it) runs ScalarEvolution over the translator's wide phi webs (the unboxed locals'
// stale masks): about a tenth of code generation for a big loop function, and the code came out no faster
// (nbody's compiled loop ran 5% fewer instructions without it). PYJIT_LLVM_OPTIONS adds LLVM options, for
// experiments (e.g. "-disable-lsr=false"); a bad one is reported and the rest of the run goes on.
void configureCodeGenOptions() {
    static std::once_flag once;
    std::call_once(once, [] {
        llvm::StringMap<llvm::cl::Option*>& options = llvm::cl::getRegisteredOptions();
        if (llvm::cl::Option* lsr = options.lookup("disable-lsr")) lsr->addOccurrence(0, "disable-lsr", "true");
        const char* argv[] = {"pyjit"};
        std::string problems;
        llvm::raw_string_ostream errors(problems);
        if (!llvm::cl::ParseCommandLineOptions(1, argv, "", &errors, "PYJIT_LLVM_OPTIONS")) {
            llvm::errs() << "pyjit: PYJIT_LLVM_OPTIONS: " << problems;
        }
    });
}

// x86's mulsd, divsd and subsd return a NaN operand as it is, and CPython's float operations are those
// instructions (C's `*`, `/`, `-` on doubles of unknown value). LLVM's code generator rewrites `x * -1.0`,
// `x / -1.0` and `-0.0 - x` as a negation, which flips a NaN's sign: math.copysign(1.0, nan * -1.0) is 1.0
// in CPython and was -1.0 in compiled code. After the IR passes a constant operand is where it will stay
// (folded by the translator, `x * -1`, or an unboxed local that only ever holds one), so each constant
// operand of a multiplication, a division's divisor and a subtraction's minuend goes through an empty
// inline asm: no instruction, but the code generator no longer sees a constant (`2.0 * x` stays a
// multiplication instead of `x + x`, which costs nothing measurable).
void hideFloatConstantsFromCodeGen(llvm::Function& function) {
    llvm::InlineAsm* opaque = nullptr;
    for (llvm::BasicBlock& block : function) {
        for (llvm::Instruction& instruction : block) {
            const unsigned opcode = instruction.getOpcode();
            if (opcode != llvm::Instruction::FMul && opcode != llvm::Instruction::FDiv &&
                opcode != llvm::Instruction::FSub) {
                continue;
            }
            for (unsigned k = 0; k < 2; k++) {
                const bool rewritable = opcode == llvm::Instruction::FMul ||
                                        (opcode == llvm::Instruction::FDiv && k == 1) ||
                                        (opcode == llvm::Instruction::FSub && k == 0);
                if (!rewritable || !llvm::isa<llvm::ConstantFP>(instruction.getOperand(k))) continue;
                llvm::Type* type = instruction.getType();
                if (opaque == nullptr) {
                    opaque = llvm::InlineAsm::get(llvm::FunctionType::get(type, {type}, false), "", "=x,0",
                                                  /*hasSideEffects=*/false);
                }
                auto* hidden = llvm::CallInst::Create(opaque, {instruction.getOperand(k)}, "", &instruction);
                instruction.setOperand(k, hidden);
            }
        }
    }
}

}  // namespace

const char* helperSymbol(HelperId id) { return kHelperSymbols[static_cast<size_t>(id)]; }

std::unique_ptr<Engine> Engine::create(const CompilerServices& services, std::string& error) {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    configureCodeGenOptions();
    auto machine = llvm::orc::JITTargetMachineBuilder::detectHost();
    if (!machine) {
        error = describe(machine.takeError());
        return nullptr;
    }
    auto jit = llvm::orc::LLJITBuilder()
                   .setJITTargetMachineBuilder(std::move(*machine))
                   .setCompileFunctionCreator(SizeTieredCompiler::create)
                   .create();
    if (!jit) {
        error = describe(jit.takeError());
        return nullptr;
    }
    llvm::orc::SymbolMap helpers;
    for (size_t i = 0; i < static_cast<size_t>(HelperId::Count); i++) {
        helpers[(*jit)->mangleAndIntern(kHelperSymbols[i])] = {
            llvm::orc::ExecutorAddr::fromPtr(services.helpers[i]),
            llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable};
    }
    if (auto err = (*jit)->getMainJITDylib().define(llvm::orc::absoluteSymbols(std::move(helpers)))) {
        error = describe(std::move(err));
        return nullptr;
    }
    if (services.perfSupport) {
        if (auto err = enablePerfSupport(**jit)) {
            error = fmt::format("-X jit-perf: {}", describe(std::move(err)));
            return nullptr;
        }
    }
    auto engine = std::unique_ptr<Engine>(new Engine(std::move(*jit)));
    engine->jitdumpHeaderPending_ = services.perfSupport;
    engine->measureEmittedObjects();
    return engine;
}

void Engine::measureEmittedObjects() {
    // Every object file passes through here on its way to the linker: sum its code sections' sizes.
    jit_->getObjTransformLayer().setTransform(
        [this](std::unique_ptr<llvm::MemoryBuffer> object) -> llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> {
            auto parsed = llvm::object::ObjectFile::createObjectFile(object->getMemBufferRef());
            if (!parsed) {
                llvm::consumeError(parsed.takeError());
                return object;
            }
            for (const llvm::object::SectionRef& section : (*parsed)->sections()) {
                if (section.isText()) emittedCodeBytes_ += section.getSize();
            }
            return object;
        });
}

void Engine::optimize(llvm::Module& module, bool hot) {
    // The generic tier's code is mostly helper calls: promoting the stack slots to SSA values and
    // folding the little blocks is what pays. Measured on one program's 26 functions (p50 per
    // function): default<O1> + default codegen 17.4 ms, default<O1> + fast codegen 10.6 ms, this
    // pipeline + fast codegen 2.8 ms (docs/architecture.md, "Compile time").
    // All four analysis managers, cross-registered: passes such as EarlyCSE and InstCombine ask for the
    // module-level proxy and crash without it (the "segfault with EarlyCSE" once blamed on the IR).
    llvm::LoopAnalysisManager loops;
    llvm::FunctionAnalysisManager functions;
    llvm::CGSCCAnalysisManager sccs;
    llvm::ModuleAnalysisManager modules;
    llvm::PassBuilder builder;
    builder.registerModuleAnalyses(modules);
    builder.registerCGSCCAnalyses(sccs);
    builder.registerFunctionAnalyses(functions);
    builder.registerLoopAnalyses(loops);
    builder.crossRegisterProxies(loops, functions, sccs, modules);
    llvm::FunctionPassManager passes;
    passes.addPass(llvm::PromotePass());
    passes.addPass(llvm::SimplifyCFGPass());
    // Hot code: with the translator's memory regions (FunctionTranslator::Region, TBAA), EarlyCSE forwards
    // reloads of locals and type pointers across reference count updates and DSE drops prev_instr stores the
    // next instruction overwrites: nbody's compiled loop runs 17% fewer instructions, for 2-3% more time in
    // its compile (the optimizing code generator dominates there). Not for the rest (threshold 0 compiles
    // everything with FastISel): there these passes would cost a third more compile time.
    if (hot) {
        passes.addPass(llvm::EarlyCSEPass(/*UseMemorySSA=*/true));
        passes.addPass(llvm::DSEPass());
        // EarlyCSE proves some guard conditions (a type already tested, a value already compared): fold
        // their branches so the failure paths behind them never reach the code generator.
        passes.addPass(llvm::SimplifyCFGPass());
    }
    for (llvm::Function& function : module) {
        if (function.isDeclaration()) continue;
        passes.run(function, functions);
        hideFloatConstantsFromCodeGen(function);
    }
}

CompiledFunction Engine::add(std::unique_ptr<llvm::LLVMContext> context, std::unique_ptr<llvm::Module> module,
                             const std::string& entryName, bool hot) {
    CompiledFunction result;
    size_t instructions = 0;
    for (const llvm::Function& function : *module) instructions += function.getInstructionCount();
    if (hot && instructions <= kOptimizedCodeGenLimit) {
        module->addModuleFlag(llvm::Module::Warning, kOptimizedCodeGenFlag, 1);
    }
    module->setDataLayout(jit_->getDataLayout());
    module->setTargetTriple(jit_->getTargetTriple().str());
    auto tracker = jit_->getMainJITDylib().createResourceTracker();
    emittedCodeBytes_ = 0;
    if (auto err = jit_->addIRModule(tracker, llvm::orc::ThreadSafeModule(std::move(module), std::move(context)))) {
        result.error = describe(std::move(err));
        return result;
    }
    auto symbol = jit_->lookup(entryName);  // code generation happens here
    if (!symbol) {
        result.error = describe(symbol.takeError());
        llvm::consumeError(tracker->remove());
        return result;
    }
    result.address = symbol->toPtr<void*>();
    if (jitdumpHeaderPending_) {
        clearJitdumpFlags();
        jitdumpHeaderPending_ = false;
    }
    result.machineCodeBytes = emittedCodeBytes_;
    result.handle = nextHandle_++;
    trackers_.emplace(result.handle, std::move(tracker));
    return result;
}

void Engine::release(uint64_t handle) {
    auto found = trackers_.find(handle);
    if (found == trackers_.end()) return;
    llvm::consumeError(found->second->remove());
    trackers_.erase(found);
}

}  // namespace pyjit::jit
