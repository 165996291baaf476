#include "JitCompiler.h"

#include "BackgroundWorker.h"
#include "Deopt.h"
#include "EventLog.h"
#include "Inlining.h"
#include "JitRuntime.h"
#include "OpHelpers.h"
#include "Ref.h"

#include <fmt/format.h>

#include <dlfcn.h>
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>

namespace pyjit {

namespace {

// The jit library is used by one thread at a time: the worker, or the main thread for a synchronous
// compile or a release. Guards gCompiler, gLoadError and everything inside the library.
std::mutex gCompilerMutex;
CodeCompiler* gCompiler = nullptr;
std::string gLoadError;  // set once loading failed: every later compile fails with it
// fork() while the worker is inside dlopen() would leave the child a half-loaded libLLVM: a fork waits for
// a load in progress (at most the ~50 ms of one dlopen; compiles are not waited for).
std::mutex gLoadMutex;
CompilerServices gServices{};
bool gServicesReady = false;
std::vector<double> gCompileTimes;
std::vector<double> gCompileLatencies;
std::map<std::string, JitCompiler::OpcodeCounts> gOpcodeCounts;
std::map<std::string, uint64_t> gFallbackCounts;
// Reasons may name an offset, so their number is bounded; the rest are counted together.
constexpr size_t kMaxFallbackReasons = 200;
constexpr const char* kOtherFallbackReasons = "(other reasons)";
// Compile time grows with code size (measured, generic tier: about 0.3 ms of CPU per code unit, 16,000
// units 5 s), and code that large is rarely hot, so it stays in the lower tier. Caps a compile at ~3 s.
constexpr Py_ssize_t kMaxCompiledCodeUnits = 10000;

// libpyjit_jit.so sits beside the _pyjit extension, in the package folder.
std::string jitLibraryPath() {
    Dl_info info;
    if (dladdr(reinterpret_cast<void*>(&jitLibraryPath), &info) == 0 || info.dli_fname == nullptr) {
        return "libpyjit_jit.so";
    }
    std::string self = info.dli_fname;
    return self.substr(0, self.rfind('/') + 1) + "libpyjit_jit.so";
}

// Filled in by the main thread (it reads the interpreter state); the loader may run on the worker.
void prepareServices() {
    if (gServicesReady) return;
    std::memcpy(gServices.helpers, helperAddresses(), sizeof(gServices.helpers));
    PyjitLayout layout;
    pyjit_layout_init(&layout);
    gServices.layout = {layout.frame_localsplus,
                        layout.frame_prev_instr,
                        layout.object_refcnt,
                        layout.object_type,
                        layout.ref_debug,
                        layout.eval_breaker,
                        layout.long_size,
                        layout.long_digit,
                        layout.float_value,
                        layout.small_int_zero,
                        layout.small_int_stride,
                        layout.small_int_min,
                        layout.small_int_max,
                        layout.var_size,
                        layout.list_items,
                        layout.tuple_items,
                        layout.range_iter_index,
                        layout.range_iter_start,
                        layout.range_iter_step,
                        layout.range_iter_len,
                        layout.list_iter_index,
                        layout.list_iter_seq,
                        layout.type_version_tag,
                        layout.managed_values,
                        layout.bytearray_start,
                        layout.tstate_cframe,
                        layout.cframe_use_tracing,
                        layout.managed_dict,
                        layout.heap_type_cached_keys,
                        layout.dict_keys_entries,
                        layout.tstate_recursion_remaining,
                        layout.cframe_current_frame,
                        layout.frame_previous,
                        layout.frame_stacktop,
                        layout.frame_globals,
                        layout.frame_builtins,
                        layout.dict_version_tag,
                        layout.global_cache_globals_version,
                        layout.global_cache_builtins_version,
                        layout.global_cache_value,
                        layout.function_code,
                        layout.function_defaults,
                        layout.function_globals,
                        layout.function_builtins,
                        layout.frame_func,
                        layout.frame_locals,
                        layout.frame_code,
                        layout.frame_object,
                        layout.frame_is_entry,
                        layout.frame_owner,
                        layout.frame_owned_by_thread,
                        layout.tstate_datastack_top,
                        layout.tstate_datastack_limit,
                        layout.tstate_interp,
                        layout.interp_eval_frame,
                        layout.installed_eval_hook,
                        layout.call_target_entry,
                        layout.call_target_calls,
                        layout.direct_call_cell_code,
                        layout.direct_call_cell_target,
                        layout.call_cache_entries,
                        layout.cell_ref};
    gServices.objects = {Py_None,           Py_True,
                         Py_False,          &PyLong_Type,
                         &PyFloat_Type,     &PyList_Type,
                         &PyTuple_Type,     &PyUnicode_Type,
                         &PyRangeIter_Type, &PyListIter_Type,
                         &PyByteArray_Type, &PyDict_Type,
                         &PyFunction_Type,  pyjit_reentry_sentinel()};
    gServices.perfSupport = JitRuntime::options().perfSupport;  // read once: the engine is set up once
    gServicesReady = true;
}

// With gCompilerMutex held.
CodeCompiler* loadCompiler() {
    if (gCompiler != nullptr || !gLoadError.empty()) return gCompiler;
    std::lock_guard forkLock(gLoadMutex);
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
    gCompiler = create(&gServices);
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

nlohmann::json describeForLog(PyCodeObject* code) {
    return {{"qualname", utf8(code->co_qualname)},
            {"file", utf8(code->co_filename)},
            {"line", code->co_firstlineno},
            {"tier", jitModeName(JitRuntime::options().mode)}};
}

// One compile on its way: read from the code object under the GIL, compiled without it (on the worker or
// inline), installed under the GIL. It owns a reference to the code object so that the code, its
// constants and its CodeState outlive the compile.
struct PendingCompile {
    CodeState* state;
    PyCodeObject* code;  // owned
    CodeInput input;
    CompileOutput output;
    bool background = false;
    std::chrono::steady_clock::time_point queuedAt = std::chrono::steady_clock::now();

    double millisSinceQueued() const {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - queuedAt).count();
    }
};

BackgroundWorker gWorker;
std::mutex gFinishedMutex;
std::vector<std::unique_ptr<PendingCompile>> gFinished;  // waiting for the main thread
std::vector<PendingCompile*> gQueued;                    // submitted, not installed (main thread only)
std::atomic<bool> gHasFinished{false};
bool gExitHandlersInstalled = false;
bool gLeaveRunningCompileAtExit = false;  // the pyjit executable _exit()s if a compile still runs at exit

void compileWithoutGil(PendingCompile& job) {
    std::lock_guard lock(gCompilerMutex);
    if (CodeCompiler* compiler = loadCompiler()) {
        job.output = compiler->compile(job.input);
    } else {
        job.output.failure = gLoadError;
    }
}

void logCompile(const PendingCompile& job, double latencyMillis) {
    if (!EventLog::active() || job.output.entry == nullptr) return;
    nlohmann::json fields = describeForLog(job.code);
    fields["background"] = job.background;
    fields["calls"] = job.state->calls;
    fields["back_edges"] = job.state->backEdges;
    fields["resume_points"] = job.output.resumeIndices.size();
    fields["ms"] = job.output.compileMillis;
    fields["latency_ms"] = latencyMillis;
    fields["phase_ms"] = {{"translate", job.output.translateMillis},
                          {"optimize", job.output.optimizeMillis},
                          {"codegen", job.output.codegenMillis}};
    fields["instructions_lowered"] = job.output.instructionsLowered;
    fields["instructions_handed_off"] = job.output.instructionsHandedOff;
    // The tier of this compile: specialized mode compiles generic code once the recompile limit is reached.
    fields["tier"] = job.input.specialize ? "specialized" : "generic";
    fields["guards"] = job.output.guards.size();
    if (!job.output.directCalls.empty()) {
        nlohmann::json sites = nlohmann::json::array();
        for (const DirectCallSite& site : job.output.directCalls) {
            sites.push_back({{"offset", site.offset}, {"callee", site.callee}});
        }
        fields["direct_calls"] = std::move(sites);
    }
    fields["code_bytes"] = job.output.machineCodeBytes;
    fields["recompiles"] = job.state->recompiles;
    EventLog::write("compile", std::move(fields));
}

void install(std::unique_ptr<PendingCompile> job) {
    std::erase(gQueued, job.get());
    double latencyMillis = job->millisSinceQueued();
    logCompile(*job, latencyMillis);
    CodeState& state = *job->state;
    const CompileOutput& output = job->output;
    if (state.compiledHandle != 0) {  // a recompile replacing the code that ran meanwhile (recompileWhileRunning)
        state.retiredHandles.push_back(state.compiledHandle);
        state.compiledHandle = 0;
        state.entry = nullptr;
        state.resumeDepths.clear();
        state.coldLoopHeaders.clear();
    }
    if (output.entry == nullptr) {
        JitCompiler::markUnsupported(state, output.failure);
    } else {
        state.tier = CodeTier::Compiled;
        state.entry = output.entry;
        state.resumeDepths = output.resumeIndices;
        state.coldLoopHeaders = output.coldLoopHeaders;
        state.coldLoopBackEdges = 0;
        state.generatorResumes = output.generatorResumes;
        state.compiledGenerator = (state.code->co_flags & CO_GENERATOR) != 0;
        state.generator_resumes = reinterpret_cast<const PyjitGeneratorResume*>(state.generatorResumes.data());
        state.generator_resume_count = state.generatorResumes.size();
        state.compiledHandle = output.handle;
        state.compileMillis = output.compileMillis;
        state.machineCodeBytes = output.machineCodeBytes;
        state.instructionsLowered = output.instructionsLowered;
        state.instructionsHandedOff = output.instructionsHandedOff;
        for (auto& guard : job->output.guards) state.guards.push_back(std::move(guard));
        gCompileTimes.push_back(output.compileMillis);
        gCompileLatencies.push_back(latencyMillis);
        for (const auto& [name, count] : output.loweredOpcodes) gOpcodeCounts[name].lowered += count;
        for (const auto& [name, count] : output.handedOffOpcodes) gOpcodeCounts[name].handedOff += count;
    }
    Py_DECREF(job->code);  // last: it may free the code object, its state and (via release) the machine code
}

// Py_AtExit: the worker must be idle before the process tears down static objects LLVM uses. Compiles
// that have not started are dropped (nothing will run their code; their jobs are left to the exiting
// process, as Python is already finalized), so a short program waits at most for the one in progress.
// exit()'s first handler once a compile was left running: Python is finalized, so only C stdio is left to
// flush; the other exit handlers and static destructors (LLVM's, under the running compile) are skipped.
void leaveWithoutWaiting(int status, void*) {
    std::fflush(nullptr);
    _exit(status);
}

// With leaveRunningCompileAtExit(), a compile in progress is not waited for: on_exit() handlers registered
// last run first and get exit()'s status, whether main returns or Python calls exit() itself (sys.exit()
// in a script goes through Py_Exit()).
void stopWorkerAtExit() {
    if (gLeaveRunningCompileAtExit && gWorker.runningTask()) {
        gWorker.stopWithoutWaiting();
        if (on_exit(leaveWithoutWaiting, nullptr) == 0) return;
    }
    gWorker.stop(/*dropQueued=*/true);
}

// Frees machine code now if no compile is running, else on the worker after that compile: a dying code
// object must not make the program wait for a compile (seconds for a big function).
void releaseMachineCode(std::vector<uint64_t> handles) {
    auto releaseAll = [](const std::vector<uint64_t>& all) {
        if (gCompiler == nullptr) return;
        for (uint64_t handle : all) gCompiler->release(handle);
    };
    std::unique_lock lock(gCompilerMutex, std::try_to_lock);
    if (lock.owns_lock()) return releaseAll(handles);
    gWorker.post([releaseAll, handles = std::move(handles)] {
        std::lock_guard workerLock(gCompilerMutex);
        releaseAll(handles);
    });
}

void holdLoadAcrossFork() { gLoadMutex.lock(); }
void releaseLoadAfterFork() { gLoadMutex.unlock(); }

void forgetWorkerInChild() {
    new (&gLoadMutex) std::mutex();
    // The worker thread does not exist in a child: queued compiles will never finish there, so their code
    // objects go back to being counted (and compiled again by the child when hot).
    gWorker.forgetAfterFork();
    new (&gCompilerMutex) std::mutex();
    new (&gFinishedMutex) std::mutex();
    for (PendingCompile* job : gQueued) {
        job->state->tier = job->state->entry != nullptr ? CodeTier::Compiled : CodeTier::Interpreter;
    }
    gQueued.clear();
    gFinished.clear();
    gHasFinished = false;
}

void installExitHandlers() {
    if (gExitHandlersInstalled) return;
    gExitHandlersInstalled = true;
    Py_AtExit(stopWorkerAtExit);
    pthread_atfork(holdLoadAcrossFork, releaseLoadAfterFork, forgetWorkerInChild);
}

}  // namespace

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
    for (const void* item : input.consts) {
        auto* value = static_cast<PyObject*>(const_cast<void*>(item));
        bool smallInt = PyLong_CheckExact(value) && Py_SIZE(value) >= -2 && Py_SIZE(value) <= 2;
        input.smallIntConsts.push_back(smallInt ? std::optional<int64_t>(PyLong_AsLongLong(value)) : std::nullopt);
        input.floatConsts.push_back(PyFloat_CheckExact(value) ? std::optional<double>(PyFloat_AS_DOUBLE(value))
                                                              : std::nullopt);
    }
    input.names = tupleItems(code->co_names);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(code->co_names); i++) {
        if (PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(code->co_names, i), "range") == 0) input.rangeName = i;
    }
    input.nlocalsplus = code->co_nlocalsplus;
    input.parameterCount = code->co_argcount + code->co_kwonlyargcount + ((code->co_flags & CO_VARARGS) ? 1 : 0) +
                           ((code->co_flags & CO_VARKEYWORDS) ? 1 : 0);
    input.flags = code->co_flags;
    input.isGenerator = (code->co_flags & CO_GENERATOR) != 0;
    input.stackSize = code->co_stacksize;
    return true;
}

void JitCompiler::leaveRunningCompileAtExit() {
    gLeaveRunningCompileAtExit = true;
    // Loading LLVM (dlopen, relocations, the LLJIT: ~80 ms) made every program's first compile that much
    // later, all of it spent in tier 1. Exit no longer waits for the worker, so the load may start before
    // the first compile: when some code is warm (codeIsWarming). Not at start-up: a program that never
    // gets warm would pay for it (`-c pass`: ~6 ms, the load beside start-up and unmapping libLLVM at exit).
    const JitOptions& options = JitRuntime::options();
    const bool compiles = options.mode == JitMode::Generic || options.mode == JitMode::Specialized;
    warmLoadPending_ = compiles && options.compileInBackground && options.threshold > 0;
}

void JitCompiler::startLoadOnWarmCode() {
    warmLoadPending_ = false;
    prepareServices();
    installExitHandlers();
    gWorker.post([] {
        std::lock_guard lock(gCompilerMutex);
        loadCompiler();
    });
}

void JitCompiler::markUnsupported(CodeState& state, std::string reason) {
    if (EventLog::active()) {
        nlohmann::json fields = describeForLog(state.code);
        fields["reason"] = reason;
        EventLog::write("give-up", std::move(fields));
    }
    bool counted = gFallbackCounts.size() < kMaxFallbackReasons || gFallbackCounts.contains(reason);
    gFallbackCounts[counted ? reason : kOtherFallbackReasons]++;
    state.tier = CodeTier::Unsupported;
    state.fallbackReason = std::move(reason);
}

void JitCompiler::compile(CodeState& state, const std::string& dumpDir, _PyInterpreterFrame* frame,
                          std::optional<uint32_t> loopHeader) {
    constexpr int kCoroutineFlags = CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE;
    if (state.code->co_flags & kCoroutineFlags) {
        return markUnsupported(state, "coroutine or async generator: runs in CPython's interpreter for now");
    }
    if (state.tier != CodeTier::Interpreter) return;  // already queued, compiled or given up
    if (Py_SIZE(state.code) > kMaxCompiledCodeUnits) {
        return markUnsupported(state,
                               fmt::format("too large to compile: more than {} code units", kMaxCompiledCodeUnits));
    }
    auto job = std::make_unique<PendingCompile>();
    job->state = &state;
    if (!describeCode(state.code, job->input)) return markUnsupported(state, "cannot read the code object");
    job->input.dumpDir = dumpDir;
    const JitOptions& options = JitRuntime::options();
    if (options.mode == JitMode::Specialized && !state.specializationExhausted) {
        job->input.specialize = true;
        job->input.deoptStress = options.deoptStressSeed != 0;
        // Counting costs a load and a store per guard: only when someone will read the counts.
        job->input.countGuardExecutions = options.statsToStderr || !options.statsFile.empty() || EventLog::active();
        job->input.widenedUnits = state.widenedUnits;
        collectSpeculations(&state, state.code, job->input);
        if (options.coldBlocks && options.threshold > 0) collectControlProfile(state, loopHeader, job->input);
        state.compiledLoopHeader = job->input.controlProfile ? job->input.controlProfile->onlyLoopHeader : std::nullopt;
        collectInlineCallees(state, frame, job->input);
        collectDirectCallees(state, job->input);
    }
    job->input.hot = options.threshold > 0;
    prepareServices();
    Py_INCREF(state.code);
    job->code = state.code;
    state.tier = CodeTier::Queued;
    gQueued.push_back(job.get());
    if (!JitRuntime::options().compileInBackground || JitRuntime::options().threshold == 0) {
        compileWithoutGil(*job);
        install(std::move(job));
        return;
    }
    installExitHandlers();
    job->background = true;
    // Code generation time grows with the code's size: small functions first (BackgroundWorker).
    const auto cost = static_cast<uint64_t>(Py_SIZE(state.code));
    gWorker.post(
        [job = job.release()] {
            compileWithoutGil(*job);
            std::lock_guard lock(gFinishedMutex);
            gFinished.emplace_back(job);
            gHasFinished.store(true, std::memory_order_release);
        },
        cost);
}

bool JitCompiler::recompileWhileRunning(CodeState& state, _PyInterpreterFrame* frame) {
    const JitOptions& options = JitRuntime::options();
    if (!options.compileInBackground || options.threshold == 0 || state.tier != CodeTier::Compiled) return false;
    state.tier = CodeTier::Interpreter;  // what compile() queues; entry and resume points stay until install()
    compile(state, options.dumpDir, frame, state.calls <= 1 ? state.compiledLoopHeader : std::nullopt);
    if (state.tier == CodeTier::Queued) return true;
    state.tier = CodeTier::Compiled;  // not queued (given up): the caller retires the code
    return false;
}

bool JitCompiler::hasFinishedCompiles() { return gHasFinished.load(std::memory_order_relaxed); }

void JitCompiler::installFinishedCompiles() {
    std::vector<std::unique_ptr<PendingCompile>> finished;
    {
        std::lock_guard lock(gFinishedMutex);
        finished.swap(gFinished);
        gHasFinished.store(false, std::memory_order_relaxed);
    }
    for (auto& job : finished) install(std::move(job));
}

void JitCompiler::waitForCompiles() {
    gWorker.stop();
    installFinishedCompiles();
}

void JitCompiler::release(CodeState& state) {
    if (state.compiledHandle != 0) state.retiredHandles.push_back(state.compiledHandle);
    if (!state.retiredHandles.empty()) releaseMachineCode(std::move(state.retiredHandles));
    state.retiredHandles.clear();
    state.compiledHandle = 0;
    state.entry = nullptr;
}

const std::map<std::string, uint64_t>& JitCompiler::fallbackCounts() { return gFallbackCounts; }

const std::vector<double>& JitCompiler::compileTimes() { return gCompileTimes; }

const std::vector<double>& JitCompiler::compileLatencies() { return gCompileLatencies; }

const std::map<std::string, JitCompiler::OpcodeCounts>& JitCompiler::opcodeCounts() { return gOpcodeCounts; }

}  // namespace pyjit
