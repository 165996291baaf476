#!/usr/bin/env python3
"""CPython's own Lib/test under pyjit: every listed module runs under python3.11 and under pyjit
(-X jit=MODE -X jit-threshold=0); the sets of passing test cases must be equal.

    cpython_tests.py --pyjit build/bin/pyjit --python /path/to/python3.11 \\
        [--mode generic|specialized|interp] [-j 2] [--quick] [--timeout SEC] [MODULE...]

Modules come from tests/cpython/modules.txt (`--quick`: only those tagged `quick`, what CI runs),
or from the command line. Every excluded module or test case is listed, with its reason, in
tests/cpython/exclusions.txt: an excluded module or case is not run under either interpreter.
Each run happens in a fresh temporary directory through tests/cpython/run_module.py, which records
one outcome per test case; logs (the unittest -v output of both runs) go to --log-dir.

Exit status: 0 when every module's pass sets are equal, 1 otherwise, 2 for usage errors.
"""

import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITE_DIR = os.path.join(ROOT, "tests", "cpython")
DRIVER = os.path.join(SUITE_DIR, "run_module.py")
sys.path.insert(0, os.path.join(ROOT, "tests", "differential"))
from run_differential import make_env  # noqa: E402 (the environment of every comparison)


def read_listing(path):
    """Lines of `NAME [rest]`, with # comments and blank lines dropped."""
    entries = []
    with open(path) as listing:
        for line in listing:
            line = line.split("#", 1)[0].strip()
            if line:
                name, _, rest = line.partition(" ")
                entries.append((name, rest.strip()))
    return entries


def read_exclusions(path):
    """{module or test id: reason}; each line is `NAME: reason` (reasons are mandatory)."""
    exclusions = {}
    with open(path) as listing:
        for number, line in enumerate(listing, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            name, sep, reason = line.partition(":")
            if not sep or not reason.strip():
                raise SystemExit("%s:%d: expected `NAME: reason`" % (path, number))
            exclusions[name.strip()] = reason.strip()
    return exclusions


class RunResult:
    def __init__(self, outcomes, load_error, returncode, timed_out, elapsed):
        self.outcomes = outcomes
        self.load_error = load_error
        self.returncode = returncode
        self.timed_out = timed_out
        self.elapsed = elapsed

    def passed(self):
        return {case for case, outcome in self.outcomes.items() if outcome in ("pass", "xfail")}

    def describe_exit(self):
        if self.timed_out:
            return "timed out"
        if self.returncode is not None and self.returncode < 0:
            return "killed by signal %d" % -self.returncode
        return None


def run_module(argv, module, excluded_cases, log_path, timeout):
    workdir = tempfile.mkdtemp(prefix="pyjit-cpython-%s-" % module)
    results_path = os.path.join(workdir, "results.jsonl")
    start = time.monotonic()
    timed_out = False
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(argv + [DRIVER, module, results_path] + excluded_cases,
                                cwd=workdir, env=make_env(),
                                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(proc.pid, 9)
            proc.wait()
    outcomes, load_error = {}, None
    if os.path.exists(results_path):
        with open(results_path) as results:
            for line in results:
                try:
                    record = json.loads(line)
                except ValueError:  # the last line of a run that was killed mid-write
                    continue
                if "load_error" in record:
                    load_error = record["load_error"]
                else:
                    outcomes[record["id"]] = record["outcome"]
    shutil.rmtree(workdir, ignore_errors=True)
    return RunResult(outcomes, load_error, proc.returncode, timed_out, time.monotonic() - start)


def excluded(case, exclusions):
    # A case id looks like test.test_x.Class.method (or a doctest's dotted name); an exclusion may
    # name the case, its class, or a prefix ending at a dot.
    parts = case.split(".")
    return any(".".join(parts[:n]) in exclusions for n in range(1, len(parts) + 1))


def compare(module, reference, jitted, exclusions):
    """Problems found in one module, as text lines (empty when the pass sets agree)."""
    problems = []
    for run, label in ((reference, "python3.11"), (jitted, "pyjit")):
        if run.describe_exit():
            problems.append("%s %s after %d cases" % (label, run.describe_exit(), len(run.outcomes)))
    if reference.load_error != jitted.load_error:
        problems.append("import differs: python3.11 %r, pyjit %r"
                        % (reference.load_error, jitted.load_error))
    ref_passed = {c for c in reference.passed() if not excluded(c, exclusions)}
    jit_passed = {c for c in jitted.passed() if not excluded(c, exclusions)}
    for case in sorted(ref_passed - jit_passed):
        problems.append("passes only under python3.11 (pyjit: %s): %s"
                        % (jitted.outcomes.get(case, "not run"), case))
    for case in sorted(jit_passed - ref_passed):
        problems.append("passes only under pyjit (python3.11: %s): %s"
                        % (reference.outcomes.get(case, "not run"), case))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pyjit", required=True)
    parser.add_argument("--python", required=True, help="the reference python3.11")
    parser.add_argument("--mode", default="generic", choices=["generic", "specialized", "interp"])
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="only the modules tagged `quick`")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per module and run")
    parser.add_argument("--log-dir", help="where the runs' output goes (default: a temp dir)")
    parser.add_argument("--summary-json", help="also write the summary here")
    parser.add_argument("modules", nargs="*")
    args = parser.parse_args()

    exclusions = read_exclusions(os.path.join(SUITE_DIR, "exclusions.txt"))
    listed = read_listing(os.path.join(SUITE_DIR, "modules.txt"))
    if args.modules:
        modules = args.modules
    else:
        modules = [name for name, tags in listed if not args.quick or "quick" in tags.split()]
    skipped = [m for m in modules if m in exclusions]
    modules = [m for m in modules if m not in exclusions]
    log_dir = args.log_dir or tempfile.mkdtemp(prefix="pyjit-cpython-tests-")
    os.makedirs(log_dir, exist_ok=True)
    jit_argv = [os.path.abspath(args.pyjit), "-X", "jit=" + args.mode, "-X", "jit-threshold=0"]

    for module in skipped:
        print("excluded: %s (%s)" % (module, exclusions[module]))
    print("running %d modules under python3.11 and pyjit (mode %s, threshold 0), %d jobs; logs in %s"
          % (len(modules), args.mode, args.jobs, log_dir), flush=True)

    lock = threading.Lock()
    finished = []

    def one(module):
        log = os.path.join(log_dir, module)
        excluded_cases = [name for name in exclusions if name.startswith("test.%s." % module)]
        reference = run_module([os.path.abspath(args.python)], module, excluded_cases,
                               log + ".python.log", args.timeout)
        jitted = run_module(jit_argv, module, excluded_cases, log + ".pyjit.log", args.timeout)
        problems = compare(module, reference, jitted, exclusions)
        with lock:
            finished.append(module)
            status = "OK" if not problems else "DIFFERS"
            print("[%d/%d] %-28s %s  python3.11 %d/%d passed (%.1fs), pyjit %d/%d passed (%.1fs)"
                  % (len(finished), len(modules), module, status, len(reference.passed()),
                     len(reference.outcomes), reference.elapsed, len(jitted.passed()),
                     len(jitted.outcomes), jitted.elapsed), flush=True)
            for problem in problems:
                print("    " + problem, flush=True)
        return module, reference, jitted, problems

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(one, modules))

    differing = [(m, p) for m, _, _, p in results if p]
    summary = {
        "mode": args.mode,
        "modules_run": len(results),
        "modules_excluded": len(skipped),
        "modules_equal": len(results) - len(differing),
        "cases_python": sum(len(r.outcomes) for _, r, _, _ in results),
        "passed_python": sum(len(r.passed()) for _, r, _, _ in results),
        "cases_pyjit": sum(len(j.outcomes) for _, _, j, _ in results),
        "passed_pyjit": sum(len(j.passed()) for _, _, j, _ in results),
        "seconds_python": round(sum(r.elapsed for _, r, _, _ in results), 1),
        "seconds_pyjit": round(sum(j.elapsed for _, _, j, _ in results), 1),
        "differing": {m: p for m, p in differing},
    }
    print("\nsummary: %(modules_run)d modules run (%(modules_excluded)d excluded), "
          "%(modules_equal)d with equal pass sets; python3.11 passed %(passed_python)d of "
          "%(cases_python)d cases in %(seconds_python)ss, pyjit passed %(passed_pyjit)d of "
          "%(cases_pyjit)d in %(seconds_pyjit)ss" % summary)
    for module, problems in differing:
        print("  %s: %d difference(s); logs %s.{python,pyjit}.log"
              % (module, len(problems), os.path.join(log_dir, module)))
    if args.summary_json:
        with open(args.summary_json, "w") as out:
            json.dump(summary, out, indent=1)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
