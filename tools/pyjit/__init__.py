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

__all__ = ["enable", "disable", "is_enabled", "options", "profile", "stats", "__version__"]


def profile(func_or_code):
    """The profile pyjit's interpreter (tier 1) recorded for a function, method or code object:

        {"qualname": str, "calls": int, "back_edges": int, "osr_entries": int,
         "sites": {offset: {"opname": str, "megamorphic": bool, ...}}}

    Offsets are in bytes, as in the dis module; only sites that ran in tier 1 are listed. Depending on
    the instruction a site has "types" (per operand, a list of (type name, count); with "long_ints", how
    many executions had an int operand beyond int64, which the specialized tier does not speculate on
    when frequent), "callees" (a list of (name, count)), "taken" and "not_taken" (conditional jumps) or
    "globals_version_changes" (LOAD_GLOBAL). A site that saw too many types or callees is "megamorphic"
    and records no more.
    """
    from pyjit._pyjit import _profile

    code = func_or_code
    for attribute in ("__func__", "__code__"):
        code = getattr(code, attribute, code)
    if not isinstance(code, type(profile.__code__)):
        raise TypeError("pyjit.profile() needs a function or a code object, not %s" % type(func_or_code).__name__)
    raw = _profile(code) or {"calls": 0, "back_edges": 0, "osr_entries": 0, "sites": []}
    sites = {}
    for site in raw["sites"]:
        offset = site.pop("offset")
        if "types" in site:
            site["types"] = [[tuple(entry) for entry in operand] for operand in site["types"]]
        if "callees" in site:
            site["callees"] = [tuple(entry) for entry in site["callees"]]
        sites[offset] = site
    return {"qualname": code.co_qualname, "calls": raw["calls"], "back_edges": raw["back_edges"],
            "osr_entries": raw["osr_entries"], "sites": sites}
