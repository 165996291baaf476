// The pyjit executable: CPython 3.11 embedded through PyConfig + Py_RunMain, so the command line is
// python3.11's own (scripts, -m, -c, stdin, the REPL, -X, -W, -I, ...). Before the program runs, the
// JIT is switched on from `-X jit...` options and PYJIT_* variables by pyjit._pyjit, the same runtime a
// plain python3.11 gets with `import pyjit`.
#include <Python.h>

#include <fmt/format.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

namespace {

// True if python3.11's parser would see -V/--version before the program's own arguments start.
bool asksForVersion(int argc, char** argv) {
    for (int i = 1; i < argc; i++) {
        const char* arg = argv[i];
        if (std::strcmp(arg, "--") == 0) return false;
        if (std::strcmp(arg, "--version") == 0) return true;
        if (std::strcmp(arg, "--check-hash-based-pycs") == 0) {
            i++;
            continue;
        }
        if (arg[0] != '-' || arg[1] == '\0') return false;  // the script (or "-" for stdin)
        if (arg[1] == '-') continue;
        for (const char* c = arg + 1; *c != '\0'; c++) {
            if (*c == 'V') return true;
            if (*c == 'c' || *c == 'm') return false;  // the rest belongs to the program
            if (*c == 'W' || *c == 'X') {
                if (c[1] == '\0') i++;  // the value is the next argument
                break;
            }
        }
    }
    return false;
}

void printVersion() {
    std::string python = Py_GetVersion();
    python = python.substr(0, python.find(' '));
    std::printf("%s\n", fmt::format("pyjit {} (CPython {}, LLVM {})", PYJIT_VERSION, python, PYJIT_LLVM_VERSION).c_str());
}

// build/bin/pyjit finds its package in build/python; an installed layout would put it beside bin/ too.
std::string packageParentDir() {
    char exe[PATH_MAX];
    ssize_t length = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    std::string dir = PYJIT_DEFAULT_PACKAGE_PARENT;
    if (length > 0) {
        exe[length] = '\0';
        std::string candidate = std::string(exe);
        candidate = candidate.substr(0, candidate.rfind('/')) + "/../python";
        if (access((candidate + "/pyjit/__init__.py").c_str(), R_OK) == 0) dir = candidate;
    }
    return dir;
}

// Imports the pyjit package from `parent` without adding to sys.path, so the program sees exactly the
// sys.path python3.11 would give it. Later `import pyjit` finds it in sys.modules.
bool loadPackage(const std::string& parent) {
    PyObject* external = PyImport_ImportModule("_frozen_importlib_external");
    PyObject* bootstrap = PyImport_ImportModule("_frozen_importlib");
    PyObject* finder = external ? PyObject_GetAttrString(external, "PathFinder") : nullptr;
    PyObject* spec = finder ? PyObject_CallMethod(finder, "find_spec", "s[s]", "pyjit", parent.c_str()) : nullptr;
    PyObject* module = nullptr;
    if (spec == Py_None) {
        PyErr_Format(PyExc_ImportError, "no pyjit package in %s", parent.c_str());
    } else if (spec != nullptr) {
        module = PyObject_CallMethod(bootstrap, "_load", "O", spec);
    }
    bool loaded = module != nullptr;
    Py_XDECREF(module);
    Py_XDECREF(spec);
    Py_XDECREF(finder);
    Py_XDECREF(bootstrap);
    Py_XDECREF(external);
    return loaded;
}

[[noreturn]] void exitOnError(PyStatus status, PyConfig* config) {
    PyConfig_Clear(config);
    Py_ExitStatusException(status);
}

// Imports pyjit._pyjit and applies the command line's JIT settings. Returns an exit code, or -1 to go on.
int startJit() {
    PyObject* runtime = loadPackage(packageParentDir()) ? PyImport_ImportModule("pyjit._pyjit") : nullptr;
    if (runtime == nullptr) {
        std::fflush(stdout);
        PySys_FormatStderr("pyjit: cannot load its runtime (pyjit._pyjit):\n");
        PyErr_Print();
        return 1;
    }
    PyObject* result = PyObject_CallMethod(runtime, "_start_from_command_line", nullptr);
    Py_DECREF(runtime);
    if (result != nullptr) {
        Py_DECREF(result);
        return -1;
    }
    if (PyErr_ExceptionMatches(PyExc_ValueError)) {
        PyObject *type, *value, *traceback;
        PyErr_Fetch(&type, &value, &traceback);
        PyObject* text = value != nullptr ? PyObject_Str(value) : nullptr;
        const char* message = text != nullptr ? PyUnicode_AsUTF8(text) : nullptr;
        std::fprintf(stderr, "pyjit: error: %s\n", message != nullptr ? message : "invalid JIT setting");
        Py_XDECREF(text);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(traceback);
        return 2;  // like python3.11's usage errors
    }
    PyErr_Print();
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (asksForVersion(argc, argv)) {
        printVersion();
        return 0;
    }
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    PyStatus status = PyConfig_SetBytesArgv(&config, argc, argv);
    if (PyStatus_Exception(status)) exitOnError(status, &config);
    status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status)) Py_ExitStatusException(status);

    int exitCode = startJit();
    if (exitCode >= 0) {
        Py_Finalize();
        return exitCode;
    }
    return Py_RunMain();
}
