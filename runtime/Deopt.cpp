#include "Deopt.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <utility>
#include <vector>

#include "CodeState.h"
#include "EventLog.h"
#include "JitCompiler.h"
#include "cpython/frame_access.h"
#include "cpython/jit_support.h"
#include "cpython/quickened.h"

#include "frontend/OpcodeTable.h"

namespace pyjit {

namespace {

uint64_t gStressState = 0;  // xorshift64 state; 0 = no deopt stress
uint64_t gDeoptLimit = 0;
uint64_t gRecompileLimit = 0;
std::array<uint64_t, static_cast<size_t>(DeoptReason::Count)> gDeoptsByReason{};

// A guard fails under stress once in this many executions: often enough that every guard of a test
// program fails somewhere, rarely enough that the code also runs on its fast paths.
constexpr uint64_t kStressPeriod = 8;

const char* typeNameOf(const void* type) {
    return type != nullptr ? static_cast<const PyTypeObject*>(type)->tp_name : nullptr;
}

nlohmann::json typeNames(const std::array<const void*, 2>& types) {
    nlohmann::json names = nlohmann::json::array();
    for (const void* type : types) names.push_back(type != nullptr ? nlohmann::json(typeNameOf(type)) : nullptr);
    return names;
}

nlohmann::json describeGuard(PyCodeObject* code, const GuardRecord& guard) {
    int offset = static_cast<int>(2 * guard.opcodeUnit);
    const char* file = PyUnicode_AsUTF8(code->co_filename);
    const char* qualname = PyUnicode_AsUTF8(code->co_qualname);
    if (file == nullptr || qualname == nullptr) PyErr_Clear();
    return {{"qualname", qualname != nullptr ? qualname : ""},
            {"file", file != nullptr ? file : ""},
            {"line", PyCode_Addr2Line(code, offset)},
            {"offset", offset},
            {"opname", guard.opname},
            {"guard", kGuardKindNames[static_cast<size_t>(guard.kind)]},
            {"expected", typeNames(guard.expected)}};
}

// The guard failed deoptLimit times: the code is compiled again with this site widened (or generic everywhere
// once the recompile limit is reached). A cold block that runs (BlockNotRun) only adds code to the next
// compile, at most once per block: that recompile does not count against the limit. With background compiles
// the old code goes on running until the new one is installed (it is exact, it only deoptimizes more: tier 1
// would be slower); else it is dropped and the code compiled at its next hot entry. Retired machine code stays
// alive: other frames may still be running it.
// `loopHeader`: where the recompile of a function entered once starts (else the last compile's).
void retireForRecompile(CodeState& state, const GuardRecord& guard, _PyInterpreterFrame* frame,
                        std::optional<uint32_t> loopHeader = std::nullopt) {
    state.widenedUnits.insert(guard.opcodeUnit);
    if (state.tier != CodeTier::Compiled) return;  // a retired compile's guard: widened at the next compile
    state.recompiles++;
    if (guard.kind == GuardKind::BlockNotRun) state.coldBlockRecompiles++;
    if (state.recompiles - state.coldBlockRecompiles > gRecompileLimit) state.specializationExhausted = true;
    if (EventLog::active()) {
        nlohmann::json fields = describeGuard(state.code, guard);
        fields["failures"] = guard.failures;
        fields["recompiles"] = state.recompiles;
        fields["next_tier"] = state.specializationExhausted ? "generic" : "specialized";
        EventLog::write("recompile", std::move(fields));
    }
    if (loopHeader) state.compiledLoopHeader = loopHeader;
    if (JitCompiler::recompileWhileRunning(state, frame)) return;
    state.retiredHandles.push_back(state.compiledHandle);
    state.compiledHandle = 0;
    state.entry = nullptr;
    state.resumeDepths.clear();
    state.coldLoopHeaders.clear();
    state.tier = CodeTier::Interpreter;
}

struct SpeculationCollector {
    CodeInput& input;
    static void visitQuickened(void* context, int unit, PyTypeObject* lhs, PyTypeObject* rhs) {
        auto& input = static_cast<SpeculationCollector*>(context)->input;
        input.speculations.try_emplace(static_cast<uint32_t>(unit),
                                       SiteSpeculation{{lhs, rhs}, "CPython's quickened instruction"});
    }
};

// Only static types are speculated on: the compiled code compares type pointers, and a static type never
// dies (a heap type could, and another be allocated at its address).
const void* staticTypeOrNull(const tier1::ObservedKeys& keys) {
    if (keys.megamorphic || keys.keys[0] == nullptr || keys.keys[1] != nullptr) return nullptr;
    auto* type = static_cast<const PyTypeObject*>(keys.keys[0]);
    return (type->tp_flags & Py_TPFLAGS_HEAPTYPE) ? nullptr : type;
}

}  // namespace

void configureDeopt(uint64_t stressSeed, uint64_t deoptLimit, uint64_t recompileLimit) {
    // xorshift64 must not start at 0; any seed maps to a non-zero state.
    gStressState = stressSeed == 0 ? 0 : (stressSeed * 0x9E3779B97F4A7C15ull) | 1;
    gDeoptLimit = deoptLimit;
    gRecompileLimit = recompileLimit;
}

const std::array<uint64_t, static_cast<size_t>(DeoptReason::Count)>& deoptsByReason() { return gDeoptsByReason; }

void collectSpeculations(const CodeState* state, PyCodeObject* code, CodeInput& input) {
    // Sites where tier 1 saw ints beyond int64 in more than 1 of kLongIntShare executions
    // get no speculation at all, not even CPython's (its BINARY_OP_*_INT take ints of any size): their
    // guard would fail at nearly every execution (bigint.py's `a, b = b, a + b` past 90 iterations).
    constexpr uint64_t kLongIntShare = 16;
    std::vector<uint32_t> longIntSites;
    // The tier-1 profile first: it saw this code's sites directly.
    if (state != nullptr && state->tier1) {
        const tier1::DecodedCode& decoded = *state->tier1;
        for (const tier1::SiteProfile& site : decoded.profile.sites) {
            const tier1::DecodedInstruction& instruction = decoded.instructions[site.instruction];
            auto opcode = static_cast<frontend::Opcode>(instruction.opcode);
            if (opcode != frontend::Opcode::BINARY_OP && opcode != frontend::Opcode::COMPARE_OP &&
                opcode != frontend::Opcode::BINARY_SUBSCR && opcode != frontend::Opcode::STORE_SUBSCR)
                continue;  // (subscripts: the container's and the index's types)
            uint64_t executions = 0;
            for (uint64_t count : site.operands[0].counts) executions += count;
            if (site.longInts * kLongIntShare > executions) {
                longIntSites.push_back(static_cast<uint32_t>(instruction.opcodeUnit));
                continue;
            }
            const void* lhs = staticTypeOrNull(site.operands[0]);
            const void* rhs = staticTypeOrNull(site.operands[1]);
            if (lhs == nullptr || rhs == nullptr) continue;
            input.speculations.try_emplace(static_cast<uint32_t>(instruction.opcodeUnit),
                                           SiteSpeculation{{lhs, rhs}, "tier-1 profile"});
        }
    }
    // Then what CPython's adaptive interpreter learnt where the code ran there.
    SpeculationCollector collector{input};
    pyjit_scan_quickened(code, &SpeculationCollector::visitQuickened, &collector);
    for (uint32_t unit : longIntSites) input.speculations.erase(unit);
}

void collectControlProfile(const CodeState& state, std::optional<uint32_t> loopHeader, CodeInput& input) {
    // Only what tier 1 ran is profiled: not generators (CPython runs them until compiled), nor an activation
    // it handed to CPython's interpreter (the rest of it went unseen).
    if (!state.tier1 || state.tier1Rejected || (state.code->co_flags & CO_GENERATOR) != 0) return;
    const tier1::DecodedCode& decoded = *state.tier1;
    if (decoded.profile.handOffs != 0) return;
    ControlProfile profile;
    for (const tier1::SiteProfile& site : decoded.profile.sites) {
        const tier1::DecodedInstruction& instruction = decoded.instructions[site.instruction];
        if (instruction.jumpTarget < 0) continue;
        ControlProfile::Branch branch{site.taken, site.notTaken};
        if (static_cast<frontend::Opcode>(instruction.opcode) == frontend::Opcode::FOR_ITER) {
            // Every execution is counted by the iterator's type, unless there were too many types.
            const tier1::ObservedKeys& iterators = site.operands[0];
            uint64_t executions = 0;
            for (uint64_t count : iterators.counts) executions += count;
            branch.notTaken = iterators.megamorphic ? 1 : executions - std::min(executions, site.taken);
        }
        profile.branches[static_cast<uint32_t>(instruction.opcodeUnit)] = branch;
    }
    if (loopHeader && state.calls <= 1) profile.onlyLoopHeader = loopHeader;
    input.controlProfile = std::move(profile);
}

void coldLoopGotHot(CodeState& state, uint32_t loopHeader, _PyInterpreterFrame* frame) {
    if (state.tier != CodeTier::Compiled || !state.tier1 || loopHeader >= state.tier1->instructions.size()) return;
    const auto unit = static_cast<uint32_t>(state.tier1->instructions[loopHeader].opcodeUnit);
    for (auto guard = state.guards.rbegin(); guard != state.guards.rend(); ++guard) {
        if ((*guard)->kind == GuardKind::BlockNotRun && (*guard)->opcodeUnit == unit) {
            retireForRecompile(state, **guard, frame, loopHeader);
            return;
        }
    }
}

}  // namespace pyjit

extern "C" double pyjit_float_pow(double base, double exponent) {
    // CPython's float_pow ends in C's pow() and raises when errno says so (OverflowError, ValueError);
    // NaN tells the guard to let CPython compute (and raise) instead: it is no result of a positive finite
    // base and a finite exponent.
    errno = 0;
    double result = pow(base, exponent);
    if (errno != 0 && !(errno == ERANGE && result == 0.0)) return NAN;
    return result;
}

extern "C" int pyjit_deopt_stress_roll() {
    uint64_t& x = pyjit::gStressState;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x % pyjit::kStressPeriod == 0;
}

extern "C" void pyjit_guard_failed(_PyInterpreterFrame* frame, pyjit::GuardRecord* guard, int reason,
                                   PyTypeObject* lhsType, PyTypeObject* rhsType) {
    using namespace pyjit;
    guard->failures++;
    guard->failuresByReason[reason]++;
    gDeoptsByReason[reason]++;
    PyCodeObject* code = pyjit_frame_code(frame);
    CodeState* state = CodeStateRegistry::find(code);
    if (state != nullptr) state->deopts++;
    if (EventLog::active()) {
        nlohmann::json fields = describeGuard(code, *guard);
        fields["reason"] = kDeoptReasonNames[reason];
        fields["observed"] = typeNames({lhsType, rhsType});
        fields["failures"] = guard->failures;
        EventLog::write("deopt", std::move(fields));
    }
    if (state != nullptr && gDeoptLimit != 0 && guard->failures == gDeoptLimit) {
        retireForRecompile(*state, *guard, frame);
    }
}

namespace {

constexpr int32_t kUnboxedDouble = 1;  // FunctionTranslator::Repr::Double

// The layout of CPython 3.11's listiterobject and tupleiterobject (private to listobject.c / tupleobject.c).
struct SequenceIterator {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject* sequence;  // NULL once exhausted
};

// Out of memory while writing back: an exception being raised must survive, and the frame must hold the
// value. The obsolete float is reused when nothing else refers to it; otherwise there is no exact way on.
void storeBoxed(PyObject** slot, PyObject* boxed, double value) {
    PyObject* obsolete = *slot;
    if (boxed == nullptr) {
        if (obsolete == nullptr || !PyFloat_CheckExact(obsolete) || Py_REFCNT(obsolete) != 1) {
            Py_FatalError("pyjit: out of memory writing an unboxed local back to its frame");
        }
        reinterpret_cast<PyFloatObject*>(obsolete)->ob_fval = value;
        return;
    }
    *slot = boxed;
    Py_XDECREF(obsolete);
}

template <typename Box>
PyObject* boxKeepingException(Box box) {
    if (!PyErr_Occurred()) {
        PyObject* boxed = box();
        if (boxed == nullptr) PyErr_Clear();
        return boxed;
    }
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyObject* boxed = box();
    PyErr_Restore(type, value, traceback);
    return boxed;
}

}  // namespace

extern "C" void pyjit_write_back_locals(PyObject** localsplus, const int32_t* layout, uint64_t mask,
                                        const uint64_t* values) {
    for (int bit = 0; mask != 0; bit++, mask >>= 1) {
        if ((mask & 1) == 0) continue;
        PyObject** slot = &localsplus[layout[2 * bit]];
        if (layout[2 * bit + 1] == kUnboxedDouble) {
            double value = std::bit_cast<double>(values[bit]);
            storeBoxed(slot, boxKeepingException([&] { return PyFloat_FromDouble(value); }), value);
        } else {
            auto value = static_cast<int64_t>(values[bit]);
            PyObject* boxed = boxKeepingException([&] { return PyLong_FromLongLong(value); });
            if (boxed == nullptr) Py_FatalError("pyjit: out of memory writing an unboxed local back to its frame");
            storeBoxed(slot, boxed, 0.0);
        }
    }
}

extern "C" int pyjit_box_values(uint64_t doubles, int count, uint64_t* values) {
    int status = 0;
    for (int j = 0; j < count; j++) {
        PyObject* object = nullptr;
        if (status == 0) {
            object = (doubles >> j) & 1 ? PyFloat_FromDouble(std::bit_cast<double>(values[j]))
                                        : PyLong_FromLongLong(static_cast<int64_t>(values[j]));
        }
        if (object == nullptr) {  // out of memory: the rest become None, which unwinding can release
            status = -1;
            object = Py_NewRef(Py_None);
        }
        values[j] = reinterpret_cast<uintptr_t>(object);
    }
    return status;
}

namespace {

struct PendingReentry {
    pyjit::NativeEntry entry = nullptr;
    int target = 0;
};
// Set by tier 1 and taken by the compiled exit it returns to, with no Python code in between.
thread_local PendingReentry gPendingReentry;
// Only its address matters: never an object, so no Python code can see it.
char gReentrySentinel;

}  // namespace

void pyjit::requestReentry(NativeEntry entry, int target) { gPendingReentry = {entry, target}; }

extern "C" PyObject* pyjit_reentry_sentinel() { return reinterpret_cast<PyObject*>(&gReentrySentinel); }

extern "C" void* pyjit_take_reentry(int* target) {
    PendingReentry pending = std::exchange(gPendingReentry, {});
    *target = pending.target;
    return reinterpret_cast<void*>(pending.entry);
}

extern "C" PyObject* pyjit_deopt_resume(PyThreadState* tstate, _PyInterpreterFrame* frame, int prev_unit, int depth) {
    pyjit::CodeState* state = pyjit::CodeStateRegistry::find(pyjit_frame_code(frame));
    if (state != nullptr) {
        if (PyObject* result = nullptr; pyjit::tier1::resumeAt(tstate, frame, *state, prev_unit + 1, depth, result)) {
            return result;
        }
    }
    return pyjit_resume_in_cpython(tstate, frame, prev_unit, depth, 0);
}

extern "C" PyObject* pyjit_deopt_box_resume(PyThreadState* tstate, _PyInterpreterFrame* frame, int prev_unit, int depth,
                                            uint64_t doubles, uint64_t ints, int raise_unit) {
    // Boxing allocates no GC-tracked object, so no collection sees the bits before they are objects.
    PyObject** stack = pyjit_frame_value_stack(frame);
    bool outOfMemory = false;
    for (int k = 0; k < depth; k++) {
        const bool isDouble = (doubles >> k) & 1;
        if (!isDouble && ((ints >> k) & 1) == 0) continue;
        const auto bits = reinterpret_cast<uintptr_t>(stack[k]);
        PyObject* object = nullptr;
        if (!outOfMemory) {
            object = isDouble ? PyFloat_FromDouble(std::bit_cast<double>(static_cast<uint64_t>(bits)))
                              : PyLong_FromLongLong(static_cast<int64_t>(bits));
        }
        if (object == nullptr) {  // the rest become None, which unwinding can release
            outOfMemory = true;
            object = Py_NewRef(Py_None);
        }
        stack[k] = object;
    }
    // The MemoryError is the guarded instruction's: CPython's interpreter raises it there, traceback entry,
    // handler and all.
    if (outOfMemory) return pyjit_resume_in_cpython(tstate, frame, raise_unit, depth, 1);
    return pyjit_deopt_resume(tstate, frame, prev_unit, depth);
}

extern "C" int pyjit_iterator_is_quiet(PyObject* iterator) {
    PyTypeObject* type = Py_TYPE(iterator);
    if (type == &PyRangeIter_Type) return 1;
    if (type != &PyListIter_Type && type != &PyTupleIter_Type) return 0;
    auto* sequenceIterator = reinterpret_cast<SequenceIterator*>(iterator);
    // At the end the iterator releases its sequence, which frees it (and may run finalizers) when the
    // iterator held the last reference.
    PyObject* sequence = sequenceIterator->sequence;
    return sequence == nullptr || sequenceIterator->index < Py_SIZE(sequence) || Py_REFCNT(sequence) > 1;
}
