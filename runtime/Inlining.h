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

// Fills input.directCallees for `state`'s code from what tier 1 saw at its CALL sites: a site where every
// Python callee had the same code object, still alive and taking exactly the call's arguments, gets a cell
// (CodeState::directCallCells) for its compiled code to call that code through (docs/deopt.md, "Direct calls").
void collectDirectCallees(CodeState& state, CodeInput& input);

// Reads everything the translator needs from a code object, under the GIL (runtime/JitCompiler.cpp).
bool describeCode(PyCodeObject* code, CodeInput& input);

}  // namespace pyjit
