/* Direct calls from compiled code and tier 1: CALL pushes a plain Python callee's frame itself and runs it
 * where the hook would (its native code, tier 1 or CPython's interpreter), instead of going through
 * vectorcall, _PyEval_Vector and the PEP 523 hook. The frame push,
 * argument binding, clear and pop are version-exact copies of CPython 3.11's (_PyEvalFramePushAndInit,
 * _PyFrame_InitializeSpecials, _PyEvalFrameClearAndPop, _PyFrame_Clear), which libpython does not
 * export. */
#ifndef PYJIT_RUNTIME_CPYTHON_DIRECT_CALL_H
#define PYJIT_RUNTIME_CPYTHON_DIRECT_CALL_H

#include <Python.h>

#ifdef __cplusplus
extern "C" {
#endif

struct _PyInterpreterFrame;

/* The part of a code object's pyjit state (runtime/CodeState.h derives from it) that a direct call reads:
 * co_extra slot `pyjit_code_extra_index` points here, so a call from compiled code into compiled code
 * needs no trip into C++ (pyjit_try_direct_call's fast path). */
/* Where compiled generator code goes on after a yield (CompilerInterface.h's GeneratorResume, same layout):
 * a frame suspended with prev_instr at unit `suspended_at` and `depth` values on its stack enters the
 * compiled code at resume index `instruction`. */
typedef struct PyjitGeneratorResume {
    int32_t suspended_at;
    uint32_t instruction;
    int32_t depth;
} PyjitGeneratorResume;

typedef struct PyjitCallTarget {
    uint64_t calls; /* calls counted by the hook and direct calls alike: the hotness counter */
    /* The compiled code (NULL until installed, again when retired). Called with (tstate, frame,
     * PYJIT_FRESH_CALL) for a fresh frame, or a resume index. */
    void *(*entry)(void *tstate, void *frame, int resume_index);
    /* A compiled generator's resume points (the installed compile's; valid while `entry` is set). */
    const PyjitGeneratorResume *generator_resumes;
    size_t generator_resume_count;
} PyjitCallTarget;

/* What a direct call site of compiled code calls (runtime/Inlining.h, collectDirectCallees): the callee's code
 * object and call target, which the compiled caller reads at every call. The cell holds no reference: when
 * the code object is freed, runtime/CodeState.cpp clears both fields, so that a code object allocated later
 * at the same address never matches. */
typedef struct PyjitDirectCallCell {
    PyCodeObject* code;
    PyjitCallTarget* target;
} PyjitDirectCallCell;

/* Whether compiled code may push a frame of `code` for a call with `argcount` arguments (`self` included)
 * itself, as call_compiled_directly does: positional parameters only, at least that many (the rest from the
 * function's defaults), no generator. Then 1, with the fresh frame's prev_instr and its size in the thread's
 * data stack (in pointers); else 0. */
int pyjit_direct_call_shape(PyCodeObject* code, int argcount, const void** first_instr, int* frame_words);

/* The resume index of a fresh frame (CompilerInterface.h's kFreshCall). */
#define PYJIT_FRESH_CALL (-1)

/* The co_extra index of every code object's PyjitCallTarget (set once by CodeStateRegistry::initialize). */
extern Py_ssize_t pyjit_code_extra_index;

/* Runs a frame of `code` that a direct call pushed, where the hook would run it (its compiled entry, tier 1
 * or CPython's interpreter), the call counted as the hook counts one. Same contract as
 * _PyEval_EvalFrameDefault. Implemented by the hook (runtime/EvalHook.cpp). */
PyObject *pyjit_run_direct_call(PyThreadState *tstate, struct _PyInterpreterFrame *frame, PyCodeObject *code);

/* Calls `callable` with `args[0..argcount)` (references stolen on success) as CPython's CALL would, when
 * it is a Python function that binds its arguments positionally (defaults filled in),
 * no tracer is active and pyjit's hook is the interpreter's. Returns 1 with *result set (a new reference,
 * or NULL with an exception set): the call happened and the callable's reference was consumed too.
 * Returns 0 when the call must take the normal path; nothing was touched then. */
int pyjit_try_direct_call(PyThreadState *tstate, PyObject *callable, PyObject **args, int argcount,
                          PyObject **result);

/* CALL without keyword names from compiled code (frame, stack[argc + 2] as CALL sees it, argc; steals the
 * stack entries): a compiled Python function given exactly its positional parameters runs from here in one
 * step (prev_instr at the CALL's last cache unit, frame pushed, bound, run, cleared, popped); any other
 * call is pyjit_call's. Returns the result, or NULL with an exception set. */
PyObject *pyjit_call_positional(struct _PyInterpreterFrame *frame, PyObject **stack, int argc);

/* A call of a class as CPython's CALL makes it (PyObject_Vectorcall -> type_call -> object.__new__ ->
 * slot_tp_init), when `callable` is a heap class of metaclass `type` with object's __new__ and a Python
 * __init__: the instance is made as object.__new__ makes it and __init__ runs as a direct call (or through
 * tp_init when it cannot), without the argument tuple, the method lookup chain, _PyEval_Vector and the
 * hook. The arguments are borrowed (the caller releases them and the callable as after a vectorcall).
 * Returns 1 with *result set (a new reference, or NULL with an exception set), or 0 when the call must
 * take the normal path; nothing happened then. */
int pyjit_try_direct_init(PyThreadState *tstate, PyObject *callable, PyObject **args, int argcount,
                          PyObject **result);

/* A generator resumed by next() or send() whose code is compiled, as the hook's resumeGenerator would run it
 * (runtime/EvalHook.cpp), without leaving C: returns 1 with *result set (the frame ran in compiled code),
 * or 0 when the hook must decide (not compiled, a tracer, no resume point for this suspension). */
int pyjit_resume_compiled_generator(PyThreadState *tstate, struct _PyInterpreterFrame *frame, PyObject **result);

/* next() of a generator whose code is compiled, as FOR_ITER makes it (gen_iternext -> gen_send_ex2 with no
 * value sent), with the compiled code entered directly instead of through _PyEval_EvalFrame and the hook.
 * Returns 0, having done nothing, when that does not apply (not an exact generator, not suspended or just
 * created, not compiled, a tracer, another PEP 523 hook); otherwise 1 with *result: the value yielded, or
 * NULL when the generator finished (a returned value in StopIteration, as gen_iternext leaves it) or
 * raised. */
int pyjit_next_of_compiled_generator(PyObject *iterator, PyObject **result);

/* generator.send(value), likewise: gen_send (gen_send_ex2 with the value pushed, then gen_send_ex's
 * StopIteration for a return, bare for None). Returns 0, having done nothing, when that does not apply
 * (also for a just-created generator, whose TypeError for a value other than None CPython raises). */
int pyjit_send_to_compiled_generator(PyObject *generator, PyObject *value, PyObject **result);

/* The first half of pyjit_try_direct_call, for a caller that runs the frame itself: under the same
 * conditions, pushes `callable`'s frame with the arguments bound (their references and the callable's are
 * the frame's now) and, when `caller` is given, moves its prev_instr to the CALL's last cache unit, where
 * CPython's CALL leaves it during a call. NULL when the call must take the normal path (nothing touched).
 * The frame is fresh (not linked): run it, then pop it with pyjit_pop_direct_frame. */
struct _PyInterpreterFrame *pyjit_push_direct_frame(PyThreadState *tstate, struct _PyInterpreterFrame *caller,
                                                    PyObject *callable, PyObject **args, int argcount);
void pyjit_pop_direct_frame(PyThreadState *tstate, struct _PyInterpreterFrame *frame);

#ifdef __cplusplus
}
#endif

#endif
