// The process-wide JIT state: the settings in force, and switching the JIT on and off.
#pragma once

#include "Options.h"

#include <optional>
#include <string>

namespace pyjit {

class JitRuntime {
public:
    // Applies `options`: installs the hook (unless mode is off), opens the log, creates the dump folder.
    // Returns an error message and changes nothing if a setting cannot be honoured. Needs the GIL.
    static std::optional<std::string> enable(const JitOptions& options);
    // Removes the hook; what was counted stays readable through stats.
    static void disable();

    static const JitOptions& options();
    static bool hookInstalled();

    // Writes the stats and closes the log; runs from atexit, before the interpreter is torn down.
    static void finishAtExit();
};

}  // namespace pyjit
