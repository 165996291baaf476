"""pyjit: a JIT compiler for CPython 3.11 bytecode.

Run programs under it with the `pyjit` executable (every python3.11 option, plus `-X jit=...`), or
switch it on inside a plain python3.11:

    import pyjit
    pyjit.enable(mode="specialized", threshold=1000)
    ...
    print(pyjit.stats())

Modes: "off" (CPython's interpreter only), "interp" (pyjit's profiling interpreter), "generic" (native
code without speculation), "specialized" (guards and unboxed values).
"""

import sys as _sys

if _sys.version_info[:2] != (3, 11):
    raise ImportError(
        "pyjit supports CPython 3.11 only; this is Python %d.%d.%d" % _sys.version_info[:3])

from pyjit._pyjit import (  # noqa: E402
    VERSION as __version__,
    disable,
    enable,
    is_enabled,
    options,
    stats,
)

__all__ = ["enable", "disable", "is_enabled", "options", "stats", "__version__"]
