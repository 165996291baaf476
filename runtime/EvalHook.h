// The PEP 523 frame evaluation hook: every Python frame of the interpreter passes through it.
#pragma once

#include <Python.h>

namespace pyjit {

struct JitOptions;

// Installs (or re-installs with new settings) the hook.
void installEvalHook(const JitOptions& options);
void removeEvalHook();
bool evalHookInstalled();

}  // namespace pyjit
