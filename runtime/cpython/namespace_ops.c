#define Py_BUILD_CORE 1
#include <Python.h>
#include <internal/pycore_frame.h>

#include "namespace_ops.h"
