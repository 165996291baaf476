// The tier-1 profile of one code object as plain data, for pyjit.profile() and `pyjit -m pyjit.dis
// --profile`.
#pragma once

#include <nlohmann/json.hpp>

namespace pyjit {
struct CodeState;
}

namespace pyjit::tier1 {

// {"qualname", "calls", "back_edges", "osr_entries", "sites": [per executed site: {"offset" (bytes, as
// dis shows it), "opname", "megamorphic", and what the opcode records: "types" (one list of [type name,
// count] per operand), "callees" ([name, count]), "taken"/"not_taken", "globals_version_changes"}]}.
// Needs the GIL (reads the code object's names).
nlohmann::json describeProfile(const CodeState& state);

}  // namespace pyjit::tier1
