// python3.11 without a PEP 523 hook runs a Python-to-Python CALL by pushing the callee's frame inside the
// same ceval loop, and while the callee runs the caller's prev_instr sits on the CALL's last inline cache
// unit: that is what f_lasti, tb_lasti and the exception-table lookup of the caller see. With any hook
// installed ceval never does that, and the caller's prev_instr stays on the CALL opcode. The hook puts it
// where python3.11 would: when the caller's CALL is calling exactly the function being entered (not a
// builtin that calls back into Python), its prev_instr moves to the last cache unit.
#pragma once

#include <Python.h>

#include <cstdint>
#include <vector>

namespace pyjit {

// Per code unit of one code object: for a CALL's opcode unit, where its operands start on the value
// stack ([method or NULL, callable or self, args...]); -1 for every other unit. Dense, because the hook
// looks it up on every call.
using CallSiteTable = std::vector<int32_t>;

// Called by the hook for every fresh frame, before anything can observe the caller.
void mirrorInlinedCallPosition(PyThreadState* tstate, struct _PyInterpreterFrame* frame);

}  // namespace pyjit
