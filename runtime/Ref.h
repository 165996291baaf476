// RAII ownership of PyObject references: Ref owns one reference, BorrowedRef documents that it does not.
#pragma once

#include <Python.h>

#include <utility>

namespace pyjit {

class Ref {
public:
    Ref() = default;
    static Ref steal(PyObject* obj) { return Ref(obj); }
    static Ref create(PyObject* obj) {
        Py_XINCREF(obj);
        return Ref(obj);
    }
    Ref(const Ref&) = delete;
    Ref& operator=(const Ref&) = delete;
    Ref(Ref&& other) noexcept : obj_(std::exchange(other.obj_, nullptr)) {}
    Ref& operator=(Ref&& other) noexcept {
        if (this != &other) {
            Py_XDECREF(obj_);
            obj_ = std::exchange(other.obj_, nullptr);
        }
        return *this;
    }
    ~Ref() { Py_XDECREF(obj_); }

    PyObject* get() const { return obj_; }
    PyObject* release() { return std::exchange(obj_, nullptr); }
    explicit operator bool() const { return obj_ != nullptr; }

private:
    explicit Ref(PyObject* obj) : obj_(obj) {}
    PyObject* obj_ = nullptr;
};

// A reference someone else keeps alive; exists so signatures say who owns what.
using BorrowedRef = PyObject*;

}  // namespace pyjit
