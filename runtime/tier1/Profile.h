// The profile tier 1 records per site, for the specialized tier and for pyjit.profile(): operand types,
// attribute owners with their type version, callees, iterator types, branch directions, global dict
// versions. Bounded: a site keeps at most kProfileWidth distinct keys; one more makes it megamorphic and
// it stops adding keys. Lives in the code object's CodeState, so it is freed with the code.
//
// Keys are compared by identity only (a few compares per site). The name of a key is copied when it is
// first seen, so the profile never holds a reference and never reads an object that may have died
// (a type freed and another allocated at its address would share the entry: a profile is a hint).
#pragma once

#include <Python.h>

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace pyjit::tier1 {

inline constexpr int kProfileWidth = 4;

// Names of the keys seen by one code object's sites: cold data, kept apart from the counters.
using KeyNames = std::unordered_map<const void*, std::string>;

struct ObservedKeys {
    std::array<const void*, kProfileWidth> keys{};
    std::array<uint32_t, kProfileWidth> versions{};  // tp_version_tag when the key is an attribute owner's type
    std::array<uint64_t, kProfileWidth> counts{};
    bool megamorphic = false;

    // A key without a version (operand types, callees, iterator types): its versions stay 0.
    void observe(const void* key, KeyNames& names, const char* (*nameOf)(const void*)) {
        if (keys[0] == key) {  // the common, monomorphic case: one compare
            counts[0]++;
            return;
        }
        observeSlow(key, names, nameOf, 0);
    }
    // An attribute owner's type with its tp_version_tag.
    void observeVersioned(const void* key, uint32_t version, KeyNames& names, const char* (*nameOf)(const void*)) {
        if (keys[0] == key && versions[0] == version) {
            counts[0]++;
            return;
        }
        observeSlow(key, names, nameOf, version);
    }

    [[gnu::noinline]] void observeSlow(const void* key, KeyNames& names, const char* (*nameOf)(const void*), uint32_t version) {
        for (int k = 0; k < kProfileWidth; k++) {
            if (keys[k] == key) {
                counts[k]++;
                versions[k] = version;
                return;
            }
            if (keys[k] == nullptr) {
                keys[k] = key;
                counts[k] = 1;
                versions[k] = version;
                names.try_emplace(key, nameOf(key));
                return;
            }
        }
        megamorphic = true;
    }
};

// What one instruction recorded; which fields it uses depends on the opcode (see Interpreter.cpp).
struct SiteProfile {
    int32_t instruction = 0;               // index in the decoded code
    std::array<ObservedKeys, 2> operands;  // operand types, owner type, callee, iterator type
    uint64_t taken = 0;                    // conditional jumps; FOR_ITER: exhausted
    uint64_t notTaken = 0;
    uint64_t globalsVersion = 0;  // LOAD_GLOBAL: the dict versions last seen ...
    uint64_t builtinsVersion = 0;
    uint64_t versionChanges = 0;  // ... and how often they differed from the previous execution
    // Operand pairs with an exact int beyond int64: the specialized tier's int paths deoptimize on those,
    // so a site that sees many of them is not speculated on.
    uint64_t longInts = 0;
};

struct CodeProfile {
    std::vector<SiteProfile> sites;
    KeyNames names;
    uint64_t handOffs = 0;  // activations tier 1 handed to CPython's interpreter part-way (it profiles nothing)
};

// Names for ObservedKeys::observe.
inline const char* typeName(const void* type) { return static_cast<const PyTypeObject*>(type)->tp_name; }

}  // namespace pyjit::tier1
