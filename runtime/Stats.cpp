#include "Stats.h"

#include "CodeState.h"
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
        {"tier", tierName(state.tier)},
    };
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
    nlohmann::json fallbacks = nlohmann::json::object();
    for (const CodeState* state : states) {
        calls += state->calls;
        functions.push_back(functionEntry(*state));
        if (state->tier == CodeTier::Unsupported) {
            fallbacks[state->fallbackReason] = fallbacks.value(state->fallbackReason, 0) + 1;
        }
    }
    return {
        {"mode", jitModeName(options.mode)},
        {"threshold", options.threshold},
        {"hook_installed", JitRuntime::hookInstalled()},
        {"code_objects", states.size()},
        {"freed_code_objects", CodeStateRegistry::freedCodeObjects()},
        {"calls", calls},
        {"functions", std::move(functions)},
        {"fallbacks", std::move(fallbacks)},
        // No tier compiles yet; the shape is fixed so tools can rely on it.
        {"compile", {{"count", 0}, {"total_ms", 0.0}, {"p50_ms", 0.0}, {"p95_ms", 0.0}}},
    };
}

std::string formatStatsText(const nlohmann::json& stats, size_t top) {
    std::string text = fmt::format("pyjit stats: mode={} threshold={}\n", stats["mode"].get<std::string>(),
                                   stats["threshold"].get<uint64_t>());
    text += fmt::format("  {} calls seen in {} code objects ({} freed since)\n", stats["calls"].get<uint64_t>(),
                        stats["code_objects"].get<uint64_t>(), stats["freed_code_objects"].get<uint64_t>());
    text += fmt::format("  compiled: {} (compile time {:.1f} ms)\n", stats["compile"]["count"].get<uint64_t>(),
                        stats["compile"]["total_ms"].get<double>());
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
