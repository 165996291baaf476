#include "JitCompiler.h"

#include "OpHelpers.h"
#include "Ref.h"

#include <fmt/format.h>

#include <dlfcn.h>

#include <cstring>

namespace pyjit {

namespace {

CodeCompiler* gCompiler = nullptr;
std::string gLoadError;  // set once loading failed: every later compile fails with it
std::vector<double> gCompileTimes;
std::map<std::string, JitCompiler::OpcodeCounts> gOpcodeCounts;

// libpyjit_jit.so sits beside the _pyjit extension, in the package folder.
std::string jitLibraryPath() {
    Dl_info info;
    if (dladdr(reinterpret_cast<void*>(&jitLibraryPath), &info) == 0 || info.dli_fname == nullptr) {
        return "libpyjit_jit.so";
    }
    std::string self = info.dli_fname;
    return self.substr(0, self.rfind('/') + 1) + "libpyjit_jit.so";
}

CodeCompiler* loadCompiler() {
    if (gCompiler != nullptr || !gLoadError.empty()) return gCompiler;
    std::string path = jitLibraryPath();
    void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        gLoadError = fmt::format("cannot load the jit library: {}", dlerror());
        return nullptr;
    }
    auto create = reinterpret_cast<CreateCompilerFunction>(dlsym(library, kCreateCompilerSymbol));
    if (create == nullptr) {
        gLoadError = fmt::format("{} has no {}", path, kCreateCompilerSymbol);
        return nullptr;
    }
    CompilerServices services{};
    std::memcpy(services.helpers, helperAddresses(), sizeof(services.helpers));
    PyjitLayout layout;
    pyjit_layout_init(&layout);
    services.layout = {layout.frame_localsplus, layout.frame_prev_instr, layout.object_refcnt, layout.object_type,
                       layout.ref_debug,        layout.eval_breaker,     layout.long_size,
                       layout.long_digit,       layout.float_value,      layout.small_int_zero,
                       layout.small_int_stride, layout.small_int_min,    layout.small_int_max};
    services.objects = {Py_None, Py_True, Py_False, &PyLong_Type, &PyFloat_Type};
    gCompiler = create(&services);
    if (gCompiler == nullptr) gLoadError = "the jit library could not set up LLVM";
    return gCompiler;
}

std::vector<uint8_t> bytesOf(PyObject* bytes) {
    auto* data = reinterpret_cast<const uint8_t*>(PyBytes_AS_STRING(bytes));
    return std::vector<uint8_t>(data, data + PyBytes_GET_SIZE(bytes));
}

std::vector<const void*> tupleItems(PyObject* tuple) {
    std::vector<const void*> items(PyTuple_GET_SIZE(tuple));
    for (size_t i = 0; i < items.size(); i++) items[i] = PyTuple_GET_ITEM(tuple, i);
    return items;
}

std::string utf8(PyObject* text) {
    const char* data = text != nullptr ? PyUnicode_AsUTF8(text) : nullptr;
    if (data == nullptr) PyErr_Clear();
    return data != nullptr ? data : "";
}

// Reads everything the translator needs from the code object, while we hold the GIL.
bool describeCode(PyCodeObject* code, CodeInput& input) {
    Ref bytecode = Ref::steal(PyCode_GetCode(code));  // unquickened, caches zeroed
    if (!bytecode) {
        PyErr_Clear();
        return false;
    }
    input.codeObject = code;
    input.codeUnits = code->co_code_adaptive;
    input.qualname = utf8(code->co_qualname);
    input.filename = utf8(code->co_filename);
    input.firstLineNo = code->co_firstlineno;
    input.bytecode = bytesOf(bytecode.get());
    input.exceptionTable = bytesOf(code->co_exceptiontable);
    input.lineTable = bytesOf(code->co_linetable);
    input.consts = tupleItems(code->co_consts);
    input.names = tupleItems(code->co_names);
    input.nlocalsplus = code->co_nlocalsplus;
    input.flags = code->co_flags;
    input.stackSize = code->co_stacksize;
    return true;
}

void markUnsupported(CodeState& state, std::string reason) {
    state.tier = CodeTier::Unsupported;
    state.fallbackReason = std::move(reason);
}

}  // namespace

void JitCompiler::compile(CodeState& state, const std::string& dumpDir) {
    constexpr int kGeneratorFlags = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE;
    if (state.code->co_flags & kGeneratorFlags) {
        return markUnsupported(state, "generator or coroutine: runs in CPython's interpreter for now");
    }
    CodeCompiler* compiler = loadCompiler();
    if (compiler == nullptr) return markUnsupported(state, gLoadError);
    CodeInput input;
    if (!describeCode(state.code, input)) return markUnsupported(state, "cannot read the code object");
    input.dumpDir = dumpDir;
    CompileOutput output = compiler->compile(input);
    if (output.entry == nullptr) return markUnsupported(state, output.failure);
    state.tier = CodeTier::Compiled;
    state.entry = output.entry;
    state.compiledHandle = output.handle;
    state.compileMillis = output.compileMillis;
    state.instructionsLowered = output.instructionsLowered;
    state.instructionsHandedOff = output.instructionsHandedOff;
    gCompileTimes.push_back(output.compileMillis);
    for (const auto& [name, count] : output.loweredOpcodes) gOpcodeCounts[name].lowered += count;
    for (const auto& [name, count] : output.handedOffOpcodes) gOpcodeCounts[name].handedOff += count;
}

void JitCompiler::release(CodeState& state) {
    if (state.compiledHandle != 0 && gCompiler != nullptr) gCompiler->release(state.compiledHandle);
    state.compiledHandle = 0;
    state.entry = nullptr;
}

const std::vector<double>& JitCompiler::compileTimes() { return gCompileTimes; }

const std::map<std::string, JitCompiler::OpcodeCounts>& JitCompiler::opcodeCounts() { return gOpcodeCounts; }

}  // namespace pyjit
