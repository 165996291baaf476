// The PEP 523 frame evaluation hook: every Python frame of the interpreter passes through it.
#pragma once

#include <Python.h>

namespace pyjit {

void installEvalHook();
void removeEvalHook();
bool evalHookInstalled();

}  // namespace pyjit
