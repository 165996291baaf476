// The runtime side of the specialized tier's guards (docs/deopt.md): what happens when one fails, deopt
// stress, and the recompile policy. The failing guard's code has already written the frame exactly; after
// pyjit_guard_failed returns it hands the frame to CPython's interpreter at the guarded instruction.
#pragma once

#include <Python.h>

#include "runtime/CompilerInterface.h"

#include <array>
#include <cstdint>
#include <optional>

struct _PyInterpreterFrame;

namespace pyjit {

struct CodeState;

// Deopt stress and the policy limits, from the options.
void configureDeopt(uint64_t stressSeed, uint64_t deoptLimit, uint64_t recompileLimit);

// Over the whole run, per DeoptReason.
const std::array<uint64_t, static_cast<size_t>(DeoptReason::Count)>& deoptsByReason();

// Fills `input`'s speculations for a specialized compile of `code`: the tier-1 profile (`state`'s, if any)
// where it has seen the site, else what CPython's own adaptive interpreter quickened the instruction to.
void collectSpeculations(const CodeState* state, PyCodeObject* code, CodeInput& input);

// Fills `input`'s control profile (docs/deopt.md, "Cold blocks") from what tier 1 saw of `state`'s code, when
// tier 1 ran all of it: the branch directions and, for a compile asked for at the loop header `loopHeader`
// by the code's only activation, that header. Leaves it empty (compile every block) otherwise.
void collectControlProfile(const CodeState& state, std::optional<uint32_t> loopHeader, CodeInput& input);

// Tier 1 (in `frame`) took a back-edge to `loopHeader`, a loop the compiled code left out as cold, as often as
// the hotness threshold: the code is retired for a recompile that includes it.
void coldLoopGotHot(CodeState& state, uint32_t loopHeader, _PyInterpreterFrame* frame);

// Tier 1, in an activation resumed after a deopt, at a loop head `entry` can take: records the entry for
// the compiled exit below, which tail-calls it when pyjit_deopt_resume returns pyjit_reentry_sentinel().
void requestReentry(NativeEntry entry, int target);

}  // namespace pyjit

extern "C" {
// C's pow() as CPython's float_pow calls it; NaN where CPython would raise (the guard then deoptimizes).
double pyjit_float_pow(double base, double exponent);
// 1 when deopt stress makes the guard being executed fail.
int pyjit_deopt_stress_roll();
// A guard failed: counts it, logs a `deopt` event, and retires the compiled code for a recompile when the
// guard has failed -X jit-deopt-limit times. `lhsType`/`rhsType` are the guarded operands' types (NULL when
// none; an unboxed operand's is float or int).
void pyjit_guard_failed(_PyInterpreterFrame* frame, pyjit::GuardRecord* guard, int reason, PyTypeObject* lhsType,
                        PyTypeObject* rhsType);
// The rest of a deoptimized activation: tier 1 at the instruction after `prev_unit` (the guarded one), as
// CPython's specialized instructions would run it (a hand-over to CPython's interpreter could meet code its
// adaptive interpreter has not specialized, which behaves differently at the recursion limit); CPython's
// interpreter when tier 1 cannot run the code (generators) or the instruction follows KW_NAMES.
// When tier 1 reaches a loop head the code has a compiled entry for (the same code or a recompile), it does
// not call that entry below itself, which would nest a native activation at every failure: it returns
// pyjit_reentry_sentinel() with the entry recorded, and the compiled exit tail-calls it (pyjit_take_reentry).
PyObject* pyjit_deopt_resume(PyThreadState* tstate, _PyInterpreterFrame* frame, int prev_unit, int depth);
// A deopt exit whose value stack still holds unboxed values: bit k of `doubles` / `ints` says slot k holds a
// double's or an int64's bits. Boxes them in place, then pyjit_deopt_resume; out of memory, the rest of them
// become None and CPython's interpreter raises the MemoryError at `raise_unit` (the guarded instruction).
PyObject* pyjit_deopt_box_resume(PyThreadState* tstate, _PyInterpreterFrame* frame, int prev_unit, int depth,
                                 uint64_t doubles, uint64_t ints, int raise_unit);
PyObject* pyjit_reentry_sentinel();
// The entry and resume index tier 1 recorded with pyjit::requestReentry (once: the record is cleared).
void* pyjit_take_reentry(int* target);
// Unboxed locals (docs/deopt.md): each stale shadow boxed into its frame slot, the slot's obsolete object (an
// exact float or int, or NULL) released. Never raises: an exception being raised stays as it is.
// `layout` holds per bit of `mask` a local's index and its representation (1 double, 2 int64); `values` the
// bits of each stale shadow.
void pyjit_write_back_locals(PyObject** localsplus, const int32_t* layout, uint64_t mask, const uint64_t* values);
int pyjit_box_values(uint64_t doubles, int count, uint64_t* values);
// 1 when taking the next item of `iterator` runs no Python code and frees nothing (a range iterator; a list or
// tuple iterator before its end), so compiled code need not write unboxed locals back around FOR_ITER.
int pyjit_iterator_is_quiet(PyObject* iterator);
}
