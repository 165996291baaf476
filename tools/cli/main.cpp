// The pyjit executable: CPython 3.11 embedded through PyConfig + Py_RunMain, so the command line is
// python3.11's own (scripts, -m, -c, stdin, the REPL, -X, -W, -I, ...). Before the program runs, the
// JIT is switched on from `-X jit...` options and PYJIT_* variables by pyjit._pyjit, the same runtime a
// plain python3.11 gets with `import pyjit`.
#include <Python.h>

#include "runtime/CommandLineExit.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <iterator>
#include <string_view>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

namespace {

// True if python3.11 would print its version for this command line: -V/--version among the options,
// and no -h, usage error or program argument before the options end. Python acts on -h and on errors
// as soon as it meets them, and on -V only after reading every option; anything doubtful returns false
// so that CPython's own parser answers.
bool asksForVersion(int argc, char** argv) {
    static constexpr std::string_view kShortOptions = "bBcdEhiImOPqsStuvVWxX?";
    static constexpr std::string_view kHashModes[] = {"default", "always", "never"};
    bool version = false;
    for (int i = 1; i < argc; i++) {
        std::string_view arg = argv[i];
        if (arg == "--") break;
        if (arg == "--version") {
            version = true;
            continue;
        }
        if (arg == "--check-hash-based-pycs") {
            if (++i >= argc || std::find(std::begin(kHashModes), std::end(kHashModes), argv[i]) == std::end(kHashModes)) {
                return false;
            }
            continue;
        }
        if (arg.starts_with("--")) return false;  // --help and friends, or an unknown long option
        if (arg.size() < 2 || arg[0] != '-') break;  // the script, or "-" for stdin: options end
        for (size_t k = 1; k < arg.size(); k++) {
            char option = arg[k];
            if (kShortOptions.find(option) == std::string_view::npos || option == 'h' || option == '?') return false;
            if (option == 'V') version = true;
            if (option == 'c' || option == 'm') return version && (k + 1 < arg.size() || i + 1 < argc);
            if (option == 'W' || option == 'X') {
                if (k + 1 == arg.size() && ++i >= argc) return false;  // the value is missing
                break;
            }
        }
    }
    return version;
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
        // Exit does not wait for a background compile still running then (runtime/CommandLineExit.h).
        auto* exitProtocol = static_cast<const PyjitCommandLineExit*>(PyCapsule_Import(PYJIT_COMMAND_LINE_EXIT_CAPSULE, 0));
        if (exitProtocol != nullptr) {
            exitProtocol->leaveRunningCompileAtExit();
        } else {
            PyErr_Clear();  // then exit waits for it, as with `import pyjit` in a plain python3.11
        }
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
