#include "Stats.h"

#include "CodeState.h"
#include "JitCompiler.h"
#include "JitRuntime.h"
#include "Options.h"

#include <fmt/format.h>

#include <algorithm>

namespace pyjit {

namespace {

std::string utf8OrEmpty(PyObject* text) {
    if (text == nullptr || !PyUnicode_Check(text)) return {};
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(text, &size);
    if (data == nullptr) {
        PyErr_Clear();
        return {};
    }
    return std::string(data, size);
}

const char* tierName(CodeTier tier) {
    switch (tier) {
    case CodeTier::Interpreter: return "interpreter";
    case CodeTier::Queued: return "queued";
    case CodeTier::Compiled: return "compiled";
    case CodeTier::Unsupported: return "unsupported";
    }
    return "?";
}

nlohmann::json functionEntry(const CodeState& state) {
    return {
        {"qualname", utf8OrEmpty(state.code->co_qualname)},
        {"filename", utf8OrEmpty(state.code->co_filename)},
        {"firstlineno", state.code->co_firstlineno},
        {"calls", state.calls},
        {"back_edges", state.backEdges},
        {"osr_entries", state.osrEntries},
        {"tier", tierName(state.tier)},
        {"compile_ms", state.compileMillis},
        {"instructions_lowered", state.instructionsLowered},
        {"instructions_handed_off", state.instructionsHandedOff},
        {"fallback_reason", state.fallbackReason},
    };
}

double percentile(std::vector<double> sorted, double fraction) {
    if (sorted.empty()) return 0.0;
    std::sort(sorted.begin(), sorted.end());
    size_t index = static_cast<size_t>(fraction * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(index, sorted.size() - 1)];
}

nlohmann::json compileSummary(const std::vector<double>& times) {
    double total = 0;
    for (double t : times) total += t;
    return {{"count", times.size()},
            {"total_ms", total},
            {"p50_ms", percentile(times, 0.50)},
            {"p95_ms", percentile(times, 0.95)}};
}

// Per opcode over every compile: how many instructions were lowered and how many hand the frame over.
nlohmann::json opcodeSummary() {
    nlohmann::json opcodes = nlohmann::json::object();
    for (const auto& [name, counts] : JitCompiler::opcodeCounts()) {
        opcodes[name] = {{"lowered", counts.lowered}, {"handed_off", counts.handedOff}};
    }
    return opcodes;
}

}  // namespace

nlohmann::json collectStats() {
    const JitOptions& options = JitRuntime::options();
    std::vector<const CodeState*> states(CodeStateRegistry::live().begin(), CodeStateRegistry::live().end());
    std::sort(states.begin(), states.end(), [](const CodeState* a, const CodeState* b) {
        return a->calls > b->calls;
    });

    uint64_t calls = CodeStateRegistry::callsInFreedCode();
    nlohmann::json functions = nlohmann::json::array();
    for (const CodeState* state : states) {
        calls += state->calls;
        functions.push_back(functionEntry(*state));
    }
    return {
        {"mode", jitModeName(options.mode)},
        {"threshold", options.threshold},
        {"hook_installed", JitRuntime::hookInstalled()},
        {"code_objects", states.size()},
        {"freed_code_objects", CodeStateRegistry::freedCodeObjects()},
        {"calls", calls},
        {"functions", std::move(functions)},
        {"fallbacks", JitCompiler::fallbackCounts()},
        {"compile", compileSummary(JitCompiler::compileTimes())},
        {"osr_entries", tier1::osrEntries()},
        {"opcodes", opcodeSummary()},
    };
}

std::string formatStatsText(const nlohmann::json& stats, size_t top) {
    std::string text = fmt::format("pyjit stats: mode={} threshold={}\n", stats["mode"].get<std::string>(),
                                   stats["threshold"].get<uint64_t>());
    text += fmt::format("  {} calls seen in {} code objects ({} freed since)\n", stats["calls"].get<uint64_t>(),
                        stats["code_objects"].get<uint64_t>(), stats["freed_code_objects"].get<uint64_t>());
    const auto& compile = stats["compile"];
    text += fmt::format("  compiled: {} code objects, compile time {:.1f} ms (p50 {:.2f} ms, p95 {:.2f} ms)\n",
                        compile["count"].get<uint64_t>(), compile["total_ms"].get<double>(),
                        compile["p50_ms"].get<double>(), compile["p95_ms"].get<double>());
    text += fmt::format("  loops entered in compiled code (OSR): {}\n", stats["osr_entries"].get<uint64_t>());
    const auto& functions = stats["functions"];
    if (!functions.empty()) {
        text += "  hottest code objects:\n";
        text += fmt::format("  {:>12}  {:<12}  {}\n", "calls", "tier", "code object");
    }
    for (size_t i = 0; i < std::min(top, functions.size()); i++) {
        const auto& f = functions[i];
        text += fmt::format("  {:>12}  {:<12}  {} ({}:{})\n", f["calls"].get<uint64_t>(),
                            f["tier"].get<std::string>(), f["qualname"].get<std::string>(),
                            f["filename"].get<std::string>(), f["firstlineno"].get<int>());
    }
    for (const auto& [reason, count] : stats["fallbacks"].items()) {
        text += fmt::format("  fallback: {} x{}\n", reason, count.get<uint64_t>());
    }
    return text;
}

}  // namespace pyjit
