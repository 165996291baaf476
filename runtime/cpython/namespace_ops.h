/* Instruction helpers that read frame fields (f_locals, f_globals, f_builtins, f_func): LOAD_NAME and its
 * family, imports, class building. Compiled as C with Py_BUILD_CORE; listed in runtime/helpers.def. */
#ifndef PYJIT_RUNTIME_CPYTHON_NAMESPACE_OPS_H
#define PYJIT_RUNTIME_CPYTHON_NAMESPACE_OPS_H

#include <Python.h>

#ifdef __cplusplus
extern "C" {
#endif

struct _PyInterpreterFrame;

#ifdef __cplusplus
}
#endif

#endif
