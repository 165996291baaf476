// Op helpers for the instruction groups lowered in jit/LowerMore.cpp (public C API only). Helpers that
// need frame fields live in runtime/cpython/namespace_ops.c. Listed in runtime/helpers.def.
#pragma once

#include <Python.h>

extern "C" {
}
