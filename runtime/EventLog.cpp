#include "EventLog.h"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <unistd.h>

namespace pyjit {

namespace {
FILE* gFile = nullptr;
std::chrono::steady_clock::time_point gStart;
}  // namespace

std::pair<EventLog::Handle, std::string> EventLog::openFile(const std::string& path) {
    FILE* file = std::fopen(path.c_str(), "a");
    if (file == nullptr) return {nullptr, fmt::format("cannot open the event log '{}': {}", path, std::strerror(errno))};
    return {file, {}};
}

void EventLog::closeHandle(Handle handle) {
    if (handle != nullptr) std::fclose(handle);
}

void EventLog::adopt(Handle handle) {
    close();
    gFile = handle;
    gStart = std::chrono::steady_clock::now();
}

void EventLog::close() {
    closeHandle(gFile);
    gFile = nullptr;
}

bool EventLog::active() { return gFile != nullptr; }

void EventLog::write(const char* event, nlohmann::json fields) {
    if (gFile == nullptr) return;
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - gStart;
    fields["event"] = event;
    fields["ts"] = elapsed.count();
    fields["pid"] = static_cast<long>(getpid());
    std::string line = fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    line += '\n';
    // One write per line: with O_APPEND, lines of several processes never interleave.
    std::fwrite(line.data(), 1, line.size(), gFile);
    std::fflush(gFile);
}

}  // namespace pyjit
