// The _pyjit extension module is assembled from parts, each contributing a method table.
#pragma once

#include <Python.h>

namespace pyjit {

// Terminated by a {nullptr} entry.
PyMethodDef* controlMethods();   // enable, disable, stats (ControlBindings.cpp)
PyMethodDef* frontendMethods();  // the bytecode frontend's Python view (FrontendBindings.cpp)

}  // namespace pyjit
