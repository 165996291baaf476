#define Py_BUILD_CORE 1
#define NEED_OPCODE_TABLES /* our own copy of _PyOpcode_Caches/_PyOpcode_Deopt: libpython does not export them */
#include "quickened.h"

#include "internal/pycore_code.h"
#include "internal/pycore_opcode.h"

static PyTypeObject *operand_type_of(int opcode) {
    switch (opcode) {
    case BINARY_OP_ADD_INT:
    case BINARY_OP_SUBTRACT_INT:
    case BINARY_OP_MULTIPLY_INT:
    case COMPARE_OP_INT_JUMP: return &PyLong_Type;
    case BINARY_OP_ADD_FLOAT:
    case BINARY_OP_SUBTRACT_FLOAT:
    case BINARY_OP_MULTIPLY_FLOAT:
    case COMPARE_OP_FLOAT_JUMP: return &PyFloat_Type;
    case BINARY_OP_ADD_UNICODE:
    case COMPARE_OP_STR_JUMP: return &PyUnicode_Type;
    default: return NULL;
    }
}

void pyjit_scan_quickened(PyCodeObject *code, PyjitQuickenedVisitor visit, void *context) {
    const _Py_CODEUNIT *units = _PyCode_CODE(code);
    Py_ssize_t count = Py_SIZE(code);
    for (Py_ssize_t i = 0; i < count; i++) {
        int opcode = _Py_OPCODE(units[i]);
        PyTypeObject *type = operand_type_of(opcode);
        if (type != NULL) visit(context, (int)i, type, type);
        i += _PyOpcode_Caches[_PyOpcode_Deopt[opcode]];
    }
}
