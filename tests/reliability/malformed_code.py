"""Malformed code objects: pyjit refuses to compile them with a clear reason and runs them as CPython does.

    malformed_code.py --pyjit build/bin/pyjit --python /path/to/python3.11

Each case builds a function from a code object made with CodeType.replace (invalid bytecode, a
truncated EXTENDED_ARG, a bad exception table, a wrong co_stacksize, a specialized or unknown opcode
in co_code; and a function too large to compile) and calls it with an int and a str. Each case runs
in its own process under python3.11 and under pyjit in every mode at threshold 0: stdout, stderr and
exit code must match, and in the compiling modes pyjit's stats (-X jit-stats=FILE) must name the
reason it fell back, though the code object is gone by then. As a script argument `--case NAME` it is the
program that one run executes. Exit status 0 when everything matched.
"""

import argparse
import dis
import json
import opcode
import os
import subprocess
import sys
import tempfile
import types


def add_one_doubled(x):
    y = x + 1
    return y * 2


def guarded(x):
    try:
        return x + 1
    except TypeError:
        return -1


EXTENDED_ARG = bytes([opcode.opmap["EXTENDED_ARG"], 0])
NOP = bytes([opcode.opmap["NOP"], 0])
# A number 3.11 uses for no opcode, base or specialized (CPython raises SystemError on it).
UNKNOWN_OPCODE = next(n for n in range(1, 256) if dis._all_opname[n].startswith("<"))


def with_opcode(code, offset, number):
    """co_code with the opcode byte at `offset` replaced."""
    changed = bytearray(code.co_code)
    changed[offset] = number
    return {"co_code": bytes(changed)}


def too_large_to_compile(x):
    """A function over pyjit's compile size limit (10,000 code units)."""
    namespace = {}
    exec("def big(x):\n" + "    x = x + 1\n" * 2600 + "    return x\n", namespace)
    return namespace["big"](x)

# name: (function, changes to its code object, what pyjit's fallback reason must mention or None
# when the code is valid and pyjit may compile it)
CASES = {
    "trailing_extended_arg": (add_one_doubled, lambda c: {"co_code": c.co_code + EXTENDED_ARG},
                              "EXTENDED_ARG"),
    "extended_arg_chain_at_end": (add_one_doubled, lambda c: {"co_code": c.co_code + EXTENDED_ARG * 3},
                                  "EXTENDED_ARG"),
    "garbage_exception_table": (guarded, lambda c: {"co_exceptiontable": b"\xff\xff\xff"},
                                "exception table"),
    "truncated_exception_table": (guarded, lambda c: {"co_exceptiontable": c.co_exceptiontable[:-1]},
                                  "exception table"),
    "exception_table_past_the_end": (add_one_doubled,
                                     lambda c: {"co_exceptiontable": bytes([0x80 | 0, 60, 100, 0])},
                                     "exception table"),
    "stacksize_too_small": (add_one_doubled, lambda c: {"co_stacksize": 1}, "co_stacksize"),
    "stacksize_larger": (add_one_doubled, lambda c: {"co_stacksize": 1000}, None),
    "trailing_nops": (guarded, lambda c: {"co_code": c.co_code + NOP * 2}, None),
    # CPython runs a specialized opcode written into co_code as written: at offset 6, the `+` site
    # becomes BINARY_OP_MULTIPLY_INT (3 -> 6, where `+` gives 8).
    "specialized_opcode": (add_one_doubled,
                           lambda c: with_opcode(c, 6, dis._all_opmap["BINARY_OP_MULTIPLY_INT"]),
                           "specialized opcode BINARY_OP_MULTIPLY_INT"),
    "unknown_opcode": (add_one_doubled, lambda c: with_opcode(c, 10, UNKNOWN_OPCODE), "unknown opcode"),
    "too_large": (too_large_to_compile, lambda c: {}, "too large to compile"),
}


def run_case(name):
    function, changes, _ = CASES[name]
    code = function.__code__
    # Dropped at the end: the fallback reason must outlive the code object in pyjit's stats.
    broken = types.FunctionType(code.replace(**changes(code)), function.__globals__)
    for argument in (3, "a"):
        try:
            print(name, repr(argument), "->", broken(argument))
        except Exception as error:
            print(name, repr(argument), "raised", type(error).__name__, error)
    return 0


def run(argv):
    proc = subprocess.run(argv, capture_output=True, stdin=subprocess.DEVNULL, timeout=300,
                          env={k: v for k, v in os.environ.items()
                               if not k.startswith(("PYTHON", "PYJIT_"))})
    return proc.stdout, proc.stderr, proc.returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", choices=sorted(CASES))
    parser.add_argument("--pyjit")
    parser.add_argument("--python")
    args = parser.parse_args()
    if args.case:
        return run_case(args.case)
    failures = 0
    for name, (_, _, reason) in CASES.items():
        expected = run([args.python, __file__, "--case", name])
        if expected[2] < 0:
            print("SKIP %s: python3.11 itself dies (signal %d)" % (name, -expected[2]))
            continue
        for mode in ("off", "interp", "generic", "specialized"):
            with tempfile.TemporaryDirectory() as scratch:
                stats_path = os.path.join(scratch, "stats.json")
                actual = run([args.pyjit, "-X", "jit=" + mode, "-X", "jit-threshold=0",
                              "-X", "jit-stats=" + stats_path, __file__, "--case", name])
                fallbacks = []
                if os.path.exists(stats_path):
                    with open(stats_path) as stats:
                        fallbacks = list(json.load(stats).get("fallbacks", {}))
            problems = []
            if actual != expected:
                problems.append("output differs: python3.11 %r, pyjit %r" % (expected, actual))
            if reason and mode in ("generic", "specialized") and not any(reason in f for f in fallbacks):
                problems.append("no fallback reason mentioning %r in %r" % (reason, fallbacks))
            status = "FAIL" if problems else "ok"
            failures += bool(problems)
            print("%-4s %s [jit=%s] %s" % (status, name, mode, "; ".join(problems)))
    print("%d failure(s)" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
