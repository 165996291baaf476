#include "runtime/Options.h"

#include <gtest/gtest.h>

namespace pyjit {
namespace {

std::optional<std::string> apply(JitOptions& options, std::string key, std::optional<std::string> value) {
    return applyOption(options, {key, value, "-X " + key});
}

TEST(Options, ModesParse) {
    JitOptions options;
    for (auto [name, mode] : {std::pair{"off", JitMode::Off}, {"interp", JitMode::Interp},
                              {"generic", JitMode::Generic}, {"specialized", JitMode::Specialized}}) {
        EXPECT_EQ(apply(options, "jit", std::string(name)), std::nullopt);
        EXPECT_EQ(options.mode, mode);
        EXPECT_EQ(jitModeName(mode), name);
    }
}

TEST(Options, UnknownModeNamesTheChoices) {
    JitOptions options;
    auto error = apply(options, "jit", "fast");
    ASSERT_TRUE(error);
    EXPECT_NE(error->find("unknown mode 'fast'"), std::string::npos);
    EXPECT_NE(error->find("specialized"), std::string::npos);
    EXPECT_EQ(options.mode, JitMode::Specialized);
}

TEST(Options, Threshold) {
    JitOptions options;
    EXPECT_EQ(apply(options, "jit-threshold", "0"), std::nullopt);
    EXPECT_EQ(options.threshold, 0u);
    EXPECT_EQ(apply(options, "jit-threshold", "250"), std::nullopt);
    EXPECT_EQ(options.threshold, 250u);
    for (const char* bad : {"", "-1", "12x", "1e3", " 5"}) {
        EXPECT_TRUE(apply(options, "jit-threshold", std::string(bad))) << bad;
        EXPECT_EQ(options.threshold, 250u);
    }
    EXPECT_TRUE(apply(options, "jit-threshold", std::nullopt));
}

TEST(Options, StatsFlagOrFile) {
    JitOptions options;
    EXPECT_EQ(apply(options, "jit-stats", std::nullopt), std::nullopt);
    EXPECT_TRUE(options.statsToStderr);
    EXPECT_EQ(apply(options, "jit-stats", "out.json"), std::nullopt);
    EXPECT_FALSE(options.statsToStderr);
    EXPECT_EQ(options.statsFile, "out.json");
    EXPECT_EQ(apply(options, "jit-stats", "0"), std::nullopt);
    EXPECT_FALSE(options.statsToStderr);
    EXPECT_TRUE(options.statsFile.empty());
}

TEST(Options, PerfSupportIsAFlag) {
    JitOptions options;
    EXPECT_FALSE(options.perfSupport);
    EXPECT_EQ(apply(options, "jit-perf", std::nullopt), std::nullopt);
    EXPECT_TRUE(options.perfSupport);
    EXPECT_EQ(apply(options, "jit-perf", "0"), std::nullopt);
    EXPECT_FALSE(options.perfSupport);
    EXPECT_EQ(apply(options, "jit-perf", "1"), std::nullopt);
    EXPECT_TRUE(options.perfSupport);
    auto error = apply(options, "jit-perf", "yes");
    ASSERT_TRUE(error);
    EXPECT_NE(error->find("'yes' is not 0 or 1"), std::string::npos) << *error;
}

TEST(Options, ColdBlocksOnByDefault) {
    JitOptions options;
    EXPECT_TRUE(options.coldBlocks);
    EXPECT_EQ(apply(options, "jit-cold-blocks", "0"), std::nullopt);
    EXPECT_FALSE(options.coldBlocks);
    EXPECT_EQ(apply(options, "jit-cold-blocks", std::nullopt), std::nullopt);
    EXPECT_TRUE(options.coldBlocks);
    auto error = apply(options, "jit-cold-blocks", "2");
    ASSERT_TRUE(error);
    EXPECT_NE(error->find("'2' is not 0 or 1"), std::string::npos) << *error;
}

TEST(Options, PathsNeedAValue) {
    JitOptions options;
    EXPECT_TRUE(apply(options, "jit-log", std::nullopt));
    EXPECT_TRUE(apply(options, "jit-dump", ""));
    EXPECT_EQ(apply(options, "jit-log", "events.jsonl"), std::nullopt);
    EXPECT_EQ(options.logFile, "events.jsonl");
}

TEST(Options, UnknownKeyListsKnownOnes) {
    JitOptions options;
    auto error = apply(options, "jit-trheshold", "5");
    ASSERT_TRUE(error);
    EXPECT_NE(error->find("-X jit-threshold"), std::string::npos);
    EXPECT_TRUE(isJitXOption("jit"));
    EXPECT_TRUE(isJitXOption("jit-anything"));
    EXPECT_FALSE(isJitXOption("jitter"));
    EXPECT_FALSE(isJitXOption("dev"));
}

TEST(Options, EveryOptionHasAnEnvironmentTwin) {
    for (const EnvironmentOption& env : environmentOptions()) {
        EXPECT_TRUE(std::string(env.variable).starts_with("PYJIT_"));
        EXPECT_TRUE(isJitXOption(env.xoption));
    }
    EXPECT_EQ(environmentOptions().size(), 11u);
}

}  // namespace
}  // namespace pyjit

namespace pyjit {
namespace {

TEST(Options, SwitchingOff) {
    JitOptions options;
    options.logFile = "events.jsonl";
    options.dumpDir = "dumps";
    options.statsToStderr = true;
    for (const char* key : {"jit-log", "jit-dump", "jit-stats"}) {
        OptionSetting setting{key, std::nullopt, "enable(...)", /*off=*/true};
        EXPECT_EQ(applyOption(options, setting), std::nullopt) << key;
    }
    EXPECT_TRUE(options.logFile.empty());
    EXPECT_TRUE(options.dumpDir.empty());
    EXPECT_FALSE(options.statsToStderr);
    OptionSetting mode{"jit", std::nullopt, "enable(mode=...)", /*off=*/true};
    EXPECT_TRUE(applyOption(options, mode));
    EXPECT_EQ(options.mode, JitMode::Specialized);
}

TEST(Options, MessagesSuggestTheXForm) {
    JitOptions options;
    auto fromX = applyOption(options, {"jit-log", std::nullopt, "-X jit-log"});
    ASSERT_TRUE(fromX);
    EXPECT_NE(fromX->find("-X jit-log=VALUE"), std::string::npos);
    auto fromEnable = applyOption(options, {"jit-threshold", std::nullopt, "enable(threshold=...)"});
    ASSERT_TRUE(fromEnable);
    EXPECT_EQ(*fromEnable, "enable(threshold=...) needs a value");
}

}  // namespace
}  // namespace pyjit
