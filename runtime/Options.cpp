#include "Options.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace pyjit {

namespace {

constexpr std::pair<JitMode, std::string_view> kModeNames[] = {
    {JitMode::Off, "off"},
    {JitMode::Interp, "interp"},
    {JitMode::Generic, "generic"},
    {JitMode::Specialized, "specialized"},
};

// Each -X option: its key, the environment twin, and how to apply a value.
struct OptionSpec {
    std::string_view key;
    const char* environment;
    bool valueRequired;
    void (*switchOff)(JitOptions&);  // nullptr: this setting cannot be switched off
    std::optional<std::string> (*apply)(JitOptions&, const std::optional<std::string>&, const std::string&);
};

// "-X jit-log needs a value, e.g. -X jit-log=VALUE"; other origins have no such form.
std::string needsValue(const std::string& origin, const char* what) {
    if (origin.starts_with("-X ")) return fmt::format("{} needs {}, e.g. {}={}", origin, what, origin, "VALUE");
    return fmt::format("{} needs {}", origin, what);
}

std::optional<std::string> applyMode(JitOptions& options, const std::optional<std::string>& value,
                                     const std::string& origin) {
    if (auto mode = parseJitMode(*value)) {
        options.mode = *mode;
        return std::nullopt;
    }
    return fmt::format("{}: unknown mode '{}' (expected off, interp, generic or specialized)", origin, *value);
}

// A non-negative integer setting; `meaningOfZero` completes the error message ("0 compiles at ...").
std::optional<std::string> applyCount(uint64_t& target, const std::optional<std::string>& value,
                                      const std::string& origin, const char* meaningOfZero) {
    const std::string& text = *value;
    uint64_t parsed = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
        return fmt::format("{}: '{}' is not a non-negative integer ({})", origin, text, meaningOfZero);
    }
    target = parsed;
    return std::nullopt;
}

std::optional<std::string> applyThreshold(JitOptions& options, const std::optional<std::string>& value,
                                          const std::string& origin) {
    return applyCount(options.threshold, value, origin, "0 compiles at the first call");
}

std::optional<std::string> applyCompileTiming(JitOptions& options, const std::optional<std::string>& value,
                                              const std::string& origin) {
    if (*value == "background" || *value == "sync") {
        options.compileInBackground = *value == "background";
        return std::nullopt;
    }
    return fmt::format("{}: unknown value '{}' (expected background or sync)", origin, *value);
}

std::optional<std::string> applyStats(JitOptions& options, const std::optional<std::string>& value,
                                      const std::string&) {
    // A bare `-X jit-stats` or the value 1 prints a summary to stderr; 0 turns stats off; anything
    // else names a JSON file.
    options.statsToStderr = false;
    options.statsFile.clear();
    if (!value || *value == "1") {
        options.statsToStderr = true;
    } else if (*value != "0" && !value->empty()) {
        options.statsFile = *value;
    }
    return std::nullopt;
}

// Bare or 1: on; 0: off.
std::optional<std::string> applySwitch(bool& target, const std::optional<std::string>& value,
                                       const std::string& origin) {
    if (value && *value != "0" && *value != "1") return fmt::format("{}: '{}' is not 0 or 1", origin, *value);
    target = !value || *value == "1";
    return std::nullopt;
}

std::optional<std::string> applyPath(std::string& target, const std::optional<std::string>& value,
                                     const std::string& origin) {
    if (!value || value->empty()) {
        return needsValue(origin, "a path");
    }
    target = *value;
    return std::nullopt;
}

const OptionSpec kOptionSpecs[] = {
    {"jit", "PYJIT_MODE", true, nullptr, applyMode},
    {"jit-threshold", "PYJIT_THRESHOLD", true, nullptr, applyThreshold},
    {"jit-compile", "PYJIT_COMPILE", true, nullptr, applyCompileTiming},
    {"jit-deopt-stress", "PYJIT_DEOPT_STRESS", true, nullptr,
     [](JitOptions& o, const std::optional<std::string>& v, const std::string& origin) {
         return applyCount(o.deoptStressSeed, v, origin, "a seed; 0 switches deopt stress off");
     }},
    {"jit-deopt-limit", "PYJIT_DEOPT_LIMIT", true, nullptr,
     [](JitOptions& o, const std::optional<std::string>& v, const std::string& origin) {
         return applyCount(o.deoptLimit, v, origin, "failures of one guard before a recompile; 0 never recompiles");
     }},
    {"jit-recompile-limit", "PYJIT_RECOMPILE_LIMIT", true, nullptr,
     [](JitOptions& o, const std::optional<std::string>& v, const std::string& origin) {
         return applyCount(o.recompileLimit, v, origin, "recompiles before the code stays generic");
     }},
    {"jit-cold-blocks", "PYJIT_COLD_BLOCKS", false, nullptr,
     [](JitOptions& o, const std::optional<std::string>& v, const std::string& origin) {
         return applySwitch(o.coldBlocks, v, origin);
     }},
    {"jit-stats", "PYJIT_STATS", false,
     [](JitOptions& o) {
         o.statsToStderr = false;
         o.statsFile.clear();
     },
     applyStats},
    {"jit-log", "PYJIT_LOG", true, [](JitOptions& o) { o.logFile.clear(); },
     [](JitOptions& o, const std::optional<std::string>& v, const std::string& origin) {
         return applyPath(o.logFile, v, origin);
     }},
    {"jit-perf", "PYJIT_PERF", false, [](JitOptions& o) { o.perfSupport = false; },
     [](JitOptions& o, const std::optional<std::string>& v, const std::string& origin) {
         return applySwitch(o.perfSupport, v, origin);
     }},
    {"jit-dump", "PYJIT_DUMP", true, [](JitOptions& o) { o.dumpDir.clear(); },
     [](JitOptions& o, const std::optional<std::string>& v, const std::string& origin) {
         return applyPath(o.dumpDir, v, origin);
     }},
};

std::string knownOptionList() {
    std::string list;
    for (const OptionSpec& spec : kOptionSpecs) {
        list += list.empty() ? "" : ", ";
        list += "-X ";
        list += spec.key;
    }
    return list;
}

}  // namespace

std::string_view jitModeName(JitMode mode) {
    for (auto [value, name] : kModeNames) {
        if (value == mode) return name;
    }
    return "?";
}

std::optional<JitMode> parseJitMode(std::string_view text) {
    for (auto [value, name] : kModeNames) {
        if (name == text) return value;
    }
    return std::nullopt;
}

// `jit_threshold` is a typo of ours, not someone else's option: reject it rather than ignore it.
bool isJitXOption(std::string_view key) { return key == "jit" || key.starts_with("jit-") || key.starts_with("jit_"); }

std::optional<std::string> applyOption(JitOptions& options, const OptionSetting& setting) {
    for (const OptionSpec& spec : kOptionSpecs) {
        if (spec.key != setting.key) continue;
        if (setting.off) {
            if (spec.switchOff == nullptr) return fmt::format("{} cannot be switched off", setting.origin);
            spec.switchOff(options);
            return std::nullopt;
        }
        if (spec.valueRequired && !setting.value) return needsValue(setting.origin, "a value");
        return spec.apply(options, setting.value, setting.origin);
    }
    std::string hyphenated(setting.key);
    std::replace(hyphenated.begin(), hyphenated.end(), '_', '-');
    for (const OptionSpec& spec : kOptionSpecs) {
        if (spec.key == hyphenated && hyphenated != setting.key) {
            return fmt::format("unknown pyjit option {} (did you mean -X {}?)", setting.origin, hyphenated);
        }
    }
    return fmt::format("unknown pyjit option {} (known: {})", setting.origin, knownOptionList());
}

const std::vector<EnvironmentOption>& environmentOptions() {
    static const std::vector<EnvironmentOption> options = [] {
        std::vector<EnvironmentOption> result;
        for (const OptionSpec& spec : kOptionSpecs) {
            result.push_back({spec.environment, spec.key.data()});
        }
        return result;
    }();
    return options;
}

}  // namespace pyjit
