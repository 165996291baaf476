#include "EmbeddedPython.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

namespace pyjit::frontend::testing {

namespace {

// The Python side of the helpers, run once in the embedded interpreter.
constexpr const char* kHelpers = R"(
import dis

def find(code, qualname):
    if code.co_qualname == qualname:
        return code
    for const in code.co_consts:
        if isinstance(const, type(code)):
            found = find(const, qualname)
            if found is not None:
                return found
    return None

def _int(value):
    return -1 if value is None else int(value)

def dis_instructions(code):
    return [(i.offset, i.opcode, _int(i.arg), i.argval if i.opcode in dis.hasjrel else -1)
            for i in dis.get_instructions(code)]

def dis_exception_table(code):
    return [tuple(map(_int, entry)) for entry in dis._parse_exception_table(code)]

def positions(code):
    return [tuple(map(_int, position)) for position in code.co_positions()]

def line_starts(code):
    return list(dis.findlinestarts(code))

def stack_effects(opcode, count):
    has_arg = opcode >= dis.HAVE_ARGUMENT
    try:
        dis.stack_effect(opcode, 0 if has_arg else None, jump=False)
    except ValueError:
        return []
    return [dis.stack_effect(opcode, arg if has_arg else None, jump=jump)
            for arg in range(count) for jump in (False, True)]
)";

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "embedded Python: %s\n", what.c_str());
    if (PyErr_Occurred()) PyErr_Print();
    std::abort();
}

// The helpers' namespace; the interpreter starts on first use and lives until the process exits.
PyObject* helpers() {
    static PyObject* globals = [] {
        PyConfig config;
        PyConfig_InitIsolatedConfig(&config);
        PyStatus status = Py_InitializeFromConfig(&config);
        PyConfig_Clear(&config);
        if (PyStatus_Exception(status)) fail(status.err_msg ? status.err_msg : "cannot start");
        PyObject* module = PyImport_AddModule("__main__");  // borrowed
        PyObject* dict = module ? PyModule_GetDict(module) : nullptr;
        PyObject* result = dict ? PyRun_String(kHelpers, Py_file_input, dict, dict) : nullptr;
        if (result == nullptr) fail("cannot define the helpers");
        Py_DECREF(result);
        return dict;
    }();
    return globals;
}

PyObject* call(const char* function, PyObject* args) {
    PyObject* callable = PyDict_GetItemString(helpers(), function);  // borrowed
    PyObject* result = callable && args ? PyObject_CallObject(callable, args) : nullptr;
    Py_XDECREF(args);
    if (result == nullptr) fail(std::string("calling ") + function);
    return result;
}

std::vector<uint8_t> bytesOf(PyObject* bytes) {
    if (bytes == nullptr || !PyBytes_Check(bytes)) fail("expected bytes");
    auto* data = reinterpret_cast<const uint8_t*>(PyBytes_AS_STRING(bytes));
    std::vector<uint8_t> result(data, data + PyBytes_GET_SIZE(bytes));
    Py_DECREF(bytes);
    return result;
}

int64_t intOf(PyObject* value) {
    if (value == nullptr) fail("missing int");
    int64_t result = PyLong_AsLongLong(value);
    Py_DECREF(value);
    if (PyErr_Occurred()) fail("expected an int");
    return result;
}

uint32_t sizeOf(PyObject* sequence) {
    if (sequence == nullptr) fail("missing sequence");
    Py_ssize_t size = PySequence_Size(sequence);
    Py_DECREF(sequence);
    if (size < 0) fail("expected a sequence");
    return static_cast<uint32_t>(size);
}

std::vector<Row> rowsOf(PyObject* list) {
    std::vector<Row> rows;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject* tuple = PyList_GET_ITEM(list, i);
        Row row;
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(tuple); j++)
            row.push_back(PyLong_AsLongLong(PyTuple_GET_ITEM(tuple, j)));
        rows.push_back(std::move(row));
    }
    Py_DECREF(list);
    return rows;
}

}  // namespace

CompiledCode::CompiledCode(PyObject* code) : code_(code) {
    bytecode_ = bytesOf(PyCode_GetCode(reinterpret_cast<PyCodeObject*>(code)));
    exceptionTable_ = bytesOf(PyObject_GetAttrString(code, "co_exceptiontable"));
    lineTable_ = bytesOf(PyObject_GetAttrString(code, "co_linetable"));
    firstLine_ = static_cast<int32_t>(intOf(PyObject_GetAttrString(code, "co_firstlineno")));
    stackSize_ = static_cast<uint32_t>(intOf(PyObject_GetAttrString(code, "co_stacksize")));
    limits_.constCount = sizeOf(PyObject_GetAttrString(code, "co_consts"));
    limits_.nameCount = sizeOf(PyObject_GetAttrString(code, "co_names"));
    // Enough for the tests' code: locals are not shared with cells there.
    limits_.localsPlusCount = sizeOf(PyObject_GetAttrString(code, "co_varnames")) +
                              sizeOf(PyObject_GetAttrString(code, "co_cellvars")) +
                              sizeOf(PyObject_GetAttrString(code, "co_freevars"));
}

CompiledCode::CompiledCode(CompiledCode&& other) noexcept
    : code_(std::exchange(other.code_, nullptr)),
      bytecode_(std::move(other.bytecode_)),
      exceptionTable_(std::move(other.exceptionTable_)),
      lineTable_(std::move(other.lineTable_)),
      firstLine_(other.firstLine_),
      stackSize_(other.stackSize_),
      limits_(other.limits_) {}

CompiledCode::~CompiledCode() { Py_XDECREF(code_); }

CodeInput CompiledCode::input() const { return {bytecode_, exceptionTable_, lineTable_, firstLine_, limits_}; }

std::vector<Row> CompiledCode::rows(const char* function) const {
    Py_INCREF(code_);
    return rowsOf(call(function, Py_BuildValue("(N)", code_)));
}

std::vector<Row> CompiledCode::disInstructions() const { return rows("dis_instructions"); }
std::vector<Row> CompiledCode::disExceptionTable() const { return rows("dis_exception_table"); }
std::vector<Row> CompiledCode::positions() const { return rows("positions"); }
std::vector<Row> CompiledCode::lineStarts() const { return rows("line_starts"); }

CompiledCode compile(std::string_view source, std::string_view qualname) {
    helpers();  // before any other C API call
    std::string text(source);
    PyObject* module = Py_CompileString(text.c_str(), "<test>", Py_file_input);
    if (module == nullptr) fail("cannot compile:\n" + text);
    PyObject* found = call("find", Py_BuildValue("(Ns#)", module, qualname.data(), qualname.size()));
    if (found == Py_None) fail("no code object named " + std::string(qualname));
    return CompiledCode(found);
}

std::vector<int64_t> disStackEffects(int opcode, int count) {
    helpers();  // before building the arguments: the interpreter may not be running yet
    PyObject* list = call("stack_effects", Py_BuildValue("(ii)", opcode, count));
    std::vector<int64_t> effects;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++)
        effects.push_back(PyLong_AsLongLong(PyList_GET_ITEM(list, i)));
    Py_DECREF(list);
    return effects;
}

}  // namespace pyjit::frontend::testing
