/* The only window onto CPython 3.11's internal structures. Everything that needs a field of
 * _PyInterpreterFrame, PyThreadState internals or the interpreter state goes through these functions,
 * which are compiled as C against Py_BUILD_CORE headers (g++ 12 cannot compile several of them as C++).
 * The rest of pyjit sees only opaque pointers. */
#ifndef PYJIT_RUNTIME_CPYTHON_FRAME_ACCESS_H
#define PYJIT_RUNTIME_CPYTHON_FRAME_ACCESS_H

#include <Python.h>

#ifdef __cplusplus
extern "C" {
#endif

struct _PyInterpreterFrame;

/* co_extra's layout: Objects/codeobject.c's private _PyCodeObjectExtra, the same in every 3.11.x. The hook
 * reads pyjit's slot on every call; a direct load saves _PyCode_GetExtra's call and checks. Writing
 * still goes through _PyCode_SetExtra. */
typedef struct PyjitCodeExtra {
    Py_ssize_t ce_size;
    void *ce_extras[1];
} PyjitCodeExtra;

static inline void *pyjit_code_extra(PyCodeObject *code, Py_ssize_t index) {
    PyjitCodeExtra *extra = (PyjitCodeExtra *)code->co_extra;
    return (extra != NULL && index >= 0 && index < extra->ce_size) ? extra->ce_extras[index] : NULL;
}

/* The code object a frame runs (borrowed). */
PyCodeObject *pyjit_frame_code(struct _PyInterpreterFrame *frame);
/* The globals and builtins a frame runs with (borrowed). */
PyObject *pyjit_frame_globals(struct _PyInterpreterFrame *frame);
PyObject *pyjit_frame_builtins(struct _PyInterpreterFrame *frame);

/* True before the frame has executed its first instruction: a call, not a generator resumption. */
int pyjit_frame_is_fresh(struct _PyInterpreterFrame *frame);

/* The calling frame as a hook sees it at the entry of `frame`: its code, the code unit its prev_instr
 * points at, and its value stack (ceval keeps the stack in the frame while it runs). Returns 0 when
 * there is no calling Python frame. */
typedef struct PyjitCallerView {
    struct _PyInterpreterFrame *caller;
    PyCodeObject *code;
    int prev_unit;
    PyObject **stack_base;
    PyObject *callee_function; /* frame->f_func */
} PyjitCallerView;
int pyjit_caller_view(PyThreadState *tstate, struct _PyInterpreterFrame *frame, PyjitCallerView *view);
void pyjit_advance_prev_instr(struct _PyInterpreterFrame *frame, int units);

/* True while sys.settrace/sys.setprofile is active on this thread (cframe->use_tracing). */
int pyjit_tracing_active(PyThreadState *tstate);

/* True when the running interpreter is the main one: co_extra indices and the eval hook are per
 * interpreter, and pyjit supports the main interpreter only. */
int pyjit_is_main_interpreter(void);

/* Install / remove the PEP 523 frame evaluation hook of the current interpreter. `hook` sees fresh frames;
 * `resume_hook` sees a generator's frame resumed without throwflag (next() and send()); every other
 * resumption (throwflag, coroutines) goes straight to CPython's interpreter. */
void pyjit_set_eval_hook(_PyFrameEvalFunction hook, _PyFrameEvalFunction resume_hook);
/* A suspended generator frame: the code unit its prev_instr points at and its stack depth. */
int pyjit_frame_prev_unit(struct _PyInterpreterFrame *frame);
int pyjit_frame_stack_depth(struct _PyInterpreterFrame *frame);
/* As ceval's _PyFrame_GetStackPointer: while the frame runs, its stack values belong to the running code
 * (stacktop -1), so that a garbage collection traversing the generator does not visit them. */
void pyjit_frame_claim_stack(struct _PyInterpreterFrame *frame);
/* The bottom of the frame's value stack (localsplus after the locals, cells and free variables). */
PyObject **pyjit_frame_value_stack(struct _PyInterpreterFrame *frame);
/* The hook pyjit installed (NULL when none): compiled code calls compiled code directly only while the
 * interpreter's hook is still this one, not another tool's. */
extern _PyFrameEvalFunction pyjit_installed_eval_hook;
void pyjit_clear_eval_hook(void);
_PyFrameEvalFunction pyjit_current_eval_hook(void);

/* CPython's own interpreter (tier 0). */
PyObject *pyjit_eval_in_cpython(PyThreadState *tstate, struct _PyInterpreterFrame *frame, int throwflag);

#ifdef __cplusplus
}
#endif

#endif
