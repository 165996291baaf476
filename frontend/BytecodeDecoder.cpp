#include "frontend/BytecodeDecoder.h"

#include <limits>

namespace pyjit::frontend {

namespace {

// CPython 3.11's compiler emits at most three (instr_size() caps an argument at 32 bits), and ceval keeps
// opargs in a C int.
constexpr uint8_t kMaxPrefixes = 3;
constexpr uint64_t kMaxArg = std::numeric_limits<int32_t>::max();

}  // namespace

std::optional<InstrIndex> Bytecode::instructionStartingAt(CodeUnitOffset unit) const {
    if (unit.value() >= owners_.size()) return std::nullopt;
    InstrIndex index = instructionContaining(unit);
    if ((*this)[index].start != unit) return std::nullopt;
    return index;
}

Expected<Bytecode> BytecodeDecoder::decode() {
    if (code_.empty()) return error("the bytecode is empty");
    if (code_.size() % kBytesPerCodeUnit != 0) {
        return errorAt(CodeUnitOffset(unitCount()), "truncated bytecode: {} bytes is not a whole number of code units",
                       code_.size());
    }
    Bytecode bytecode;
    bytecode.owners_.resize(unitCount());
    bytecode.instructions_.reserve(unitCount() / 2);
    for (CodeUnitOffset unit(0); unit.value() < unitCount(); unit = bytecode.instructions_.back().end()) {
        if (auto failure = decodeInstructionAt(unit, bytecode)) return *failure;
    }
    // Jumps go forwards too, so targets are resolved once every instruction start is known.
    for (Instruction& instruction : bytecode.instructions_) {
        if (!instruction.info().isJump()) continue;
        if (auto failure = resolveJump(instruction, bytecode)) return *failure;
    }
    return bytecode;
}

std::optional<FrontendError> BytecodeDecoder::decodeInstructionAt(CodeUnitOffset start, Bytecode& out) const {
    Instruction instruction;
    instruction.start = start;
    uint64_t prefixBytes = 0;
    CodeUnitOffset unit = start;
    while (opcodeByte(unit) == static_cast<uint8_t>(Opcode::EXTENDED_ARG)) {
        if (instruction.prefixCount == kMaxPrefixes) {
            return errorAt(start, "more than {} EXTENDED_ARG prefixes", kMaxPrefixes);
        }
        prefixBytes = (prefixBytes << 8) | argByte(unit);
        instruction.prefixCount++;
        ++unit;
        if (unit.value() == unitCount()) return errorAt(start, "EXTENDED_ARG at the end of the code prefixes nothing");
    }
    const OpcodeInfo* info = findOpcode(opcodeByte(unit));
    if (info == nullptr) {
        if (const SpecializedOpcodeInfo* specialized = findSpecializedOpcode(opcodeByte(unit))) {
            return errorAt(unit, "specialized opcode {} ({}): expected unquickened bytecode (PyCode_GetCode)",
                           specialized->name, specialized->number);
        }
        return errorAt(unit, "unknown opcode {}", opcodeByte(unit));
    }
    if (info->opcode == Opcode::CACHE) return errorAt(unit, "a CACHE entry where an instruction should start");
    if (instruction.prefixCount > 0 && !info->hasArg()) {
        return errorAt(start, "EXTENDED_ARG prefixes {}, which takes no argument", info->name);
    }
    instruction.opcode = info->opcode;
    if (info->hasArg()) {
        uint64_t arg = (prefixBytes << 8) | argByte(unit);
        if (arg > kMaxArg) return errorAt(start, "argument {} of {} does not fit in a C int", arg, info->name);
        instruction.arg = static_cast<uint32_t>(arg);
    }
    instruction.cacheEntries = info->cacheEntries;
    if (instruction.end().value() > unitCount()) {
        return errorAt(unit, "truncated bytecode: {} needs {} inline cache entries but the code ends at offset {}",
                       info->name, info->cacheEntries, code_.size());
    }
    if (auto failure = checkCaches(instruction)) return failure;
    if (auto failure = checkOperand(instruction)) return failure;
    uint32_t index = static_cast<uint32_t>(out.instructions_.size());
    for (CodeUnitOffset owned = start; owned < instruction.end(); ++owned) out.owners_[owned.value()] = index;
    out.instructions_.push_back(instruction);
    return std::nullopt;
}

// PyCode_GetCode() and the compiler both leave cache entries zeroed; anything else means the bytes are
// quickened (co_code_adaptive) or misaligned, and decoding them would be a guess.
std::optional<FrontendError> BytecodeDecoder::checkCaches(const Instruction& instruction) const {
    for (CodeUnitOffset unit = instruction.opcodeUnit() + 1; unit < instruction.end(); ++unit) {
        if (opcodeByte(unit) != 0 || argByte(unit) != 0) {
            return errorAt(unit, "inline cache entry of {} at offset {} is not zero (quickened bytecode?)",
                           instruction.info().name, toByteOffset(instruction.opcodeUnit()));
        }
    }
    return std::nullopt;
}

std::optional<FrontendError> BytecodeDecoder::checkOperand(const Instruction& instruction) const {
    const OpcodeInfo& info = instruction.info();
    uint32_t arg = instruction.arg;
    auto outOfRange = [&](std::string_view what, uint64_t index, uint64_t count) -> std::optional<FrontendError> {
        if (index < count) return std::nullopt;
        return errorAt(instruction.opcodeUnit(), "{} {} is out of range: the code object has {} {}", info.name, index,
                       count, what);
    };
    if (info.has(OpcodeInfo::Compare)) return outOfRange("comparisons", arg, compareOps().size());
    if (instruction.opcode == Opcode::BINARY_OP) return outOfRange("binary operators", arg, binaryOps().size());
    if (!limits_) return std::nullopt;
    if (info.has(OpcodeInfo::Const)) return outOfRange("constants", arg, limits_->constCount);
    if (info.has(OpcodeInfo::Name)) {
        // LOAD_GLOBAL keeps "push NULL first" in bit 0.
        uint32_t name = instruction.opcode == Opcode::LOAD_GLOBAL ? arg >> 1 : arg;
        return outOfRange("names", name, limits_->nameCount);
    }
    if (info.has(OpcodeInfo::Local) || info.has(OpcodeInfo::Free)) {
        return outOfRange("locals, cells and free variables", arg, limits_->localsPlusCount);
    }
    return std::nullopt;
}

// Relative jumps count from the unit after the opcode unit, as ceval's JUMPBY does (no jump has caches;
// tools/gen_opcodes.py checks that).
std::optional<FrontendError> BytecodeDecoder::resolveJump(Instruction& instruction, const Bytecode& bytecode) const {
    const OpcodeInfo& info = instruction.info();
    CodeUnitOffset from = instruction.opcodeUnit();
    int64_t target = instruction.arg;
    if (info.has(OpcodeInfo::JumpRelative)) {
        int64_t base = from.value() + 1;
        target = info.has(OpcodeInfo::Backward) ? base - target : base + target;
    }
    if (target < 0 || target >= unitCount()) {
        return errorAt(from, "{} jumps to offset {}, outside the code ({} bytes)", info.name,
                       target * kBytesPerCodeUnit, code_.size());
    }
    CodeUnitOffset targetUnit(static_cast<uint32_t>(target));
    std::optional<InstrIndex> landing = bytecode.instructionStartingAt(targetUnit);
    if (!landing) {
        const Instruction& inside = bytecode[bytecode.instructionContaining(targetUnit)];
        return errorAt(from, "{} jumps to offset {}, inside the {} at offset {}", info.name, toByteOffset(targetUnit),
                       inside.info().name, toByteOffset(inside.opcodeUnit()));
    }
    instruction.jumpTarget = landing;
    return std::nullopt;
}

std::optional<FrontendError> checkAdaptiveCode(std::span<const uint8_t> code, bool quickened) {
    uint32_t unitCount = static_cast<uint32_t>(code.size() / kBytesPerCodeUnit);
    for (uint32_t unit = 0; unit < unitCount;) {
        uint8_t number = code[unit * kBytesPerCodeUnit];
        const OpcodeInfo* info = findOpcode(number);
        if (info == nullptr) {
            const SpecializedOpcodeInfo* specialized = findSpecializedOpcode(number);
            if (specialized == nullptr) return errorAt(CodeUnitOffset(unit), "co_code holds the unknown opcode {}", number);
            if (!quickened) {
                return errorAt(CodeUnitOffset(unit),
                               "co_code holds the specialized opcode {} ({}), which CPython runs as written",
                               specialized->name, specialized->number);
            }
            info = &opcodeInfo(specialized->base);
        }
        if (unit + 1 + info->cacheEntries > unitCount) {
            return errorAt(CodeUnitOffset(unit),
                           "truncated bytecode: {} needs {} inline cache entries but the code ends at offset {}",
                           info->name, info->cacheEntries, code.size());
        }
        unit += 1 + info->cacheEntries;
    }
    return std::nullopt;
}

}  // namespace pyjit::frontend
