// The JSON Lines event log (-X jit-log=FILE): one JSON object per line, flushed per event so a crash
// or os._exit loses nothing already written. Writing it never touches the program's own streams.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>
#include <string>

namespace pyjit {

class EventLog {
public:
    // Opens (truncates) the file; returns an error message on failure.
    static std::optional<std::string> open(const std::string& path);
    static void close();
    static bool active();
    // Adds "event" and "ts" (seconds since the log was opened) and writes one line.
    static void write(const char* event, nlohmann::json fields);
};

}  // namespace pyjit
