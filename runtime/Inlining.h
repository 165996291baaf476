// Which calls the specialized tier compiles inline (docs/deopt.md, "Inlined calls"): read under the GIL
// when a compile is requested, from the caller's bytecode and the namespaces its frame runs in.
#pragma once

#include <Python.h>

#include "CodeState.h"
#include "runtime/CompilerInterface.h"

struct _PyInterpreterFrame;

namespace pyjit {

// Fills input.inlineCallees for `state`'s code running in `frame` (null: no inlining). The callees' code
// objects are kept alive by `state` from now on: the compiled code compares a callable's code with them.
void collectInlineCallees(CodeState& state, struct _PyInterpreterFrame* frame, CodeInput& input);

// Reads everything the translator needs from a code object, under the GIL (runtime/JitCompiler.cpp).
bool describeCode(PyCodeObject* code, CodeInput& input);

}  // namespace pyjit
