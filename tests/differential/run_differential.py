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
or PYJIT_* variable, plus PYTHONHASHSEED=0 and PYTHONDONTWRITEBYTECODE=1; stdin is
/dev/null.  Only the Python standard library is used.

The final line "N passed, M failed" counts runs, i.e. (program, mode) pairs
(plus the reference re-runs with --check-determinism).  The exit status is 1
if anything failed (a mismatch, a timeout, or a binary that cannot be run),
2 for usage errors, 0 otherwise.
"""

import argparse
import concurrent.futures
import difflib
import glob
import os
import shlex
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# The pyjit options of each mode, shared with tools/fuzz and tests/reliability/refleaks.py. A
# "deopt-stress" mode (every guard fails once, so that every deoptimization path runs) becomes one more
# entry here when the specialized tier provides its -X option.
MODE_OPTIONS = {mode: ["-X", "jit=" + mode, "-X", "jit-threshold=0"]
                for mode in ("off", "interp", "generic", "specialized")}
DEFAULT_MODES = list(MODE_OPTIONS)
# Deopt stress: the specialized tier compiled after a few calls/back-edges (so that profiles and CPython's
# quickened instructions give speculations), every guard also failing at random, the guards kept in place.
MODE_OPTIONS["deopt-stress"] = ["-X", "jit=specialized", "-X", "jit-threshold=20", "-X", "jit-compile=sync",
                                "-X", "jit-deopt-stress=7", "-X", "jit-deopt-limit=1000000"]
MAX_DIFF_LINES = 80


def make_env():
    # PYTHON* variables change the interpreter's behaviour (PYTHONPATH, PYTHONOPTIMIZE,
    # PYTHONWARNINGS, PYTHONIOENCODING, ...) and PYJIT_* variables change pyjit's
    # (PYJIT_MODE, PYJIT_STATS, ...): drop both, so that the -X options given here
    # (and --extra-x) are the whole configuration.  PATH, HOME, locale etc. are kept.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PYTHON") and not k.startswith("PYJIT_")}
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
    """Run argv to completion; on timeout kill its whole process group."""
    start = time.monotonic()
    try:
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
    except OSError as e:
        return Result(error="cannot execute %s: %s" % (argv[0], e),
                      elapsed=time.monotonic() - start)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            proc.kill()
        try:
            out, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            out, err = b"", b""
        return Result(out or b"", err or b"", None, True,
                      elapsed=time.monotonic() - start)
    return Result(out, err, proc.returncode, elapsed=time.monotonic() - start)


def shell_command(cwd, argv):
    """A command line that reproduces one run by hand."""
    return "cd %s && env PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 %s </dev/null" % (
        shlex.quote(cwd), " ".join(shlex.quote(a) for a in argv))


def describe_code(rc):
    if rc is None:
        return "none"
    if rc < 0:
        return "%d (killed by signal %d)" % (rc, -rc)
    return str(rc)


def unified(expected, actual, label, got_label):
    exp = expected.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    act = actual.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(exp, act, "python3.11 " + label,
                                      got_label + " " + label))
    if not lines:
        # Differences invisible after decoding / line splitting (e.g. a
        # missing final newline): fall back to a repr diff.
        lines = list(difflib.unified_diff(
            [repr(l) + "\n" for l in expected.splitlines(keepends=True)],
            [repr(l) + "\n" for l in actual.splitlines(keepends=True)],
            "python3.11 " + label + " (repr)", got_label + " " + label + " (repr)"))
    out = []
    for line in lines[:MAX_DIFF_LINES]:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end\n")
    if len(lines) > MAX_DIFF_LINES:
        out.append("... (%d more diff lines)\n" % (len(lines) - MAX_DIFF_LINES))
    return "".join(out)


def compare(name, mode, ref, got, cmdline, timeout, got_label="pyjit"):
    """Return a failure report string, or None if the runs agree."""
    parts = []
    if got.error:
        parts.append(got.error + "\n")
    elif got.timed_out:
        parts.append("TIMEOUT: the run did not finish within %g s (--timeout); "
                     "process killed\n" % timeout)
    else:
        if ref.stdout != got.stdout:
            parts.append("stdout differs:\n"
                         + unified(ref.stdout, got.stdout, "stdout", got_label))
        if ref.stderr != got.stderr:
            parts.append("stderr differs:\n"
                         + unified(ref.stderr, got.stderr, "stderr", got_label))
        if ref.returncode != got.returncode:
            parts.append("exit code differs: python3.11 %s, %s %s\n"
                         % (describe_code(ref.returncode), got_label,
                            describe_code(got.returncode)))
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
        return 0, len(args.modes), ("FAIL %s [reference]\n  TIMEOUT: the reference python "
                                    "did not finish within %g s (--timeout)\n"
                                    % (name, args.timeout))
    reports = []
    passed = failed = 0
    if args.check_determinism:
        ref2 = run_one(ref_argv, cwd, env, args.timeout)
        rep = compare(name, "reference-rerun", ref, ref2, shell_command(cwd, ref_argv),
                      args.timeout, got_label="python3.11-rerun")
        if rep:
            reports.append(rep)
            failed += 1
        else:
            passed += 1
    for mode in args.modes:
        argv = [args.pyjit] + MODE_OPTIONS[mode]
        for x in args.extra_x:
            argv += ["-X", x]
        argv.append(fname)
        got = run_one(argv, cwd, env, args.timeout)
        rep = compare(name, mode, ref, got, shell_command(cwd, argv), args.timeout)
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
    unknown = [m for m in args.modes if m not in MODE_OPTIONS]
    if unknown:
        ap.error("unknown mode(s) %s (known: %s)" % (",".join(unknown), ",".join(MODE_OPTIONS)))
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
