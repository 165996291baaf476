// The JSON Lines event log (-X jit-log=FILE): one JSON object per line, flushed per event so a crash
// or os._exit loses nothing already written. The file is opened for appending and every event carries
// the process id, so child processes that inherit PYJIT_LOG add to the same log without clobbering it.
// Writing it never touches the program's own streams.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <utility>

namespace pyjit {

class EventLog {
public:
    using Handle = FILE*;
    // Opens `path` for appending without making it the log yet: the handle, or nullptr and a message.
    static std::pair<Handle, std::string> openFile(const std::string& path);
    static void closeHandle(Handle handle);
    // Makes `handle` the log (closing the previous one).
    static void adopt(Handle handle);
    static void close();
    static bool active();
    // Adds "event", "ts" (seconds since the log was adopted) and "pid", and writes one line.
    static void write(const char* event, nlohmann::json fields);
};

}  // namespace pyjit
