// What the JIT saw and did, as one snapshot: pyjit.stats() returns it as a dict, -X jit-stats=FILE writes
// it as JSON and -X jit-stats prints a text summary of it at exit.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace pyjit {

// Needs the GIL: reads names from live code objects.
nlohmann::json collectStats();

// The event log's `guards` events, one per function whose compiled code has guards: their execution and
// failure counts at exit (the deopt events only see failures).
void logGuardCounts(const nlohmann::json& stats);

// The human summary printed at exit, `top` hottest functions included.
std::string formatStatsText(const nlohmann::json& stats, size_t top);

}  // namespace pyjit
