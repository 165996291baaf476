#include "JitRuntime.h"

#include "CodeState.h"
#include "Deopt.h"
#include "EvalHook.h"
#include "EventLog.h"
#include "JitCompiler.h"
#include "Stats.h"
#include "cpython/frame_access.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace pyjit {

namespace {

JitOptions gOptions;

std::optional<std::string> prepareDumpDir(const std::string& dir) {
    if (dir.empty()) return std::nullopt;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return fmt::format("cannot create the dump folder '{}': {}", dir, ec.message());
    return std::nullopt;
}

void writeStderr(const std::string& text) {
    // After the program's own buffered stdout, through sys.stderr: in order on a shared pipe.
    if (PyObject* result = PyObject_CallMethod(PySys_GetObject("stdout"), "flush", nullptr)) {
        Py_DECREF(result);
    } else {
        PyErr_Clear();
    }
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end + 1;
        PySys_FormatStderr("%s", text.substr(start, end - start).c_str());
        start = end;
    }
}

// Paths are fixed when the JIT is switched on: a program that changes directory later still writes its
// stats, log and dumps where the command line said.
std::string absolutePath(const std::string& path) {
    if (path.empty()) return path;
    std::error_code ec;
    auto absolute = std::filesystem::absolute(path, ec);
    return ec ? path : absolute.string();
}

}  // namespace

std::optional<std::string> JitRuntime::enable(const JitOptions& requested) {
    if (!pyjit_is_main_interpreter()) return std::string("pyjit runs in the main interpreter only");
    if (!CodeStateRegistry::initialize()) return std::string("no co_extra slot is left for pyjit");
    JitOptions options = requested;
    options.statsFile = absolutePath(options.statsFile);
    options.logFile = absolutePath(options.logFile);
    options.dumpDir = absolutePath(options.dumpDir);
    // Everything that can fail comes first, so a failed enable() changes nothing.
    std::optional<EventLog::Handle> newLog;
    if (!options.logFile.empty() && options.logFile != gOptions.logFile) {
        auto opened = EventLog::openFile(options.logFile);
        if (!opened.first) return opened.second;
        newLog = opened.first;
    }
    if (auto error = prepareDumpDir(options.dumpDir)) {
        if (newLog) EventLog::closeHandle(*newLog);
        return error;
    }
    if (newLog) {
        EventLog::adopt(*newLog);
    } else if (options.logFile.empty()) {
        EventLog::close();
    }
    gOptions = options;
    if (options.mode == JitMode::Off) {
        removeEvalHook();
    } else {
        configureDeopt(options.deoptStressSeed, options.deoptLimit, options.recompileLimit);
        installEvalHook(options);
    }
    EventLog::write("start", {{"mode", jitModeName(options.mode)},
                              {"threshold", options.threshold},
                              {"python", PY_VERSION}});
    return std::nullopt;
}

void JitRuntime::disable() { removeEvalHook(); }

const JitOptions& JitRuntime::options() { return gOptions; }

bool JitRuntime::hookInstalled() { return evalHookInstalled(); }

void JitRuntime::finishAtExit() {
    // The report and the log account for every compile the program asked for.
    if (gOptions.statsToStderr || !gOptions.statsFile.empty() || EventLog::active()) JitCompiler::waitForCompiles();
    if (gOptions.statsToStderr || !gOptions.statsFile.empty() || EventLog::active()) {
        nlohmann::json stats = collectStats();
        logGuardCounts(stats);
        if (gOptions.statsToStderr) writeStderr(formatStatsText(stats, 20));
        if (!gOptions.statsFile.empty()) {
            std::ofstream out(gOptions.statsFile);
            out << stats.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
            if (!out) writeStderr(fmt::format("pyjit: cannot write stats to '{}'\n", gOptions.statsFile));
        }
    }
    EventLog::write("exit", {});
    EventLog::close();
}

}  // namespace pyjit
