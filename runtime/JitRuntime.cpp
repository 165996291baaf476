#include "JitRuntime.h"

#include "CodeState.h"
#include "EvalHook.h"
#include "EventLog.h"
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
    // Through sys.stderr, so our lines stay in order with the program's own buffered output.
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end + 1;
        PySys_FormatStderr("%s", text.substr(start, end - start).c_str());
        start = end;
    }
}

}  // namespace

std::optional<std::string> JitRuntime::enable(const JitOptions& options) {
    if (!pyjit_is_main_interpreter()) return std::string("pyjit runs in the main interpreter only");
    if (!CodeStateRegistry::initialize()) return std::string("no co_extra slot is left for pyjit");
    if (auto error = prepareDumpDir(options.dumpDir)) return error;
    if (!options.logFile.empty() && options.logFile != gOptions.logFile) {
        if (auto error = EventLog::open(options.logFile)) return error;
    } else if (options.logFile.empty()) {
        EventLog::close();
    }
    gOptions = options;
    if (options.mode == JitMode::Off) {
        removeEvalHook();
    } else {
        installEvalHook(options);
    }
    EventLog::write("start", {{"mode", jitModeName(options.mode)},
                              {"threshold", options.threshold},
                              {"pid", static_cast<long>(getpid())},
                              {"python", PY_VERSION}});
    return std::nullopt;
}

void JitRuntime::disable() { removeEvalHook(); }

const JitOptions& JitRuntime::options() { return gOptions; }

bool JitRuntime::hookInstalled() { return evalHookInstalled(); }

void JitRuntime::finishAtExit() {
    if (gOptions.statsToStderr || !gOptions.statsFile.empty()) {
        nlohmann::json stats = collectStats();
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
