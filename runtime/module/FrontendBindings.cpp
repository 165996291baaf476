// The bytecode frontend's Python view: the functions pyjit.dis (tools/pyjit/dis.py) is built on. They take
// a code object apart with public C API only (PyCode_GetCode for the unquickened bytes, the co_*
// attributes for the rest), run the frontend on the plain bytes, and turn a FrontendError into ValueError.
// Offsets are in bytes, as dis reports them.
#include "ModuleParts.h"

#include "../CodeState.h"
#include "../Ref.h"
#include "frontend/BytecodeDecoder.h"
#include "frontend/CodeAnalysis.h"
#include "frontend/StackEffect.h"

#include <array>
#include <span>
#include <string>

namespace pyjit {

namespace {

using namespace frontend;

static_assert(PY_MAJOR_VERSION == kOpcodeTableMajorVersion && PY_MINOR_VERSION == kOpcodeTableMinorVersion,
              "frontend/opcodes.def describes another Python version: regenerate it with tools/gen_opcodes.py");

std::span<const uint8_t> bytesOf(const Ref& bytes) {
    return {reinterpret_cast<const uint8_t*>(PyBytes_AS_STRING(bytes.get())),
            static_cast<size_t>(PyBytes_GET_SIZE(bytes.get()))};
}

Ref bytesAttribute(PyObject* code, const char* name) {
    Ref value = Ref::steal(PyObject_GetAttrString(code, name));
    if (value && !PyBytes_Check(value.get())) {
        PyErr_Format(PyExc_TypeError, "%s is not bytes", name);
        return {};
    }
    return value;
}

Py_ssize_t tupleAttributeSize(PyObject* code, const char* name) {
    Ref value = Ref::steal(PyObject_GetAttrString(code, name));
    return value ? PyObject_Size(value.get()) : -1;
}

// co_nlocalsplus is not public: the fast locals, plus the cells that are not also arguments, plus the
// free variables.
Py_ssize_t localsPlusCount(PyObject* code) {
    Ref varnames = Ref::steal(PyObject_GetAttrString(code, "co_varnames"));
    Ref cellvars = Ref::steal(PyObject_GetAttrString(code, "co_cellvars"));
    Py_ssize_t freeCount = tupleAttributeSize(code, "co_freevars");
    if (!varnames || !cellvars || freeCount < 0) return -1;
    Py_ssize_t count = PyTuple_GET_SIZE(varnames.get()) + freeCount;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(cellvars.get()); i++) {
        int isArgument = PySequence_Contains(varnames.get(), PyTuple_GET_ITEM(cellvars.get(), i));
        if (isArgument < 0) return -1;
        count += !isArgument;
    }
    return count;
}

// The pieces of a code object the frontend reads; the Refs keep the bytes alive while it does.
struct CodePieces {
    Ref code;
    Ref exceptionTable;
    Ref lineTable;
    int firstLine = 0;
    OperandLimits limits;

    frontend::CodeInput input() const {
        return {bytesOf(code), bytesOf(exceptionTable), bytesOf(lineTable), firstLine, limits};
    }
};

bool getCodePieces(PyObject* object, CodePieces& pieces) {
    if (!PyCode_Check(object)) {
        PyErr_Format(PyExc_TypeError, "expected a code object, not %.100s", Py_TYPE(object)->tp_name);
        return false;
    }
    auto* code = reinterpret_cast<PyCodeObject*>(object);
    // PyCode_GetCode() writes past its buffer for code whose caches run past the end; quickened or not
    // does not matter for the views (they show the base opcodes), only that it can be read.
    if (auto problem = checkAdaptiveCode(adaptiveCodeBytes(code), /*quickened=*/true)) {
        PyErr_SetString(PyExc_ValueError, problem->message.c_str());
        return false;
    }
    pieces.code = Ref::steal(PyCode_GetCode(code));
    pieces.exceptionTable = bytesAttribute(object, "co_exceptiontable");
    pieces.lineTable = bytesAttribute(object, "co_linetable");
    Ref firstLine = Ref::steal(PyObject_GetAttrString(object, "co_firstlineno"));
    if (!pieces.code || !pieces.exceptionTable || !pieces.lineTable || !firstLine) return false;
    long line = PyLong_AsLong(firstLine.get());
    if (line < INT32_MIN || line > INT32_MAX) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_OverflowError, "co_firstlineno does not fit in an int");
        return false;
    }
    pieces.firstLine = static_cast<int>(line);
    Py_ssize_t consts = tupleAttributeSize(object, "co_consts");
    Py_ssize_t names = tupleAttributeSize(object, "co_names");
    Py_ssize_t locals = localsPlusCount(object);
    if (PyErr_Occurred() || consts < 0 || names < 0 || locals < 0) return false;
    pieces.limits = {static_cast<uint32_t>(consts), static_cast<uint32_t>(names), static_cast<uint32_t>(locals)};
    return true;
}

template <typename T>
bool succeeded(const Expected<T>& result) {
    if (result) return true;
    PyErr_SetString(PyExc_ValueError, result.error().message.c_str());
    return false;
}

PyObject* byteOffsetObject(CodeUnitOffset unit) { return PyLong_FromUnsignedLong(toByteOffset(unit).value()); }

PyObject* optionalInt(std::optional<int64_t> value) {
    if (!value) Py_RETURN_NONE;
    return PyLong_FromLongLong(*value);
}

// Opcode names as str objects, made once: listing a big file would otherwise build millions of them.
PyObject* opcodeNameObject(Opcode opcode) {
    static std::array<PyObject*, 256> names{};  // kept for the life of the process
    PyObject*& name = names[static_cast<uint8_t>(opcode)];
    if (name == nullptr) {
        std::string_view text = opcodeName(opcode);
        name = PyUnicode_InternFromString(std::string(text).c_str());
    }
    Py_XINCREF(name);
    return name;
}

// Builds a tuple from new references, failing cleanly if any is NULL.
template <typename... Items>
PyObject* tupleOf(Items... items) {
    PyObject* values[] = {items...};
    PyObject* tuple = PyTuple_New(sizeof...(Items));
    for (size_t i = 0; i < sizeof...(Items); i++) {
        if (tuple == nullptr || values[i] == nullptr) {
            for (PyObject* value : values) Py_XDECREF(value);
            Py_XDECREF(tuple);
            return nullptr;
        }
    }
    for (size_t i = 0; i < sizeof...(Items); i++) PyTuple_SET_ITEM(tuple, i, values[i]);
    return tuple;
}

bool appendStolen(PyObject* list, PyObject* item) {
    if (item == nullptr) return false;
    int status = PyList_Append(list, item);
    Py_DECREF(item);
    return status == 0;
}

PyObject* startsLineObject(const LineTable& lines, CodeUnitOffset unit) {
    return optionalInt(lines.lineStartingAt(unit));
}

// dis lists each EXTENDED_ARG prefix as an instruction of its own, carrying the argument bytes so far.
bool appendPrefixes(PyObject* list, const Instruction& instruction, const LineTable& lines) {
    for (uint32_t k = 0; k < instruction.prefixCount; k++) {
        CodeUnitOffset unit = instruction.start + k;
        PyObject* item = tupleOf(byteOffsetObject(unit), opcodeNameObject(Opcode::EXTENDED_ARG),
                                 PyLong_FromUnsignedLong(instruction.prefixArg(k)), Py_NewRef(Py_None),
                                 startsLineObject(lines, unit));
        if (!appendStolen(list, item)) return false;
    }
    return true;
}

PyObject* instructionTuple(const Instruction& instruction, const Bytecode& bytecode, const LineTable& lines) {
    PyObject* arg = instruction.info().hasArg() ? PyLong_FromUnsignedLong(instruction.arg) : Py_NewRef(Py_None);
    PyObject* target =
        instruction.jumpTarget ? byteOffsetObject(bytecode[*instruction.jumpTarget].start) : Py_NewRef(Py_None);
    return tupleOf(byteOffsetObject(instruction.opcodeUnit()), opcodeNameObject(instruction.opcode), arg, target,
                   startsLineObject(lines, instruction.opcodeUnit()));
}

// Decodes the code object argument and fills a new list with `appendAll(decoded, list)`, which returns
// false with an exception set on failure. The shape of every list-returning view below.
template <typename AppendAll>
PyObject* decodedList(PyObject* object, AppendAll appendAll) {
    CodePieces pieces;
    if (!getCodePieces(object, pieces)) return nullptr;
    auto decoded = decodeCode(pieces.input());
    if (!succeeded(decoded)) return nullptr;
    Ref list = Ref::steal(PyList_New(0));
    if (!list || !appendAll(*decoded, list.get())) return nullptr;
    return list.release();
}

PyObject* instructions(PyObject*, PyObject* object) {
    return decodedList(object, [](const DecodedCode& decoded, PyObject* list) {
        for (const Instruction& instruction : decoded.bytecode.instructions()) {
            if (!appendPrefixes(list, instruction, decoded.lineTable)) return false;
            if (!appendStolen(list, instructionTuple(instruction, decoded.bytecode, decoded.lineTable))) return false;
        }
        return true;
    });
}

PyObject* exceptionTable(PyObject*, PyObject* object) {
    return decodedList(object, [](const DecodedCode& decoded, PyObject* list) {
        for (const ExceptionTableEntry& entry : decoded.exceptionTable.entries()) {
            PyObject* item =
                tupleOf(byteOffsetObject(entry.start), byteOffsetObject(entry.end), byteOffsetObject(entry.target),
                        PyLong_FromUnsignedLong(entry.depth), PyBool_FromLong(entry.pushLasti));
            if (!appendStolen(list, item)) return false;
        }
        return true;
    });
}

// One tuple per code unit the line table covers, like co_positions().
PyObject* positions(PyObject*, PyObject* object) {
    return decodedList(object, [](const DecodedCode& decoded, PyObject* list) {
        for (const LineTableEntry& entry : decoded.lineTable.entries()) {
            const SourcePosition& p = entry.position;
            for (uint32_t i = 0; i < entry.length; i++) {
                PyObject* item = tupleOf(optionalInt(p.line), optionalInt(p.endLine), optionalInt(p.column),
                                         optionalInt(p.endColumn));
                if (!appendStolen(list, item)) return false;
            }
        }
        return true;
    });
}

PyObject* successorsTuple(const BasicBlock& block, const CodeAnalysis& analysis) {
    PyObject* successors = PyTuple_New(static_cast<Py_ssize_t>(block.successors.size()));
    if (successors == nullptr) return nullptr;
    for (size_t i = 0; i < block.successors.size(); i++) {
        const Edge& edge = block.successors[i];
        const Instruction& first = analysis.bytecode[analysis.graph[edge.target].begin];
        std::string_view kind = edgeKindName(edge.kind);
        PyObject* item = tupleOf(byteOffsetObject(first.start),
                                 PyUnicode_FromStringAndSize(kind.data(), static_cast<Py_ssize_t>(kind.size())));
        if (item == nullptr) {
            Py_DECREF(successors);
            return nullptr;
        }
        PyTuple_SET_ITEM(successors, i, item);
    }
    return successors;
}

PyObject* blockTuple(BlockIndex index, const CodeAnalysis& analysis) {
    const BasicBlock& block = analysis.graph[index];
    const Instruction& last = analysis.bytecode[block.end - 1];
    auto depth = analysis.stackDepths.blockEntryDepth(index);
    return tupleOf(byteOffsetObject(analysis.bytecode[block.begin].start), byteOffsetObject(last.end()),
                   successorsTuple(block, analysis), optionalInt(depth),
                   PyBool_FromLong(analysis.stackDepths.reachable(index)));
}

// (max_depth, blocks, depths): blocks as (start, end, ((successor_start, kind), ...), entry_depth or None,
// reachable), depths as {offset: stack depth before the instruction} for analysed instructions, at their
// opcode unit and at each EXTENDED_ARG prefix.
PyObject* analysis(PyObject*, PyObject* object) {
    CodePieces pieces;
    if (!getCodePieces(object, pieces)) return nullptr;
    auto analyzed = analyzeCode(pieces.input());
    if (!succeeded(analyzed)) return nullptr;
    Ref blocks = Ref::steal(PyList_New(0));
    Ref depths = Ref::steal(PyDict_New());
    if (!blocks || !depths) return nullptr;
    for (uint32_t b = 0; b < analyzed->graph.size(); b++) {
        if (!appendStolen(blocks.get(), blockTuple(BlockIndex(b), *analyzed))) return nullptr;
    }
    for (uint32_t i = 0; i < analyzed->bytecode.size(); i++) {
        auto depth = analyzed->stackDepths.depthBefore(InstrIndex(i));
        if (!depth) continue;
        Ref value = Ref::steal(PyLong_FromUnsignedLong(*depth));
        // Every unit dis lists for the instruction: its EXTENDED_ARG prefixes and its opcode unit.
        const Instruction& instruction = analyzed->bytecode[InstrIndex(i)];
        for (CodeUnitOffset unit = instruction.start; unit <= instruction.opcodeUnit(); ++unit) {
            Ref key = Ref::steal(byteOffsetObject(unit));
            if (!key || !value || PyDict_SetItem(depths.get(), key.get(), value.get()) < 0) return nullptr;
        }
    }
    return tupleOf(PyLong_FromUnsignedLong(analyzed->stackDepths.maxDepth()), blocks.release(), depths.release());
}

PyObject* maxStackDepth(PyObject*, PyObject* object) {
    CodePieces pieces;
    if (!getCodePieces(object, pieces)) return nullptr;
    auto analyzed = analyzeCode(pieces.input());
    if (!succeeded(analyzed)) return nullptr;
    return PyLong_FromUnsignedLong(analyzed->stackDepths.maxDepth());
}

// Mirrors dis.stack_effect's signature: arg must be None exactly for opcodes without an argument.
PyObject* stackEffectOf(PyObject*, PyObject* args, PyObject* kwargs) {
    static const char* keywords[] = {"opcode", "arg", "jump", nullptr};
    int number = 0;
    PyObject* argObject = Py_None;
    int jump = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|Op:stack_effect", const_cast<char**>(keywords), &number,
                                     &argObject, &jump)) {
        return nullptr;
    }
    const OpcodeInfo* info = number >= 0 && number < 256 ? findOpcode(static_cast<uint8_t>(number)) : nullptr;
    if (info == nullptr) return PyErr_Format(PyExc_ValueError, "invalid opcode %d", number);
    if (info->hasArg() != (argObject != Py_None)) {
        return PyErr_Format(PyExc_ValueError, info->hasArg() ? "%s needs an argument" : "%s takes no argument",
                            std::string(info->name).c_str());
    }
    long arg = argObject == Py_None ? 0 : PyLong_AsLong(argObject);
    if (arg == -1 && PyErr_Occurred()) return nullptr;
    if (arg < 0 || arg > INT32_MAX) return PyErr_Format(PyExc_ValueError, "argument %ld out of range", arg);
    std::optional<int64_t> effect = stackEffect(info->opcode, static_cast<uint32_t>(arg), jump != 0);
    if (!effect) return PyErr_Format(PyExc_ValueError, "no stack effect rule for %s", std::string(info->name).c_str());
    return PyLong_FromLongLong(*effect);
}

PyObject* stringObject(std::string_view text) {
    return PyUnicode_FromStringAndSize(text.data(), static_cast<Py_ssize_t>(text.size()));
}

PyObject* flagNames(const OpcodeInfo& info) {
    Ref names = Ref::steal(PyList_New(0));
    if (!names) return nullptr;
    for (const OpcodeFlagInfo& flag : allOpcodeFlags()) {
        if (info.has(flag.flag) && !appendStolen(names.get(), stringObject(flag.name))) return nullptr;
    }
    return PyList_AsTuple(names.get());
}

// opcodes.def as Python data, for views: {"opcodes": [(number, name, cache_entries, (flag, ...))],
// "binary_ops": [(name, symbol)], "compare_ops": [symbol], "specialized": [(number, name, base)]}.
PyObject* opcodeTable(PyObject*, PyObject*) {
    Ref opcodes = Ref::steal(PyList_New(0));
    Ref binary = Ref::steal(PyList_New(0));
    Ref compare = Ref::steal(PyList_New(0));
    Ref specialized = Ref::steal(PyList_New(0));
    if (!opcodes || !binary || !compare || !specialized) return nullptr;
    for (const OpcodeInfo& info : allOpcodes()) {
        PyObject* item = tupleOf(PyLong_FromLong(static_cast<uint8_t>(info.opcode)), stringObject(info.name),
                                 PyLong_FromLong(info.cacheEntries), flagNames(info));
        if (!appendStolen(opcodes.get(), item)) return nullptr;
    }
    for (const BinaryOpInfo& op : binaryOps()) {
        if (!appendStolen(binary.get(), tupleOf(stringObject(op.name), stringObject(op.symbol)))) return nullptr;
    }
    for (std::string_view symbol : compareOps()) {
        if (!appendStolen(compare.get(), stringObject(symbol))) return nullptr;
    }
    for (const SpecializedOpcodeInfo& info : allSpecializedOpcodes()) {
        PyObject* item =
            tupleOf(PyLong_FromLong(info.number), stringObject(info.name), stringObject(opcodeName(info.base)));
        if (!appendStolen(specialized.get(), item)) return nullptr;
    }
    return Py_BuildValue("{sOsOsOsO}", "opcodes", opcodes.get(), "binary_ops", binary.get(), "compare_ops",
                         compare.get(), "specialized", specialized.get());
}

PyMethodDef gFrontendMethods[] = {
    {"frontend_instructions", instructions, METH_O,
     "frontend_instructions(code) -> [(offset, opname, arg, jump_target, starts_line)], EXTENDED_ARG included."},
    {"frontend_exception_table", exceptionTable, METH_O,
     "frontend_exception_table(code) -> [(start, end, target, depth, lasti)]"},
    {"frontend_positions", positions, METH_O,
     "frontend_positions(code) -> [(line, end_line, column, end_column)] per code unit, like co_positions()."},
    {"frontend_analysis", analysis, METH_O,
     "frontend_analysis(code) -> (max_depth, [(start, end, ((successor, kind), ...), entry_depth, reachable)], "
     "{offset: depth})"},
    {"frontend_max_stack_depth", maxStackDepth, METH_O,
     "frontend_max_stack_depth(code) -> int, the deepest the value stack gets (co_stacksize)."},
    {"frontend_stack_effect", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(stackEffectOf)),
     METH_VARARGS | METH_KEYWORDS, "frontend_stack_effect(opcode, arg=None, jump=False) -> int"},
    {"frontend_opcode_table", opcodeTable, METH_NOARGS, "frontend_opcode_table() -> dict: opcodes.def as data."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

PyMethodDef* frontendMethods() { return gFrontendMethods; }

}  // namespace pyjit
