#include "ProfileReport.h"

#include "runtime/CodeState.h"

#include "frontend/OpcodeTable.h"

namespace pyjit::tier1 {

namespace {

using frontend::Opcode;

enum class SiteKind { OperandTypes, OwnerType, Callee, Branch, Globals };

SiteKind kindOf(Opcode opcode) {
    switch (opcode) {
    case Opcode::BINARY_OP:
    case Opcode::COMPARE_OP:
    case Opcode::BINARY_SUBSCR:
    case Opcode::STORE_SUBSCR: return SiteKind::OperandTypes;
    case Opcode::UNPACK_SEQUENCE:
    case Opcode::FOR_ITER:
    case Opcode::LOAD_ATTR:
    case Opcode::STORE_ATTR:
    case Opcode::LOAD_METHOD: return SiteKind::OwnerType;
    case Opcode::CALL: return SiteKind::Callee;
    case Opcode::LOAD_GLOBAL: return SiteKind::Globals;
    default: return SiteKind::Branch;
    }
}

nlohmann::json observed(const ObservedKeys& keys, const KeyNames& names) {
    nlohmann::json list = nlohmann::json::array();
    for (int k = 0; k < kProfileWidth && keys.keys[k] != nullptr; k++) {
        auto name = names.find(keys.keys[k]);
        list.push_back({name != names.end() ? name->second : "?", keys.counts[k]});
    }
    return list;
}

std::string utf8(PyObject* text) {
    const char* data = text != nullptr ? PyUnicode_AsUTF8(text) : nullptr;
    if (data == nullptr) PyErr_Clear();
    return data != nullptr ? data : "";
}

}  // namespace

nlohmann::json describeProfile(const CodeState& state) {
    nlohmann::json sites = nlohmann::json::array();
    if (state.tier1) {
        const DecodedCode& code = *state.tier1;
        for (const SiteProfile& site : code.profile.sites) {
            const DecodedInstruction& instruction = code.instructions[site.instruction];
            auto opcode = static_cast<Opcode>(instruction.opcode);
            const ObservedKeys& first = site.operands[0];
            nlohmann::json entry = {{"offset", 2 * instruction.opcodeUnit},
                                    {"opname", frontend::opcodeName(opcode)},
                                    {"megamorphic", first.megamorphic || site.operands[1].megamorphic}};
            switch (kindOf(opcode)) {
            case SiteKind::OperandTypes:
                if (first.keys[0] == nullptr) continue;
                entry["types"] = {observed(first, code.profile.names), observed(site.operands[1], code.profile.names)};
                if (site.longInts != 0) entry["long_ints"] = site.longInts;
                break;
            case SiteKind::OwnerType:
                if (first.keys[0] == nullptr) continue;
                entry["types"] = {observed(first, code.profile.names)};
                break;
            case SiteKind::Callee:
                if (first.keys[0] == nullptr) continue;
                entry["callees"] = observed(first, code.profile.names);
                break;
            case SiteKind::Branch:
                if (site.taken + site.notTaken == 0) continue;
                entry["taken"] = site.taken;
                entry["not_taken"] = site.notTaken;
                break;
            case SiteKind::Globals:
                if (site.globalsVersion == 0) continue;
                entry["globals_version_changes"] = site.versionChanges;
                break;
            }
            sites.push_back(std::move(entry));
        }
    }
    return {{"qualname", utf8(state.code->co_qualname)},
            {"calls", state.calls},
            {"back_edges", state.backEdges},
            {"osr_entries", state.osrEntries},
            {"sites", std::move(sites)}};
}

}  // namespace pyjit::tier1
