// The jit library's entry point: pyjit_create_compiler() builds the engine once; compile() translates,
// optimizes and generates code for one code object, with dumps when asked.
#include "jit/BytecodeView.h"
#include "jit/Engine.h"
#include "jit/Translator.h"

#include <fmt/format.h>
#include <llvm/Support/raw_ostream.h>

#include <chrono>
#include <fstream>
#include <utility>

namespace pyjit::jit {

namespace {

std::string printModule(const llvm::Module& module) {
    std::string text;
    llvm::raw_string_ostream stream(text);
    module.print(stream, nullptr);
    return text;
}

// -X jit-dump=DIR: one file per stage, named after the function.
void dump(const CodeInput& input, const char* stage, const std::string& text) {
    if (input.dumpDir.empty()) return;
    std::string name = input.qualname;
    for (char& c : name) {
        if (!isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.') c = '_';
    }
    std::ofstream(fmt::format("{}/{}-{:x}.{}", input.dumpDir, name, reinterpret_cast<uintptr_t>(input.codeObject), stage))
        << text;
}

class LlvmCodeCompiler final : public CodeCompiler {
public:
    LlvmCodeCompiler(const CompilerServices& services, std::unique_ptr<Engine> engine)
        : services_(services), engine_(std::move(engine)) {}

    CompileOutput compile(const CodeInput& input) override {
        auto started = std::chrono::steady_clock::now();
        auto lap = [last = started]() mutable {
            auto now = std::chrono::steady_clock::now();
            return std::chrono::duration<double, std::milli>(now - std::exchange(last, now)).count();
        };
        CompileOutput output;
        std::string error;
        std::optional<BytecodeView> view = buildBytecodeView(input, error);
        if (!view) {
            output.failure = fmt::format("frontend: {}", error);
            return output;
        }
        auto context = std::make_unique<llvm::LLVMContext>();
        TranslatedCode translated = translate(services_, input, *view, *context);
        if (!translated.module) {
            output.failure = translated.failure;
            return output;
        }
        // Printing a module costs about as much as compiling it: only when dumping.
        if (!input.dumpDir.empty()) dump(input, "ll", printModule(*translated.module));
        output.translateMillis = lap();
        engine_->optimize(*translated.module, input.hot);
        output.optimizeMillis = lap();
        if (!input.dumpDir.empty()) dump(input, "opt.ll", printModule(*translated.module));
        CompiledFunction compiled = engine_->add(std::move(context), std::move(translated.module), translated.entryName,
                                                input.hot);
        output.codegenMillis = lap();
        if (compiled.address == nullptr) {
            output.failure = fmt::format("code generation: {}", compiled.error);
            return output;
        }
        output.entry = reinterpret_cast<NativeEntry>(compiled.address);
        output.handle = compiled.handle;
        output.machineCodeBytes = compiled.machineCodeBytes;
        output.instructionsLowered = translated.instructionsLowered;
        output.instructionsHandedOff = translated.instructionsHandedOff;
        output.loweredOpcodes = std::move(translated.loweredOpcodes);
        output.handedOffOpcodes = std::move(translated.handedOffOpcodes);
        output.resumeIndices = std::move(translated.resumeIndices);
        output.coldLoopHeaders = std::move(translated.coldLoopHeaders);
        output.generatorResumes = std::move(translated.generatorResumes);
        output.guards = std::move(translated.guards);
        output.directCalls = std::move(translated.directCalls);
        output.compileMillis =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        return output;
    }

    void release(uint64_t handle) override { engine_->release(handle); }

private:
    CompilerServices services_;
    std::unique_ptr<Engine> engine_;
};

}  // namespace

}  // namespace pyjit::jit

extern "C" __attribute__((visibility("default"))) pyjit::CodeCompiler* pyjit_create_compiler(
    const pyjit::CompilerServices* services) {
    std::string error;
    auto engine = pyjit::jit::Engine::create(*services, error);
    if (!engine) {
        llvm::errs() << "pyjit: cannot set up LLVM: " << error << "\n";
        return nullptr;
    }
    return new pyjit::jit::LlvmCodeCompiler(*services, std::move(engine));
}
