// python3.11 without a PEP 523 hook runs a Python-to-Python CALL by pushing the callee's frame inside the
// same ceval loop, and while the callee runs the caller's prev_instr sits on the CALL's last inline cache
// unit: that is what f_lasti, tb_lasti and the exception-table lookup of the caller see. With any hook
// installed ceval never does that, and the caller's prev_instr stays on the CALL opcode. The hook puts it
// where python3.11 would: when the caller's CALL is calling exactly the function being entered (not a
// builtin that calls back into Python), its prev_instr moves to the last cache unit.
#pragma once

#include <Python.h>

#include <unordered_map>

namespace pyjit {

// The CALL instructions of one code object, by opcode unit: what the hook needs to find the callable on
// the caller's value stack.
struct CallSite {
    int argc;
    int depthBefore;
};
using CallSiteTable = std::unordered_map<int, CallSite>;

// Called by the hook for every fresh frame, before anything can observe the caller.
void mirrorInlinedCallPosition(PyThreadState* tstate, struct _PyInterpreterFrame* frame);

}  // namespace pyjit
