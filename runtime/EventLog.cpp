#include "EventLog.h"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace pyjit {

namespace {
FILE* gFile = nullptr;
std::chrono::steady_clock::time_point gStart;
}  // namespace

std::optional<std::string> EventLog::open(const std::string& path) {
    close();
    gFile = std::fopen(path.c_str(), "w");
    if (gFile == nullptr) {
        return fmt::format("cannot open the event log '{}': {}", path, std::strerror(errno));
    }
    gStart = std::chrono::steady_clock::now();
    return std::nullopt;
}

void EventLog::close() {
    if (gFile != nullptr) std::fclose(gFile);
    gFile = nullptr;
}

bool EventLog::active() { return gFile != nullptr; }

void EventLog::write(const char* event, nlohmann::json fields) {
    if (gFile == nullptr) return;
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - gStart;
    fields["event"] = event;
    fields["ts"] = elapsed.count();
    std::string line = fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), gFile);
    std::fflush(gFile);
}

}  // namespace pyjit
