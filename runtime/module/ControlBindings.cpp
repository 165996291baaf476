// enable / disable / stats, and reading the command line's -X options and PYJIT_* variables.
#include "ModuleParts.h"

#include "../JitCompiler.h"
#include "../JitRuntime.h"
#include "../Ref.h"
#include "../Stats.h"
#include "../CodeState.h"
#include "../tier1/ProfileReport.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <string>

namespace pyjit {

namespace {

bool gAtExitRegistered = false;

Ref jsonToPython(const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::null: return Ref::create(Py_None);
    case nlohmann::json::value_t::boolean: return Ref::create(value.get<bool>() ? Py_True : Py_False);
    case nlohmann::json::value_t::number_integer: return Ref::steal(PyLong_FromLongLong(value.get<int64_t>()));
    case nlohmann::json::value_t::number_unsigned:
        return Ref::steal(PyLong_FromUnsignedLongLong(value.get<uint64_t>()));
    case nlohmann::json::value_t::number_float: return Ref::steal(PyFloat_FromDouble(value.get<double>()));
    case nlohmann::json::value_t::string: {
        const auto& text = value.get_ref<const std::string&>();
        return Ref::steal(PyUnicode_DecodeUTF8(text.data(), text.size(), "replace"));
    }
    case nlohmann::json::value_t::array: {
        Ref list = Ref::steal(PyList_New(0));
        for (const auto& item : value) {
            Ref converted = jsonToPython(item);
            if (!list || !converted || PyList_Append(list.get(), converted.get()) < 0) return {};
        }
        return list;
    }
    case nlohmann::json::value_t::object: {
        Ref dict = Ref::steal(PyDict_New());
        for (const auto& [key, item] : value.items()) {
            Ref converted = jsonToPython(item);
            if (!dict || !converted || PyDict_SetItemString(dict.get(), key.c_str(), converted.get()) < 0) return {};
        }
        return dict;
    }
    default: PyErr_SetString(PyExc_TypeError, "pyjit: unexpected JSON value in stats"); return {};
    }
}

PyObject* finishAtExit(PyObject*, PyObject*) {
    JitRuntime::finishAtExit();
    Py_RETURN_NONE;
}

PyMethodDef gFinishMethod = {"_finish_at_exit", finishAtExit, METH_NOARGS, nullptr};

bool registerAtExit() {
    if (gAtExitRegistered) return true;
    Ref atexit = Ref::steal(PyImport_ImportModule("atexit"));
    Ref callback = Ref::steal(PyCFunction_New(&gFinishMethod, nullptr));
    if (!atexit || !callback) return false;
    Ref result = Ref::steal(PyObject_CallMethod(atexit.get(), "register", "O", callback.get()));
    gAtExitRegistered = static_cast<bool>(result);
    return gAtExitRegistered;
}

// Applies the settings; on error raises ValueError and changes nothing.
PyObject* applyAndEnable(const std::vector<OptionSetting>& settings, JitOptions options) {
    for (const OptionSetting& setting : settings) {
        if (auto error = applyOption(options, setting)) {
            PyErr_SetString(PyExc_ValueError, error->c_str());
            return nullptr;
        }
    }
    if (auto error = JitRuntime::enable(options)) {
        PyErr_SetString(PyExc_ValueError, error->c_str());
        return nullptr;
    }
    if (!registerAtExit()) return nullptr;
    Py_RETURN_NONE;
}

// A Python value given to enable(): None means "leave as is", True means a bare flag.
bool settingFromPython(PyObject* value, const char* key, const char* keyword, std::vector<OptionSetting>& out) {
    if (value == nullptr || value == Py_None) return true;
    OptionSetting setting{key, std::nullopt, std::string("enable(") + keyword + "=...)"};
    if (value == Py_True) {
        setting.value = std::nullopt;
    } else if (value == Py_False) {
        setting.off = true;
    } else {
        Ref text = Ref::steal(PyObject_Str(value));
        if (!text) return false;
        const char* utf8 = PyUnicode_AsUTF8(text.get());
        if (utf8 == nullptr) return false;
        setting.value = utf8;
    }
    out.push_back(std::move(setting));
    return true;
}

PyObject* enable(PyObject*, PyObject* args, PyObject* kwargs) {
    static const char* keywords[] = {"mode",         "threshold",   "stats",           "log", "dump", "compile",
                                     "deopt_stress", "deopt_limit", "recompile_limit", nullptr};
    static const char* optionKeys[] = {"jit",         "jit-threshold",    "jit-stats",          "jit-log",
                                       "jit-dump",    "jit-compile",      "jit-deopt-stress",   "jit-deopt-limit",
                                       "jit-recompile-limit"};
    constexpr int kCount = 9;
    PyObject* values[kCount] = {};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|$OOOOOOOOO:enable", const_cast<char**>(keywords), &values[0],
                                     &values[1], &values[2], &values[3], &values[4], &values[5], &values[6],
                                     &values[7], &values[8])) {
        return nullptr;
    }
    std::vector<OptionSetting> settings;
    for (int i = 0; i < kCount; i++) {
        if (!settingFromPython(values[i], optionKeys[i], keywords[i], settings)) return nullptr;
    }
    // A bare enable() means "switch the JIT on": keep the other settings, but never stay in mode off.
    JitOptions options = JitRuntime::options();
    if (values[0] == nullptr && options.mode == JitMode::Off) options.mode = JitOptions{}.mode;
    return applyAndEnable(settings, options);
}

PyObject* disable(PyObject*, PyObject*) {
    JitRuntime::disable();
    Py_RETURN_NONE;
}

PyObject* stats(PyObject*, PyObject*) {
    if (JitCompiler::hasFinishedCompiles()) JitCompiler::installFinishedCompiles();
    return jsonToPython(collectStats()).release();
}

// _profile(code): the tier-1 profile of a code object (tools/pyjit/__init__.py shapes it for users).
PyObject* profile(PyObject*, PyObject* code) {
    if (!PyCode_Check(code)) {
        PyErr_Format(PyExc_TypeError, "_profile() needs a code object, not %.200s", Py_TYPE(code)->tp_name);
        return nullptr;
    }
    CodeState* state = CodeStateRegistry::initialized() ? CodeStateRegistry::find(reinterpret_cast<PyCodeObject*>(code))
                                                        : nullptr;
    if (state == nullptr) Py_RETURN_NONE;
    return jsonToPython(tier1::describeProfile(*state)).release();
}

PyObject* isEnabled(PyObject*, PyObject*) { return PyBool_FromLong(JitRuntime::hookInstalled()); }

// The settings of the command line: sys._xoptions first in importance, PYJIT_* variables below them
// (ignored under -E / -I, like PYTHON* variables).
bool commandLineSettings(std::vector<OptionSetting>& settings) {
    BorrowedRef flags = PySys_GetObject("flags");
    bool useEnvironment = true;
    if (flags != nullptr) {
        Ref ignore = Ref::steal(PyObject_GetAttrString(flags, "ignore_environment"));
        if (!ignore) return false;
        useEnvironment = !PyObject_IsTrue(ignore.get());
    }
    if (useEnvironment) {
        for (const EnvironmentOption& env : environmentOptions()) {
            const char* value = std::getenv(env.variable);
            // Empty means unset, as for PYTHON* variables.
            if (value != nullptr && *value != '\0') settings.push_back({env.xoption, std::string(value), env.variable});
        }
    }
    PyObject* xoptions = PySys_GetXOptions();  // borrowed
    if (xoptions == nullptr) return false;
    PyObject* key;
    PyObject* value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(xoptions, &pos, &key, &value)) {
        const char* name = PyUnicode_AsUTF8(key);
        if (name == nullptr) return false;
        if (!isJitXOption(name)) continue;
        OptionSetting setting{name, std::nullopt, std::string("-X ") + name};
        if (PyUnicode_Check(value)) {
            const char* text = PyUnicode_AsUTF8(value);
            if (text == nullptr) return false;
            setting.value = text;
        }
        settings.push_back(std::move(setting));
    }
    return true;
}

PyObject* startFromCommandLine(PyObject*, PyObject*) {
    std::vector<OptionSetting> settings;
    if (!commandLineSettings(settings)) return nullptr;
    return applyAndEnable(settings, JitOptions{});
}

PyObject* currentOptions(PyObject*, PyObject*) {
    const JitOptions& o = JitRuntime::options();
    nlohmann::json stats = o.statsToStderr ? nlohmann::json(true)
                           : o.statsFile.empty() ? nlohmann::json(nullptr)
                                                 : nlohmann::json(o.statsFile);
    auto pathOrNull = [](const std::string& path) { return path.empty() ? nlohmann::json(nullptr) : nlohmann::json(path); };
    return jsonToPython({{"mode", jitModeName(o.mode)},
                         {"threshold", o.threshold},
                         {"stats", stats},
                         {"log", pathOrNull(o.logFile)},
                         {"dump", pathOrNull(o.dumpDir)},
                         {"compile", o.compileInBackground ? "background" : "sync"},
                         {"deopt_stress", o.deoptStressSeed},
                         {"deopt_limit", o.deoptLimit},
                         {"recompile_limit", o.recompileLimit},
                         {"perf", o.perfSupport}})
        .release();
}

PyMethodDef gControlMethods[] = {
    {"enable", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(enable)), METH_VARARGS | METH_KEYWORDS,
     "enable(*, mode=None, threshold=None, stats=None, log=None, dump=None, compile=None, deopt_stress=None,\n"
     "       deopt_limit=None, recompile_limit=None)\n"
     "Switch the JIT on (or change its settings). None keeps a setting as it is."},
    {"disable", disable, METH_NOARGS, "Switch the JIT off; statistics stay readable."},
    {"stats", stats, METH_NOARGS, "What the JIT saw and did, as a dict."},
    {"_profile", profile, METH_O, "_profile(code) -> dict or None: the tier-1 profile of a code object."},
    {"is_enabled", isEnabled, METH_NOARGS, "True while the frame evaluation hook is installed."},
    {"options", currentOptions, METH_NOARGS, "The settings in force, as a dict."},
    {"_start_from_command_line", startFromCommandLine, METH_NOARGS,
     "Used by the pyjit executable: apply -X jit... options and PYJIT_* variables."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

PyMethodDef* controlMethods() { return gControlMethods; }

}  // namespace pyjit
