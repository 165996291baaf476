// The `pyjit._pyjit` extension module: the one copy of the runtime in the process, shared by the
// pyjit executable and by `import pyjit` in a plain python3.11.
#include "ModuleParts.h"

#include "../CommandLineExit.h"
#include "../JitCompiler.h"

#include <vector>

namespace {

std::vector<PyMethodDef> gMethods;

PyModuleDef gModule = {
    PyModuleDef_HEAD_INIT,
    "pyjit._pyjit",
    "pyjit's native runtime: the JIT switch, its statistics and the bytecode frontend.",
    -1,
    nullptr,
};

const PyjitCommandLineExit gCommandLineExit = {
    [] { pyjit::JitCompiler::leaveRunningCompileAtExit(); },
};

void appendMethods(PyMethodDef* table) {
    for (PyMethodDef* method = table; method->ml_name != nullptr; method++) gMethods.push_back(*method);
}

}  // namespace

PyMODINIT_FUNC PyInit__pyjit() {
    if (gMethods.empty()) {
        appendMethods(pyjit::controlMethods());
        appendMethods(pyjit::frontendMethods());
        gMethods.push_back({nullptr, nullptr, 0, nullptr});
    }
    gModule.m_methods = gMethods.data();
    PyObject* module = PyModule_Create(&gModule);
    if (module == nullptr) return nullptr;
    if (PyModule_AddStringConstant(module, "PYTHON_VERSION", PY_VERSION) < 0 ||
        PyModule_AddStringConstant(module, "LLVM_VERSION", PYJIT_LLVM_VERSION) < 0 ||
        PyModule_AddStringConstant(module, "VERSION", PYJIT_VERSION) < 0) {
        Py_DECREF(module);
        return nullptr;
    }
    PyObject* exitCapsule = PyCapsule_New(const_cast<PyjitCommandLineExit*>(&gCommandLineExit),
                                          PYJIT_COMMAND_LINE_EXIT_CAPSULE, nullptr);
    int added = exitCapsule != nullptr ? PyModule_AddObjectRef(module, "_command_line_exit", exitCapsule) : -1;
    Py_XDECREF(exitCapsule);
    if (added < 0) {
        Py_DECREF(module);
        return nullptr;
    }
    return module;
}
