#include "Stats.h"

#include "CodeState.h"
#include "Deopt.h"
#include "EventLog.h"
#include "JitCompiler.h"
#include "JitRuntime.h"
#include "Options.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

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

nlohmann::json guardEntries(const CodeState& state) {
    nlohmann::json guards = nlohmann::json::array();
    for (const auto& guard : state.guards) {
        nlohmann::json byReason = nlohmann::json::object();
        for (size_t r = 0; r < guard->failuresByReason.size(); r++) {
            if (guard->failuresByReason[r] != 0) byReason[kDeoptReasonNames[r]] = guard->failuresByReason[r];
        }
        nlohmann::json expected = nlohmann::json::array();
        for (const void* type : guard->expected) {
            expected.push_back(type != nullptr ? nlohmann::json(static_cast<const PyTypeObject*>(type)->tp_name)
                                               : nullptr);
        }
        guards.push_back({{"offset", 2 * guard->opcodeUnit},
                          {"guard", kGuardKindNames[static_cast<size_t>(guard->kind)]},
                          {"line", PyCode_Addr2Line(state.code, static_cast<int>(2 * guard->opcodeUnit))},
                          {"opname", guard->opname},
                          {"expected", std::move(expected)},
                          {"executions", guard->executions},
                          {"failures", guard->failures},
                          {"failures_by_reason", std::move(byReason)}});
    }
    return guards;
}

nlohmann::json deoptSummary() {
    nlohmann::json byReason = nlohmann::json::object();
    uint64_t total = 0;
    for (size_t r = 0; r < deoptsByReason().size(); r++) {
        byReason[kDeoptReasonNames[r]] = deoptsByReason()[r];
        total += deoptsByReason()[r];
    }
    return {{"total", total}, {"by_reason", std::move(byReason)}};
}

nlohmann::json functionEntry(const CodeState& state) {
    return {
        {"deopts", state.deopts},
        {"recompiles", state.recompiles},
        {"guards", guardEntries(state)},
        {"qualname", utf8OrEmpty(state.code->co_qualname)},
        {"filename", utf8OrEmpty(state.code->co_filename)},
        {"firstlineno", state.code->co_firstlineno},
        {"calls", state.calls},
        {"back_edges", state.backEdges},
        {"osr_entries", state.osrEntries},
        {"tier", tierName(state.tier)},
        {"compile_ms", state.compileMillis},
        {"code_bytes", state.machineCodeBytes},
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

nlohmann::json compileSummary(const std::vector<double>& times, const std::vector<double>& latencies) {
    double total = 0;
    for (double t : times) total += t;
    return {{"count", times.size()},
            {"total_ms", total},
            {"p50_ms", percentile(times, 0.50)},
            {"p95_ms", percentile(times, 0.95)},
            {"latency_p50_ms", percentile(latencies, 0.50)},
            {"latency_p95_ms", percentile(latencies, 0.95)}};
}

// Per opcode over every compile: how many instructions were lowered and how many hand the frame over.
nlohmann::json opcodeSummary() {
    nlohmann::json opcodes = nlohmann::json::object();
    for (const auto& [name, counts] : JitCompiler::opcodeCounts()) {
        opcodes[name] = {{"lowered", counts.lowered}, {"handed_off", counts.handedOff}};
    }
    return opcodes;
}

// The deopt total and the guards that failed most, over every function.
std::string formatDeopts(const nlohmann::json& stats, size_t top) {
    const auto& deopts = stats["deopts"];
    std::string text = fmt::format("  deopts: {}", deopts["total"].get<uint64_t>());
    for (const auto& [reason, count] : deopts["by_reason"].items()) {
        if (count.get<uint64_t>() != 0) text += fmt::format(", {} {}", reason, count.get<uint64_t>());
    }
    text += "\n";
    std::vector<std::tuple<uint64_t, std::string>> sites;
    for (const auto& f : stats["functions"]) {
        for (const auto& g : f["guards"]) {
            if (g["failures"].get<uint64_t>() == 0) continue;
            sites.emplace_back(
                g["failures"].get<uint64_t>(),
                fmt::format("{} at {}:{} offset {} ({}, expected {}, {} executions)", g["opname"].get<std::string>(),
                            f["filename"].get<std::string>(), g["line"].get<int>(), g["offset"].get<int>(),
                            f["qualname"].get<std::string>(), g["expected"].dump(), g["executions"].get<uint64_t>()));
        }
    }
    std::sort(sites.begin(), sites.end(), [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
    if (!sites.empty()) text += "  guards failing most:\n";
    for (size_t i = 0; i < std::min(top, sites.size()); i++) {
        text += fmt::format("  {:>12}  {}\n", std::get<0>(sites[i]), std::get<1>(sites[i]));
    }
    return text;
}

}  // namespace

nlohmann::json collectStats() {
    const JitOptions& options = JitRuntime::options();
    std::vector<const CodeState*> states(CodeStateRegistry::live().begin(), CodeStateRegistry::live().end());
    std::sort(states.begin(), states.end(), [](const CodeState* a, const CodeState* b) { return a->calls > b->calls; });

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
        {"compile", compileSummary(JitCompiler::compileTimes(), JitCompiler::compileLatencies())},
        {"osr_entries", tier1::osrEntries()},
        {"deopts", deoptSummary()},
        {"opcodes", opcodeSummary()},
    };
}

void logGuardCounts(const nlohmann::json& stats) {
    if (!EventLog::active()) return;
    for (const auto& function : stats["functions"]) {
        if (function["guards"].empty()) continue;
        EventLog::write("guards", {{"qualname", function["qualname"]},
                                   {"file", function["filename"]},
                                   {"line", function["firstlineno"]},
                                   {"guards", function["guards"]}});
    }
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
    text += fmt::format("  latency from hot to installed: p50 {:.2f} ms, p95 {:.2f} ms\n",
                        compile["latency_p50_ms"].get<double>(), compile["latency_p95_ms"].get<double>());
    text += fmt::format("  loops entered in compiled code (OSR): {}\n", stats["osr_entries"].get<uint64_t>());
    const auto& functions = stats["functions"];
    if (!functions.empty()) {
        text += "  hottest code objects:\n";
        text += fmt::format("  {:>12}  {:<12}  {}\n", "calls", "tier", "code object");
    }
    for (size_t i = 0; i < std::min(top, functions.size()); i++) {
        const auto& f = functions[i];
        text += fmt::format("  {:>12}  {:<12}  {} ({}:{})\n", f["calls"].get<uint64_t>(), f["tier"].get<std::string>(),
                            f["qualname"].get<std::string>(), f["filename"].get<std::string>(),
                            f["firstlineno"].get<int>());
    }
    for (const auto& [reason, count] : stats["fallbacks"].items()) {
        text += fmt::format("  fallback: {} x{}\n", reason, count.get<uint64_t>());
    }
    text += formatDeopts(stats, top);
    return text;
}

}  // namespace pyjit
