#!/usr/bin/env python3
"""Differential test runner for pyjit.

Runs every program once under the reference CPython 3.11 interpreter and then
under pyjit in each requested JIT mode, and compares stdout, stderr and the
exit code byte for byte.

    run_differential.py --pyjit build/bin/pyjit \\
        --python /root/.pyenv/versions/3.11.7/bin/python3.11 \\
        [--modes off,interp,generic,specialized] [--extra-x OPT ...] \\
        [-j N] [--timeout SEC] [--verbose] PROGRAM...

    run_differential.py --list [PROGRAM...]

Reference run:  cwd = program directory, argv = [python, <file name>]
pyjit run:      cwd = program directory,
                argv = [pyjit, -X jit=MODE, -X jit-threshold=0,
                        (-X OPT for each --extra-x), <file name>]

Both runs get the same environment: a copy of os.environ without any PYTHON*
variable, plus PYTHONHASHSEED=0 and PYTHONDONTWRITEBYTECODE=1; stdin is
/dev/null.  Only the Python standard library is used.
"""

import argparse
import concurrent.futures
import difflib
import glob
import os
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_MODES = ["off", "interp", "generic", "specialized"]
MAX_DIFF_LINES = 80


def make_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


class Result:
    __slots__ = ("stdout", "stderr", "returncode", "timed_out", "error", "elapsed")

    def __init__(self, stdout=b"", stderr=b"", returncode=None, timed_out=False,
                 error=None, elapsed=0.0):
        self.stdout = stdout
        self.stderr = stderr
        self.returncode = returncode
        self.timed_out = timed_out
        self.error = error
        self.elapsed = elapsed


def run_one(argv, cwd, env, timeout):
    start = time.monotonic()
    try:
        proc = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return Result(e.stdout or b"", e.stderr or b"", None, True,
                      elapsed=time.monotonic() - start)
    except OSError as e:
        return Result(error="cannot execute %s: %s" % (argv[0], e),
                      elapsed=time.monotonic() - start)
    return Result(proc.stdout, proc.stderr, proc.returncode,
                  elapsed=time.monotonic() - start)


def describe_code(rc):
    if rc is None:
        return "none"
    if rc < 0:
        return "%d (killed by signal %d)" % (rc, -rc)
    return str(rc)


def unified(expected, actual, label):
    exp = expected.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    act = actual.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(exp, act, "python3.11 " + label,
                                      "pyjit " + label))
    if not lines:
        # Differences invisible after decoding / line splitting (e.g. a
        # missing final newline): fall back to a repr diff.
        lines = list(difflib.unified_diff(
            [repr(l) + "\n" for l in expected.splitlines(keepends=True)],
            [repr(l) + "\n" for l in actual.splitlines(keepends=True)],
            "python3.11 " + label + " (repr)", "pyjit " + label + " (repr)"))
    out = []
    for line in lines[:MAX_DIFF_LINES]:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end\n")
    if len(lines) > MAX_DIFF_LINES:
        out.append("... (%d more diff lines)\n" % (len(lines) - MAX_DIFF_LINES))
    return "".join(out)


def compare(name, mode, ref, got, cmdline):
    """Return a failure report string, or None if the runs agree."""
    parts = []
    if got.error:
        parts.append(got.error + "\n")
    elif got.timed_out:
        parts.append("TIMEOUT after %.1f s\n" % got.elapsed)
    else:
        if ref.stdout != got.stdout:
            parts.append("stdout differs:\n" + unified(ref.stdout, got.stdout, "stdout"))
        if ref.stderr != got.stderr:
            parts.append("stderr differs:\n" + unified(ref.stderr, got.stderr, "stderr"))
        if ref.returncode != got.returncode:
            parts.append("exit code differs: python3.11 %s, pyjit %s\n"
                         % (describe_code(ref.returncode), describe_code(got.returncode)))
    if not parts:
        return None
    head = "FAIL %s [jit=%s]\n  command: %s\n" % (name, mode, cmdline)
    return head + "".join("  " + p.replace("\n", "\n  ").rstrip(" ") for p in parts)


def check_program(path, args, env, print_lock):
    """Run one program under reference + all modes.  Returns (passed, failed, report)."""
    path = os.path.abspath(path)
    cwd, fname = os.path.split(path)
    name = os.path.relpath(path)
    ref_argv = [args.python, fname]
    ref = run_one(ref_argv, cwd, env, args.timeout)
    if ref.error:
        return 0, len(args.modes), "FAIL %s [reference]\n  %s\n" % (name, ref.error)
    if ref.timed_out:
        return 0, len(args.modes), ("FAIL %s [reference]\n  reference python timed out "
                                    "after %.1f s\n" % (name, ref.elapsed))
    reports = []
    passed = failed = 0
    if args.check_determinism:
        ref2 = run_one(ref_argv, cwd, env, args.timeout)
        rep = compare(name, "reference-rerun", ref, ref2, " ".join(ref_argv))
        if rep:
            reports.append(rep.replace("pyjit", "python3.11 (2nd run)"))
            failed += 1
        else:
            passed += 1
    for mode in args.modes:
        argv = [args.pyjit, "-X", "jit=" + mode, "-X", "jit-threshold=0"]
        for x in args.extra_x:
            argv += ["-X", x]
        argv.append(fname)
        got = run_one(argv, cwd, env, args.timeout)
        rep = compare(name, mode, ref, got, "cd %s && %s" % (cwd, " ".join(argv)))
        if rep:
            failed += 1
            reports.append(rep)
        else:
            passed += 1
        if args.verbose:
            with print_lock:
                print("%s %s [jit=%s] %.2fs (reference %.2fs)"
                      % ("ok  " if rep is None else "FAIL", name, mode,
                         got.elapsed, ref.elapsed), flush=True)
    return passed, failed, "".join(reports)


def expand_programs(progs):
    out = []
    for p in progs:
        if os.path.isdir(p):
            out.extend(sorted(glob.glob(os.path.join(p, "*.py"))))
        else:
            out.append(p)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Compare pyjit against python3.11 on test programs "
                    "(stdout, stderr and exit code, byte for byte).")
    ap.add_argument("programs", nargs="*", metavar="PROGRAM",
                    help="program files or directories (default: the programs/ "
                         "directory next to this script)")
    ap.add_argument("--pyjit", help="path of the pyjit executable")
    ap.add_argument("--python", help="path of the reference python3.11 executable")
    ap.add_argument("--modes", default=",".join(DEFAULT_MODES),
                    help="comma-separated JIT modes (default: %(default)s)")
    ap.add_argument("--extra-x", action="append", default=[], metavar="OPT",
                    help="extra '-X OPT' option for the pyjit runs (repeatable)")
    ap.add_argument("-j", "--jobs", type=int, default=1,
                    help="programs to run in parallel (default: 1)")
    ap.add_argument("--timeout", type=float, default=60.0,
                    help="timeout per run in seconds (default: %(default)s)")
    ap.add_argument("--check-determinism", action="store_true",
                    help="also run the reference twice and compare the runs")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="print a line per run")
    ap.add_argument("--list", action="store_true",
                    help="print the programs that would run and exit")
    args = ap.parse_args(argv)

    programs = expand_programs(args.programs or [os.path.join(HERE, "programs")])
    if args.list:
        for p in programs:
            print(p)
        return 0
    if not args.pyjit or not args.python:
        ap.error("--pyjit and --python are required (unless --list)")
    if not programs:
        ap.error("no programs given")
    missing = [p for p in programs if not os.path.isfile(p)]
    if missing:
        ap.error("no such program: " + ", ".join(missing))
    args.modes = [m for m in args.modes.split(",") if m]
    if not args.modes:
        ap.error("--modes is empty")
    env = make_env()
    lock = threading.Lock()

    total_pass = total_fail = 0
    jobs = max(1, args.jobs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futs = [pool.submit(check_program, p, args, env, lock) for p in programs]
        for fut in futs:  # report in program order
            p, f, rep = fut.result()
            total_pass += p
            total_fail += f
            if rep:
                with lock:
                    sys.stdout.write(rep)
                    if not rep.endswith("\n"):
                        sys.stdout.write("\n")
                    sys.stdout.flush()
    print("%d passed, %d failed" % (total_pass, total_fail))
    return 1 if total_fail else 0


if __name__ == "__main__":
    sys.exit(main())
