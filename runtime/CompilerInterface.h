// The boundary between the runtime and jit/. The jit library (libpyjit_jit.so, which alone links LLVM)
// is loaded with dlopen on the first compile so that start-up never pays for LLVM. It sees the runtime
// only through this header: helper addresses (runtime/helpers.def), field offsets (PyjitLayout) and plain
// data about the code object. No Python.h here: objects are opaque pointers.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pyjit {

enum class HelperId : uint16_t {
#define PYJIT_HELPER(name, ...) name,
#include "runtime/helpers.def"
#undef PYJIT_HELPER
    Count
};

// sizeof(PyjitAttributeCache) in 64-bit words (runtime/cpython/attribute_cache.h; checked in OpHelpers.cpp).
inline constexpr int kAttributeCacheWords = 6;
// The fields of PyjitAttributeCache compiled code reads inline, in bytes (checked in OpHelpers.cpp): the
// 32-bit type version (0: empty) at 0, the 32-bit kind after it, the index or slot offset at 8, the method
// at 16; and the kinds whose value it reads inline (PyjitAttributeKind).
inline constexpr int kAttributeCacheKindOffset = 4;
inline constexpr int kAttributeCacheIndexOffset = 8;
inline constexpr int kAttributeCacheMethodOffset = 16;
inline constexpr int kAttributeCacheKeysOffset = 24;         // methods with instance values: the shared keys
inline constexpr int kAttributeCacheKeysEntriesOffset = 32;  // ... and their entry count (Py_ssize_t)
inline constexpr uint32_t kAttributeKindInstanceValue = 1;
inline constexpr uint32_t kAttributeKindMethodWithValues = 2;
inline constexpr uint32_t kAttributeKindMethodNoDict = 3;
inline constexpr uint32_t kAttributeKindSlot = 4;

// Must match runtime/cpython/jit_support.h's PyjitLayout field for field.
struct FrameLayout {
    int frameLocalsplus;
    int framePrevInstr;
    int objectRefcnt;
    int objectType;
    int refDebug;
    const int* evalBreaker;
    int longSize;
    int longDigit;
    int floatValue;
    const void* smallIntZero;
    int smallIntStride;
    int smallIntMin;
    int smallIntMax;
    int varSize;
    int listItems;
    int tupleItems;
    int rangeIterIndex;  // CPython 3.11's rangeiterobject: index, start, step, len (C longs)
    int rangeIterStart;
    int rangeIterStep;
    int rangeIterLen;
    int listIterIndex;  // ... and listiterobject: it_index, it_seq
    int listIterSeq;
    int typeVersionTag;  // PyTypeObject.tp_version_tag (32 bits)
    int managedValues;   // a managed-dict instance's PyDictValues pointer, relative to the object
    int bytearrayStart;  // PyByteArrayObject.ob_start: the first byte
    int tstateCframe;      // PyThreadState.cframe, and _PyCFrame.use_tracing (8 bits) in it
    int cframeUseTracing;
    int managedDict;         // a managed-dict instance's __dict__ pointer, relative to the object
    int heapTypeCachedKeys;  // PyHeapTypeObject.ht_cached_keys
    int dictKeysEntries;     // PyDictKeysObject.dk_nentries (Py_ssize_t)
    int tstateRecursionRemaining;  // PyThreadState.recursion_remaining (int)
    int cframeCurrentFrame;        // _PyCFrame.current_frame
    int framePrevious;             // _PyInterpreterFrame.previous
    int frameStacktop;             // _PyInterpreterFrame.stacktop (int)
    int frameGlobals;              // _PyInterpreterFrame.f_globals, f_builtins
    int frameBuiltins;
    int dictVersionTag;            // PyDictObject.ma_version_tag (64 bits)
    int globalCacheGlobalsVersion;  // runtime/cpython/jit_support.h's PyjitGlobalCache (LOAD_GLOBAL's site cache)
    int globalCacheBuiltinsVersion;
    int globalCacheValue;
    int functionCode;      // PyFunctionObject.func_code (an inlined call compares it)
    int functionDefaults;  // PyFunctionObject.func_defaults (a tuple or NULL)
    // A direct call's frame, pushed and popped inline (jit/DirectCalls.cpp)
    int functionGlobals;  // PyFunctionObject.func_globals, func_builtins
    int functionBuiltins;
    int frameFunc;  // _PyInterpreterFrame.f_func, f_locals, f_code, frame_obj, is_entry (8 bits), owner (8 bits)
    int frameLocals;
    int frameCode;
    int frameObject;
    int frameIsEntry;
    int frameOwner;
    int frameOwnedByThread;  // the owner value of a frame on the thread's data stack
    int tstateDatastackTop;  // PyThreadState.datastack_top, datastack_limit
    int tstateDatastackLimit;
    int tstateInterp;  // PyThreadState.interp, and PyInterpreterState.eval_frame in it
    int interpEvalFrame;
    const void* installedEvalHook;  // where pyjit keeps the hook it installed (a direct call must find it)
    int callTargetEntry;            // PyjitCallTarget.entry, calls
    int callTargetCalls;
    int directCallCellCode;  // PyjitDirectCallCell.code, target
    int directCallCellTarget;
    int callCacheEntries;  // CALL's inline cache units: prev_instr points at the last while a Python callee runs
    int cellRef;           // PyCellObject.ob_ref (LOAD_DEREF, STORE_DEREF)
};

// Objects compiled code compares against by identity.
struct WellKnownObjects {
    const void* none;
    const void* trueObject;
    const void* falseObject;
    const void* longType;   // &PyLong_Type
    const void* floatType;  // &PyFloat_Type
    const void* listType;   // &PyList_Type
    const void* tupleType;  // &PyTuple_Type
    const void* unicodeType;  // &PyUnicode_Type
    const void* rangeIterType;  // &PyRangeIter_Type
    const void* listIterType;   // &PyListIter_Type
    const void* bytearrayType;  // &PyByteArray_Type
    const void* dictType;       // &PyDict_Type
    const void* functionType;   // &PyFunction_Type
    // What pyjit_deopt_resume returns when the deoptimized activation is to go on in compiled code again:
    // the exit tail-calls the entry pyjit_take_reentry names (runtime/Deopt.h). Not an object.
    const void* reentrySentinel;
};

struct CompilerServices {
    const void* helpers[static_cast<size_t>(HelperId::Count)];
    FrameLayout layout;
    WellKnownObjects objects;
    // -X jit-perf: every compiled function is announced to Linux perf (a jitdump file for
    // `perf record -k 1` + `perf inject --jit`), named after its Python function.
    bool perfSupport = false;
};

// --- The specialized tier (docs/deopt.md) ---------------------------------------------------------------

// What the profile says one site sees, for the translator to speculate on: the exact type of each operand
// (nullptr: no speculation on that operand). Keyed by the instruction's opcode unit in CodeInput.
struct SiteSpeculation {
    std::array<const void*, 2> operandTypes{};
    const char* source = "";  // "tier-1 profile" or "CPython's quickened instruction": for the event log
};

// Why a guard failed; one enum for every guard (stats and events use kDeoptReasonNames).
enum class DeoptReason : uint8_t {
    OperandType,  // an operand's exact type is not the one speculated on
    ZeroDivisor,  // float division by zero: CPython raises the ZeroDivisionError
    IntOverflow,  // an int result does not fit in 64 bits: CPython makes the big int
    IndexRange,   // a list/tuple index is negative, big or past the end: CPython wraps or raises IndexError
    PowDomain,    // float ** float outside a positive finite base and a finite exponent and result
    ShiftCount,   // an int shift by a negative count (ValueError) or, to the left, by 64 or more
    Callee,       // an inlined call: the callable is no longer that code, or the call would pass the recursion limit
    Stress,       // -X jit-deopt-stress made it fail
    ColdBlock,    // control reached a block tier 1 never saw run, which was compiled as an exit (docs/deopt.md)
    Count
};
inline constexpr const char* kDeoptReasonNames[] = {"operand-type", "zero-divisor", "int-overflow",
                                                    "index-range",  "pow-domain",   "shift-count",
                                                    "callee",       "stress",       "cold-block"};

// What a guard checks (stats and events use kGuardKindNames).
enum class GuardKind : uint8_t {
    OperandTypes,    // the operands' exact types (and, for ints, their size)
    NoIntOverflow,   // an int64 result did not overflow
    NonzeroDivisor,  // a float divisor is not zero
    IndexInRange,    // a list/tuple index is an int in 0 .. len - 1 of one digit
    PowDomain,       // a float power C's pow() computes as CPython does
    ShiftCount,      // an int shift count is in range
    InlinedCallee,   // the callable of an inlined call is a function with the inlined code; the call may go deeper
    BlockNotRun,     // a block compiled as an exit: the profile said control never got there (always fails)
};
inline constexpr const char* kGuardKindNames[] = {"operand-types",  "no-int-overflow", "nonzero-divisor",
                                                  "index-in-range", "pow-domain",      "shift-count",
                                                  "inlined-callee", "block-not-run"};

// One guard of compiled code. Allocated by the translator, owned by the runtime (CodeState) for as long as
// the machine code that points at it; the counters are written by the guard's failure path.
struct GuardRecord {
    uint32_t opcodeUnit = 0;
    GuardKind kind = GuardKind::OperandTypes;
    std::string opname;
    std::array<const void*, 2> expected{};  // exact operand types the code speculates on
    uint64_t executions = 0;                // counted only when CodeInput::countGuardExecutions (stats or log on)
    uint64_t failures = 0;
    std::array<uint64_t, static_cast<size_t>(DeoptReason::Count)> failuresByReason{};
    // The frame state where the guard is (issue 6, point 3): per value-stack entry its representation in the
    // compiled code (0 object, 1 unboxed double, 2 unboxed int64; the failure path boxes them), and the locals
    // that may be unboxed there (the failure path writes them back to the frame before the hand-over).
    std::vector<uint8_t> stackReprs;
    std::vector<int> unboxedLocals;
};

struct CodeInput;

// Where control went while tier 1 ran the code (specialized tier; docs/deopt.md, "Cold blocks"): the blocks it
// never saw run are compiled as exits to tier 1, so a function's error paths, the code before a hot loop of a
// function entered once and the code after a loop not yet left cost no compile time.
struct ControlProfile {
    struct Branch {
        uint64_t taken = 0;     // conditional jumps: jumped; FOR_ITER: exhausted
        uint64_t notTaken = 0;  // ... fell through; FOR_ITER: produced an item
    };
    std::map<uint32_t, Branch> branches;  // by opcode unit; an unprofiled branch goes both ways
    // The compile was asked for at this loop header (an instruction index) by the only activation that ever
    // entered the code: the entry has run once, so blocks run from the entry alone are cold.
    std::optional<uint32_t> onlyLoopHeader;
};

// A call the specialized tier compiles inline (docs/deopt.md, "Inlined calls"): `f(a, b)` of a global function
// whose code is a straight line of int and float operations on its parameters (no calls, globals,
// attributes, branches or loops), with exactly its positional parameters. The compiled code checks that the
// callable is a function with that code object and that the call would not pass the recursion limit; the
// callee's guards are its own sites' speculations. Any failure deoptimizes before the call (at its PRECALL):
// nothing of the callee has happened then, so the interpreter makes the call as if it never had been inlined.
struct InlineCallee {
    std::shared_ptr<const CodeInput> code;  // the callee, as for its own compile (CodeState keeps it alive)
};

// A call site the specialized tier calls directly (docs/deopt.md, "Direct calls"): tier 1 saw one Python
// function code there, which binds the call's arguments positionally (its first parameters, defaults for the
// rest). The compiled
// code checks that the callable is a function with that code (through `cell`, which the runtime clears when
// the code object is freed) and that the callee is compiled, then pushes the callee's frame, calls its
// native entry and pops the frame itself; any other call takes the helper. Not a guard: nothing deoptimizes.
struct DirectCallee {
    const void* cell;        // PyjitDirectCallCell (runtime/cpython/direct_call.h), owned by the caller's state
    const void* firstInstr;  // _PyCode_CODE(code) - 1: a fresh frame's prev_instr
    std::string qualname;    // for the IR's names
    int argcount = 0;        // the stack's arguments, `self` included for a method
    int parameters = 0;      // co_argcount: the ones past `argcount` come from the function's __defaults__
    int nlocalsplus = 0;
    int frameWords = 0;   // the frame's size in the thread's data stack (pointers)
    bool method = false;  // called as [function, self, args...] (LOAD_METHOD), else [NULL, function, args...]
};

// Everything the translator needs to know about one code object. Object pointers are borrowed from the
// code object, which outlives its compiled code.
struct CodeInput {
    const void* codeObject;
    const void* codeUnits;  // &co_code_adaptive[0]: what frame->prev_instr points into
    std::string qualname;
    std::string filename;
    int firstLineNo = 0;
    std::vector<uint8_t> bytecode;  // unquickened (PyCode_GetCode): never the live co_code_adaptive
    std::vector<uint8_t> exceptionTable;
    std::vector<uint8_t> lineTable;
    std::vector<const void*> consts;
    // Per constant: its value when it is an exact int of at most two digits (|value| < 2**60, the ints the
    // specialized tier's int guards accept), so that a guarded operation folds it instead of testing it.
    std::vector<std::optional<int64_t>> smallIntConsts;
    std::vector<std::optional<double>> floatConsts;  // ... and its value when it is an exact float
    std::vector<const void*> names;
    int rangeName = -1;  // the index of "range" in names, if there (a `for` over `range(...)` is recognized by it)
    int nlocalsplus = 0;
    int parameterCount = 0;  // locals 0 .. n-1 are bound when a call starts (positional, keyword-only, *, **)
    int flags = 0;
    int stackSize = 0;
    std::string dumpDir;  // empty: no dumps
    // Specialized tier: speculate where `speculations` says (by opcode unit), except at the units widened
    // after too many failures; guards also fail at random under deopt stress.
    bool specialize = false;
    bool deoptStress = false;
    bool countGuardExecutions = false;  // each guard increments GuardRecord::executions (costs a load+store)
    std::map<uint32_t, SiteSpeculation> speculations;
    std::set<uint32_t> widenedUnits;
    std::optional<ControlProfile> controlProfile;    // nullopt: every reachable block is compiled
    std::map<uint32_t, InlineCallee> inlineCallees;  // by the CALL's opcode unit
    std::map<uint32_t, DirectCallee> directCallees;  // ... likewise
    // The code reached the hotness threshold (threshold 0 compiles everything at its first call): small
    // functions then get the optimizing code generator (jit/Engine.cpp, SizeTieredCompiler).
    bool hot = false;
    // A generator (CO_GENERATOR): each suspension point is also a resume point (generatorResumes).
    bool isGenerator = false;
};

// The native entry: PyObject* entry(PyThreadState*, _PyInterpreterFrame*, int resumeIndex), returning a
// new reference or NULL with an exception set, exactly like _PyEval_EvalFrameDefault.
// resumeIndex -1: a fresh call (the compiled code enters the frame itself). Otherwise an instruction index
// from CompileOutput::resumeIndices: the frame is already entered and linked, every local and the
// instruction's `depth` stack values are owned references in the frame, and execution goes on at that
// instruction (OSR from tier 1 at a loop header, a generator resumed after a yield).
inline constexpr int kFreshCall = -1;

// A generator's suspension point: the opcode unit its prev_instr points at while suspended there
// (YIELD_VALUE, or RETURN_GENERATOR before the first resumption), the instruction it resumes at and the
// stack depth there (the sent value included).
struct GeneratorResume {
    int32_t suspendedAt;
    uint32_t instruction;
    int32_t depth;
};
using NativeEntry = void* (*)(void* tstate, void* frame, int resumeIndex);

// A CALL compiled as a direct call (for the event log): its bytecode offset and the callee's qualname.
struct DirectCallSite {
    int offset = 0;
    std::string callee;
};

struct CompileOutput {
    NativeEntry entry = nullptr;
    uint64_t handle = 0;        // for release(); 0 when nothing was compiled
    std::string failure;        // why not compiled (entry == nullptr)
    double compileMillis = 0;   // translation + optimization + code generation
    // ... and each of the three (the compile event's `phase_ms`): where a slow compile spends its time.
    double translateMillis = 0;
    double optimizeMillis = 0;
    double codegenMillis = 0;
    size_t machineCodeBytes = 0;  // the compiled code's size (its object file's code sections)
    size_t instructionsLowered = 0;
    size_t instructionsHandedOff = 0;  // instructions that hand the frame to CPython's interpreter
    // Where the entry can resume (instruction index -> stack depth there): at least every reachable
    // target of a backward jump.
    std::map<uint32_t, int> resumeIndices;
    std::vector<GeneratorResume> generatorResumes;
    // Loop headers (instruction indices) in blocks compiled as exits (CodeInput::controlProfile): tier 1 asks
    // for a recompile when such a loop gets hot.
    std::set<uint32_t> coldLoopHeaders;
    std::map<std::string, uint32_t> loweredOpcodes;    // per opcode name: instructions lowered
    std::map<std::string, uint32_t> handedOffOpcodes;  // ... and instructions handing the frame over
    std::vector<std::unique_ptr<GuardRecord>> guards;   // the compiled code's guards (specialized tier)
    std::vector<DirectCallSite> directCalls;            // the CALLs compiled as direct calls (specialized tier)
};

class CodeCompiler {
public:
    virtual ~CodeCompiler() = default;
    virtual CompileOutput compile(const CodeInput& input) = 0;
    // Frees the machine code of one compiled code object.
    virtual void release(uint64_t handle) = 0;
};

// Exported by libpyjit_jit.so.
using CreateCompilerFunction = CodeCompiler* (*)(const CompilerServices* services);
inline constexpr const char* kCreateCompilerSymbol = "pyjit_create_compiler";

}  // namespace pyjit
