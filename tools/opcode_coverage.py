#!/usr/bin/env python3
"""Static opcode coverage of the pyjit differential test corpus.

Compiles every program of tests/differential/programs (or the files and
directories given on the command line) with the CPython 3.11 compiler, walks
every code object recursively through co_consts, and counts how often each
opcode appears in the (unspecialised) bytecode.

It prints one table row for every opcode in ``opcode.opmap`` that is neither a
specialised instruction (``opcode._specialized_instructions``) nor CACHE,
followed by per-oparg breakdowns for the opcodes whose oparg selects a
different operation (BINARY_OP, COMPARE_OP, FORMAT_VALUE, RAISE_VARARGS, ...).

An opcode (or oparg variant) with a count of zero must have a reason in
ZERO_REASONS below; otherwise the tool exits with status 1.

Must be run with CPython 3.11 (the bytecode is version specific).
"""

import argparse
import subprocess
import tempfile
import dis
import json
import opcode
import os
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(ROOT, "tests", "differential", "programs")

# Opcodes that legitimately never appear statically in the corpus.
ZERO_REASONS = {
    "PRINT_EXPR": "interactive mode only (compile(..., 'single')); the corpus "
                  "executes it at runtime via exec() in "
                  "module_exec_single_mode.py, which static compilation of "
                  "the program files cannot see",
}


def _variant_tables():
    """Opcodes whose oparg selects a different behaviour: name -> {arg: label}."""
    tables = {
        "BINARY_OP": {i: name for i, (name, _sym) in enumerate(dis._nb_ops)},
        "COMPARE_OP": {i: op for i, op in enumerate(dis.cmp_op)},
        "IS_OP": {0: "is", 1: "is not"},
        "CONTAINS_OP": {0: "in", 1: "not in"},
        "RAISE_VARARGS": {0: "bare raise", 1: "raise exc", 2: "raise exc from cause"},
        "CALL_FUNCTION_EX": {0: "f(*a)", 1: "f(*a, **kw)"},
        "BUILD_SLICE": {2: "a:b", 3: "a:b:c"},
        "GET_AWAITABLE": {0: "await", 1: "after __aenter__", 2: "after __aexit__"},
        "RESUME": {0: "function start", 1: "after yield", 2: "after yield from",
                   3: "after await"},
    }
    return tables


def _format_value_variant(arg):
    conv = {0: "no conversion", 1: "!s", 2: "!r", 3: "!a"}[arg & 3]
    return conv + (" + format spec" if arg & 4 else "")


def _make_function_variants(arg):
    out = []
    for bit, name in ((1, "defaults"), (2, "kwdefaults"), (4, "annotations"),
                      (8, "closure")):
        if arg & bit:
            out.append(name)
    return out or ["plain"]


VARIANT_TABLES = _variant_tables()
FORMAT_VALUE_LABELS = [_format_value_variant(a) for a in range(8)]
MAKE_FUNCTION_LABELS = ["plain", "defaults", "kwdefaults", "annotations", "closure"]

# Oparg variants that legitimately never appear: "OPNAME label" -> reason.
VARIANT_ZERO_REASONS = {}


def iter_code_objects(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, type(code)):
            yield from iter_code_objects(const)


def scan_code(code, counts, variants, extended, where, filename):
    raw = code.co_code  # unquickened bytecode, caches zeroed
    tables = VARIANT_TABLES
    i = 0
    ext = 0
    ext_pending = False
    n = len(raw)
    while i < n:
        op = raw[i]
        arg = raw[i + 1] | ext
        name = opcode.opname[op]
        counts[name] += 1
        where[name].add(filename)
        if op == opcode.EXTENDED_ARG:
            ext = arg << 8
            ext_pending = True
        else:
            if ext_pending:
                extended[name] += 1
                where["EXTENDED_ARG before " + name].add(filename)
            ext = 0
            ext_pending = False
            if name in tables:
                label = tables[name].get(arg, "arg %d" % arg)
                variants[name][label] += 1
            elif name == "FORMAT_VALUE":
                variants[name][_format_value_variant(arg)] += 1
            elif name == "MAKE_FUNCTION":
                for label in _make_function_variants(arg):
                    variants[name][label] += 1
        i += 2 + 2 * opcode._inline_cache_entries[op]


def collect_files(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                for fn in sorted(filenames):
                    if fn.endswith(".py"):
                        files.append(os.path.join(dirpath, fn))
        else:
            files.append(p)
    return files


def _merge_opcode_counts(total, data):
    """Adds pyjit's stats["opcodes"] ({NAME: {"lowered": n, "handed_off": m}}) into `total`."""
    for name, entry in (data.get("opcodes") or {}).items():
        if isinstance(entry, dict):
            total[name]["lowered"] += int(entry.get("lowered", 0))
            total[name]["handed_off"] += int(entry.get("handed_off", 0))


def load_stats(path):
    """Reads a pyjit -X jit-stats=FILE (JSON): per-opcode compile counts, or None."""
    if not path:
        return None
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        print("error: cannot read --stats file %r (%s)" % (path, e), file=sys.stderr)
        return None
    total = defaultdict(Counter)
    _merge_opcode_counts(total, data)
    return total


def run_corpus(pyjit, files, mode):
    """Runs every program under pyjit at threshold 0 and sums the per-opcode compile counts."""
    total = defaultdict(Counter)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYJIT_", "PYTHON"))}
    env["PYTHONHASHSEED"] = "0"
    with tempfile.TemporaryDirectory() as tmp:
        for i, fn in enumerate(files):
            stats_file = os.path.join(tmp, "stats-%d.json" % i)
            print(("\r[%d/%d] %s" % (i + 1, len(files), os.path.basename(fn))).ljust(70),
                  end="", file=sys.stderr, flush=True)
            subprocess.run([pyjit, "-X", "jit=" + mode, "-X", "jit-threshold=0",
                            "-X", "jit-stats=" + stats_file, os.path.basename(fn)],
                           cwd=os.path.dirname(os.path.abspath(fn)), env=env,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=120)
            if os.path.exists(stats_file):
                with open(stats_file, encoding="utf-8") as f:
                    _merge_opcode_counts(total, json.load(f))
    print(file=sys.stderr)
    return total


# Opcodes the generic tier compiles in no corpus program, and why.
COMPILE_ZERO_REASONS = {
    "RETURN_GENERATOR": "generators and coroutines run in CPython's interpreter for now",
    "YIELD_VALUE": "generators and coroutines run in CPython's interpreter for now",
    "SEND": "generators and coroutines run in CPython's interpreter for now",
    "GET_AWAITABLE": "coroutines run in CPython's interpreter for now",
    "GET_AITER": "coroutines run in CPython's interpreter for now",
    "GET_ANEXT": "coroutines run in CPython's interpreter for now",
    "END_ASYNC_FOR": "coroutines run in CPython's interpreter for now",
    "BEFORE_ASYNC_WITH": "coroutines run in CPython's interpreter for now",
    "ASYNC_GEN_WRAP": "async generators run in CPython's interpreter for now",
    "GET_YIELD_FROM_ITER": "generators run in CPython's interpreter for now",
    "JUMP_BACKWARD_NO_INTERRUPT": "emitted only in generators and coroutines",
    "PRINT_EXPR": "interactive mode only",
}


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Count how often each CPython 3.11 opcode appears statically "
                    "in the differential test corpus and fail if an opcode is "
                    "never emitted without a documented reason. With --run (or "
                    "--stats), also how often pyjit compiled each opcode.")
    ap.add_argument("paths", nargs="*",
                    help="program files or directories (default: %s)"
                         % os.path.relpath(DEFAULT_CORPUS))
    ap.add_argument("--stats", metavar="FILE.json",
                    help="a pyjit -X jit-stats=FILE output: show its per-opcode compile counts")
    ap.add_argument("--run", metavar="PYJIT",
                    help="run every program under this pyjit at threshold 0 and show how often "
                         "each opcode was compiled (lowered, or handed to CPython's interpreter)")
    ap.add_argument("--mode", default="generic", help="JIT mode for --run (default: generic)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list (up to 3) programs that contain each opcode")
    args = ap.parse_args(argv)

    if sys.version_info[:2] != (3, 11):
        print("error: opcode_coverage.py must run under CPython 3.11 "
              "(running %s)" % sys.version.split()[0], file=sys.stderr)
        return 2

    files = collect_files(args.paths or [DEFAULT_CORPUS])
    if not files:
        print("error: no programs found", file=sys.stderr)
        return 2

    counts = Counter()
    variants = defaultdict(Counter)
    extended = Counter()
    where = defaultdict(set)
    errors = 0
    for fn in files:
        try:
            with open(fn, "rb") as f:
                src = f.read()
            top = compile(src, fn, "exec", dont_inherit=True)
        except SyntaxError as e:
            print("error: cannot compile %s: %s" % (fn, e), file=sys.stderr)
            errors += 1
            continue
        short = os.path.basename(fn)
        for code in iter_code_objects(top):
            scan_code(code, counts, variants, extended, where, short)

    stats = run_corpus(args.run, files, args.mode) if args.run else load_stats(args.stats)
    specialized = set(opcode._specialized_instructions)
    names = sorted(n for n in opcode.opmap if n not in specialized and n != "CACHE")

    problems = []
    print("Static opcode coverage of %d files (CPython %s)"
          % (len(files), sys.version.split()[0]))
    print()
    hdr = "%-32s %8s" % ("opcode", "count")
    if stats is not None:
        hdr += " %9s %10s" % ("lowered", "handed-off")
    print(hdr + "  note")
    print("-" * 78)
    for name in names:
        c = counts[name]
        line = "%-32s %8d" % (name, c)
        if stats is not None:
            line += " %9d %10d" % (stats[name]["lowered"], stats[name]["handed_off"])
            if c and not stats[name]["lowered"]:
                line += "  compiled: never (%s)" % COMPILE_ZERO_REASONS.get(name, "not lowered yet")
        if c == 0:
            reason = ZERO_REASONS.get(name)
            if reason:
                line += "  zero: " + reason
            else:
                line += "  UNCOVERED (no reason given)"
                problems.append(name)
        elif args.verbose:
            line += "  " + ", ".join(sorted(where[name])[:3])
        print(line)

    print()
    print("Oparg variants")
    print("-" * 78)
    tables = _variant_tables()
    tables["FORMAT_VALUE"] = {i: l for i, l in enumerate(FORMAT_VALUE_LABELS)}
    tables["MAKE_FUNCTION"] = {i: l for i, l in enumerate(MAKE_FUNCTION_LABELS)}
    for name in sorted(tables):
        for label in tables[name].values():
            c = variants[name][label]
            line = "%-20s %-26s %6d" % (name, label, c)
            if c == 0:
                key = "%s %s" % (name, label)
                reason = VARIANT_ZERO_REASONS.get(key)
                if reason:
                    line += "  zero: " + reason
                else:
                    line += "  UNCOVERED (no reason given)"
                    problems.append(key)
            print(line)

    print()
    print("Instructions carrying an EXTENDED_ARG prefix")
    print("-" * 78)
    for name, c in sorted(extended.items()):
        print("%-32s %8d" % (name, c))
    jumps = [opcode.opname[o] for o in opcode.hasjrel]
    if not any(extended[j] for j in jumps):
        print("UNCOVERED: no jump with an EXTENDED_ARG prefix")
        problems.append("EXTENDED_ARG jump")

    covered = sum(1 for n in names if counts[n])
    with_reason = sum(1 for n in names if not counts[n] and n in ZERO_REASONS)
    bad_ops = [p for p in problems if p in names]
    print()
    print("%d of %d opcodes covered, %d zero with a reason, %d uncovered; "
          "%d oparg variants/extended jumps uncovered"
          % (covered, len(names), with_reason, len(bad_ops), len(problems) - len(bad_ops)))
    if problems:
        print("uncovered without a reason: " + ", ".join(problems))
    if errors or problems:
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into head
        sys.exit(1)
