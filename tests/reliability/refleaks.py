#!/usr/bin/env python3
"""Reference leak check: every program runs several times in one pyjit process built against a
Py_DEBUG CPython (python3.11-dbg), and sys.gettotalrefcount() must stop growing after warm-up.

    refleaks.py --pyjit build-refleaks/bin/pyjit [--modes off,interp,generic,specialized]
                [--warmup W] [--runs R] [-j J] [--timeout SEC] PROGRAM...
    (`tools/dev test --refleaks` builds build-refleaks/ and runs this over the differential corpus)

Per (program, mode) one process `pyjit -X jit=MODE -X jit-threshold=0 refleaks.py --child ...`
runs the program W + R times with runpy (as __main__, in its directory, output discarded), each
time in a fresh namespace, so its code objects are compiled, run and freed again. After every run
it clears CPython's caches and collects garbage, then reads the total reference count and the number
of allocated memory blocks. A program leaks when each of the last R runs grows the reference count
(the rule of CPython's `regrtest -R`): a leak in pyjit repeats with every run, while caches and
interned strings fill up during warm-up. A run that compiled a long-lived (library) code object for
the first time is not measured: compiled code keeps per-code-object state for the code object's
lifetime (deopt-stress mode compiles at threshold 20, so library code compiles over several runs).
Programs that cannot run repeatedly in one process, or grow
for reasons of their own, are listed with the reason in refleaks_exclusions.txt (next to this file).
Exit status 1 if any program leaks or fails to run.
"""

import argparse
import concurrent.futures
import gc
import io
import os
import runpy
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "differential"))
from run_differential import MODE_OPTIONS, make_env  # noqa: E402 (modes and environment of every comparison)

EXCLUSIONS = os.path.join(HERE, "refleaks_exclusions.txt")
MAX_COMPILING_RUNS = 10  # extra runs allowed for compiles of long-lived code objects during measurement


class Sink(io.TextIOBase):
    """Discards what a program prints, so that output does not accumulate between runs."""

    def writable(self):
        return True

    def write(self, text):
        return len(text)

    @property
    def buffer(self):
        return io.BytesIO()


def clear_caches():
    # Caches that a run fills and that are not leaks (part of what regrtest's dash_R clears).
    sys._clear_type_cache()
    for module_name, function in (("re", "purge"), ("linecache", "clearcache")):
        module = sys.modules.get(module_name)
        if module is not None:
            getattr(module, function)()
    for cleanup in getattr(sys.modules.get("typing"), "_cleanups", ()):
        cleanup()
    gc.collect()
    gc.collect()


def run_program(path):
    saved = (sys.argv[:], sys.path[:], os.getcwd(), sys.stdout, sys.stderr, sys.excepthook)
    sys.argv = [os.path.basename(path)]
    sys.path[0] = os.path.dirname(path)
    os.chdir(os.path.dirname(path))
    sys.stdout = sys.stderr = Sink()
    try:
        runpy.run_path(path, run_name="__main__")
    except BaseException:  # SystemExit, an uncaught exception: part of what some programs do
        pass
    finally:
        sys.argv, sys.path[:], cwd, sys.stdout, sys.stderr, sys.excepthook = saved
        os.chdir(cwd)
        sys.last_type = sys.last_value = sys.last_traceback = None


def code_objects_past_interpreter():
    """Live code objects that pyjit has compiled (or tried to). Compiling a code object leaves two
    things on it until it is freed: CPython's cache of its unquickened bytecode (co_code, one bytes
    object) and pyjit's co_extra state. A run that compiles a long-lived library code object for the
    first time (a function called only a few times per run reaches -X jit-threshold after several
    runs) therefore grows both counts without leaking anything."""
    try:
        import pyjit
    except ImportError:  # plain python3.11
        return 0
    return sum(f["tier"] != "interpreter" for f in pyjit.stats()["functions"])


def child(path, warmup, runs):
    """Runs inside pyjit: prints the reference-count and memory-block deltas of the measured runs.

    A run counts as measured only after the warm-up runs and if it compiled no new long-lived code
    object (see code_objects_past_interpreter); up to MAX_COMPILING_RUNS runs may be skipped so."""
    # As regrtest does: only small ints are kept between the readings (they are preallocated), so the
    # measurement itself allocates nothing that survives a run.
    ref_deltas = [0] * runs
    block_deltas = [0] * runs
    measured = 0
    refs = blocks = 0
    compiled = code_objects_past_interpreter()
    for run in range(warmup + runs + MAX_COMPILING_RUNS):
        run_program(path)
        clear_caches()
        refs_now, blocks_now = sys.gettotalrefcount(), sys.getallocatedblocks()
        compiled_before, compiled = compiled, code_objects_past_interpreter()
        if run >= warmup and compiled <= compiled_before:
            ref_deltas[measured] = refs_now - refs
            block_deltas[measured] = blocks_now - blocks
            measured += 1
            if measured == runs:
                break
        refs, blocks = refs_now, blocks_now
    print("refs", " ".join(map(str, ref_deltas[:measured])))
    print("blocks", " ".join(map(str, block_deltas[:measured])))
    return 0


def read_exclusions():
    excluded = {}
    with open(EXCLUSIONS) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                name, reason = line.split(":", 1)
                excluded[name.strip()] = reason.strip()
    return excluded


def check(pyjit, program, mode, warmup, runs, timeout):
    argv = [pyjit] + MODE_OPTIONS[mode] + [os.path.abspath(__file__), "--child",
                                           "--warmup", str(warmup), "--runs", str(runs), program]
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=make_env(),
                              stdin=subprocess.DEVNULL, start_new_session=True)
    except subprocess.TimeoutExpired:
        return "timeout after %d s" % timeout, None
    lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines() if " " in line)
    if proc.returncode != 0 or "refs" not in lines:
        return "exit code %d: %s" % (proc.returncode, proc.stderr.strip()[-2000:]), None
    ref_deltas = [int(d) for d in lines["refs"].split()]
    block_deltas = [int(d) for d in lines["blocks"].split()]
    if len(ref_deltas) < runs:
        return "only %d of %d runs compiled no new code object" % (len(ref_deltas), runs), None
    leaking = all(d >= 1 for d in ref_deltas) or all(d >= 1 for d in block_deltas)
    return ("leaks" if leaking else None), (ref_deltas, block_deltas)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pyjit")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--modes", default=",".join(MODE_OPTIONS))
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=600, help="seconds per (program, mode)")
    parser.add_argument("programs", nargs="+")
    args = parser.parse_args()
    if args.child:
        return child(os.path.abspath(args.programs[0]), args.warmup, args.runs)
    if not args.pyjit:
        parser.error("--pyjit is required")
    excluded = read_exclusions()
    jobs = [(os.path.abspath(p), mode) for p in args.programs for mode in args.modes.split(",")
            if os.path.basename(p) not in excluded]
    skipped = sorted({os.path.basename(p) for p in args.programs} & excluded.keys())
    failures = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(check, os.path.abspath(args.pyjit), program, mode, args.warmup,
                               args.runs, args.timeout) for program, mode in jobs]
        for (program, mode), future in zip(jobs, futures):
            problem, deltas = future.result()
            failures += problem is not None
            shown = "refs %s blocks %s" % (deltas[0], deltas[1]) if deltas else ""
            print("%-5s %s [jit=%s] %s%s" % ("FAIL" if problem else "ok", os.path.basename(program),
                                              mode, shown, (": " + problem) if problem else ""),
                  flush=True)
    for name in skipped:
        print("skip  %s: %s" % (name, excluded[name]))
    print("%d runs, %d failed, %d programs excluded" % (len(jobs), failures, len(skipped)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
