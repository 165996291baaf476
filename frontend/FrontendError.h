// How the frontend fails: a FrontendError with a message naming the offset, returned (never thrown)
// through Expected<T>. Malformed or unsupported bytecode is an ordinary outcome here -- the code then
// runs in a lower tier -- so it must never crash, assert or be guessed around.
#pragma once

#include "frontend/Offsets.h"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace pyjit::frontend {

struct FrontendError {
    std::string message;
    // The byte offset the message is about, when it is about one.
    std::optional<ByteOffset> offset;
};

// "offset 14: unknown opcode 231" -- offsets in bytes, as dis shows them.
template <typename... Args>
FrontendError errorAt(CodeUnitOffset where, fmt::format_string<Args...> format, Args&&... args) {
    ByteOffset offset = toByteOffset(where);
    return {fmt::format("offset {}: {}", offset, fmt::format(format, std::forward<Args>(args)...)), offset};
}

template <typename... Args>
FrontendError error(fmt::format_string<Args...> format, Args&&... args) {
    return {fmt::format(format, std::forward<Args>(args)...), std::nullopt};
}

// A value or the reason there is none (std::expected arrives with C++23).
template <typename T>
class [[nodiscard]] Expected {
public:
    Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Expected(FrontendError error) : state_(std::in_place_index<1>, std::move(error)) {}

    bool hasValue() const { return state_.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const FrontendError& error() const { return std::get<1>(state_); }

private:
    std::variant<T, FrontendError> state_;
};

}  // namespace pyjit::frontend
