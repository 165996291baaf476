#define Py_BUILD_CORE 1
#define NEED_OPCODE_TABLES /* our own copy of _PyOpcode_Caches/_PyOpcode_Deopt: libpython does not export them */
#include "quickened.h"

#include "internal/pycore_code.h"
#include "internal/pycore_opcode.h"

/* The exact operand types a quickened instruction was specialized for; 0 when it fixes none. */
static int operand_types_of(int opcode, PyTypeObject **lhs, PyTypeObject **rhs) {
    switch (opcode) {
    case BINARY_OP_ADD_INT:
    case BINARY_OP_SUBTRACT_INT:
    case BINARY_OP_MULTIPLY_INT:
    case COMPARE_OP_INT_JUMP: *lhs = *rhs = &PyLong_Type; return 1;
    case BINARY_OP_ADD_FLOAT:
    case BINARY_OP_SUBTRACT_FLOAT:
    case BINARY_OP_MULTIPLY_FLOAT:
    case COMPARE_OP_FLOAT_JUMP: *lhs = *rhs = &PyFloat_Type; return 1;
    case BINARY_OP_ADD_UNICODE:
    case COMPARE_OP_STR_JUMP: *lhs = *rhs = &PyUnicode_Type; return 1;
    /* container, index */
    case BINARY_SUBSCR_LIST_INT:
    case STORE_SUBSCR_LIST_INT: *lhs = &PyList_Type; *rhs = &PyLong_Type; return 1;
    case BINARY_SUBSCR_TUPLE_INT: *lhs = &PyTuple_Type; *rhs = &PyLong_Type; return 1;
    default: return 0;
    }
}

void pyjit_scan_quickened(PyCodeObject *code, PyjitQuickenedVisitor visit, void *context) {
    const _Py_CODEUNIT *units = _PyCode_CODE(code);
    Py_ssize_t count = Py_SIZE(code);
    for (Py_ssize_t i = 0; i < count; i++) {
        int opcode = _Py_OPCODE(units[i]);
        PyTypeObject *lhs, *rhs;
        if (operand_types_of(opcode, &lhs, &rhs)) visit(context, (int)i, lhs, rhs);
        i += _PyOpcode_Caches[_PyOpcode_Deopt[opcode]];
    }
}
