/* What CPython 3.11's adaptive interpreter has learnt about a code object: the specialized instructions
 * it quickened co_code_adaptive to. The specialized tier uses them as a profile for code that ran in
 * CPython's interpreter rather than in tier 1 (loop-free code below the threshold). */
#ifndef PYJIT_RUNTIME_CPYTHON_QUICKENED_H
#define PYJIT_RUNTIME_CPYTHON_QUICKENED_H

#include <Python.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Called for each instruction whose quickened form fixes the exact types of its two operands:
 * BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_{INT,FLOAT}, BINARY_OP_ADD_UNICODE, COMPARE_OP_{INT,FLOAT,STR}_JUMP, and
 * (container, index) for BINARY_SUBSCR_{LIST,TUPLE}_INT and STORE_SUBSCR_LIST_INT.
 * `unit` is the instruction's opcode unit. */
typedef void (*PyjitQuickenedVisitor)(void *context, int unit, PyTypeObject *lhs, PyTypeObject *rhs);

void pyjit_scan_quickened(PyCodeObject *code, PyjitQuickenedVisitor visit, void *context);

#ifdef __cplusplus
}
#endif

#endif
