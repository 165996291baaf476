#!/usr/bin/env python3
"""pyjit benchmark runner (stdlib only; runs under plain python3 >= 3.8).

Runs every program in bench/programs/*.py under the reference python3.11 and
under pyjit once per available JIT mode (`pyjit -X jit=MODE program`),
interleaving the configurations across repetitions, then writes
DIR/latest.json, DIR/latest.md and DIR/latest.svg and prints the markdown
table.  Speed-ups are ratios against python3.11 *in the same run*:
ratio = python3.11 median / config median, so > 1 means faster than CPython.

Exit status: 0 if every run of every configuration printed exactly what
python3.11 printed, 1 if any output mismatched (or a run crashed / timed
out), 2 on usage or setup errors, 130 if interrupted (partial results are
still written).

See bench/README.md for details.
"""

import argparse
import ast
import datetime
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape as xml_escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS_DIR = os.path.join(ROOT, "bench", "programs")
STARTUP_SCRIPT = os.path.join(ROOT, "bench", "startup", "short_script.py")
DEFAULT_OUT = os.path.join(ROOT, "bench", "results")
DEFAULT_PYJIT = os.path.join(ROOT, "build", "bin", "pyjit")
ALL_MODES = ["off", "interp", "generic", "specialized"]
REF = "python3.11"
NOISY_REL_STDEV = 0.10
# Issue 6's budget for short programs: at most this factor of python3.11's wall time.
STARTUP_BUDGET = 1.10
SCHEMA = "pyjit-bench/1"

MODE_COLORS = {
    "off": "#8c8c8c",
    "interp": "#4e79a7",
    "generic": "#f28e2b",
    "specialized": "#59a14f",
}
EXTRA_COLORS = ["#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"]


# ---------------------------------------------------------------------------
# Child-process launcher.
#
# ru_maxrss of a child includes the memory image it was forked/vforked from
# (the kernel records the pre-exec high-water mark), so spawning benchmarks
# directly from this runner would report at least the runner's own peak RSS.
# We therefore spawn them from a tiny helper interpreter (`python -I -S`,
# ~8 MiB, below any Python process' own footprint).  The helper times each
# run with time.perf_counter() around posix_spawn + os.wait4 and returns the
# child's rusage.  Protocol: one repr()'d dict per line in, one repr()'d
# tuple per line out.
# ---------------------------------------------------------------------------

HELPER_SOURCE = r'''
import os, sys, time, signal
child = 0
killed = False
def kill_child():
    # the child leads its own process group: kill it and anything it started
    try:
        os.killpg(child, signal.SIGKILL)
    except OSError:
        pass
def on_alarm(signum, frame):
    global killed
    if child:
        kill_child()
        killed = True
signal.signal(signal.SIGALRM, on_alarm)
W = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
def serve():
  global child, killed
  for line in sys.stdin:
      req = eval(line, {"__builtins__": {}})
      fa = [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, req["stdout"], W, 0o600),
            (os.POSIX_SPAWN_OPEN, 2, req["stderr"], W, 0o600)]
      killed = False
      try:
          os.chdir(req["cwd"])
          t0 = time.perf_counter()
          child = os.posix_spawn(req["argv"][0], req["argv"], req["env"], file_actions=fa,
                                 setpgroup=0)
          signal.setitimer(signal.ITIMER_REAL, req["timeout"])
          pid, status, ru = os.wait4(child, 0)
          t1 = time.perf_counter()
          signal.setitimer(signal.ITIMER_REAL, 0)
          child = 0
          res = (t1 - t0, os.waitstatus_to_exitcode(status), ru.ru_maxrss,
                 ru.ru_utime + ru.ru_stime, killed, None)
      except OSError as e:
          signal.setitimer(signal.ITIMER_REAL, 0)
          child = 0
          res = (0.0, -1, 0, 0.0, False, "%s: %s" % (type(e).__name__, e))
      sys.stdout.write(repr(res) + "\n")
      sys.stdout.flush()
try:
    serve()
except KeyboardInterrupt:
    if child:
        kill_child()
'''


class RunResult:
    __slots__ = ("time", "exitcode", "maxrss_kib", "cpu", "timed_out",
                 "spawn_error", "stdout", "stderr", "stats")

    def ok(self):
        return self.spawn_error is None and not self.timed_out and self.exitcode == 0


class Launcher:
    def __init__(self, tmpdir):
        self.tmpdir = tmpdir
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", HELPER_SOURCE],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.counter = 0

    def run(self, argv, env, timeout, cwd, stats_file=None):
        self.counter += 1
        out_path = os.path.join(self.tmpdir, "out.txt")
        err_path = os.path.join(self.tmpdir, "err.txt")
        if stats_file and os.path.exists(stats_file):
            os.unlink(stats_file)
        req = {"argv": list(argv), "env": dict(env), "timeout": float(timeout),
               "stdout": out_path, "stderr": err_path, "cwd": cwd}
        self.proc.stdin.write(repr(req) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("benchmark launcher helper died unexpectedly")
        t, code, rss, cpu, killed, err = ast.literal_eval(line)
        r = RunResult()
        r.time, r.exitcode, r.maxrss_kib, r.cpu = t, code, rss, cpu
        r.timed_out, r.spawn_error = killed, err
        r.stdout = _read_text(out_path)
        r.stderr = _read_text(err_path)
        r.stats = None
        if stats_file and os.path.exists(stats_file):
            try:
                with open(stats_file, encoding="utf-8") as f:
                    r.stats = json.load(f)
            except (OSError, ValueError) as e:
                r.stats = {"_error": "could not parse jit-stats file: %s" % e}
        return r

    def close(self):
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


def _read_text(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""


# ---------------------------------------------------------------------------
# Environment discovery
# ---------------------------------------------------------------------------

def resolve_python(explicit):
    if explicit:
        path = shutil.which(explicit) or explicit
        return os.path.abspath(path)
    try:
        out = subprocess.run(["python3.11", "-c", "import sys; print(sys.executable)"],
                             capture_output=True, text=True, timeout=120, check=True)
    except (OSError, subprocess.SubprocessError) as e:
        sys.exit("bench.py: cannot resolve python3.11 (%s); pass --python PATH" % e)
    path = out.stdout.strip()
    if not path or not os.path.exists(path):
        sys.exit("bench.py: python3.11 reported sys.executable=%r; pass --python PATH" % path)
    return path


def capture(argv, timeout=60, cwd=None):
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=cwd)
        return p.returncode, (p.stdout + p.stderr).strip()
    except (OSError, subprocess.SubprocessError) as e:
        return None, str(e)


def probe_modes(pyjit, modes, env):
    available, skipped = [], {}
    if not pyjit or not os.path.exists(pyjit):
        for m in modes:
            skipped[m] = "pyjit not found at %s" % pyjit
        return available, skipped
    if not os.access(pyjit, os.X_OK):
        for m in modes:
            skipped[m] = "pyjit at %s is not executable" % pyjit
        return available, skipped
    for m in modes:
        try:
            p = subprocess.run([pyjit, "-X", "jit=%s" % m, "-c", "pass"], capture_output=True,
                               text=True, timeout=60, env=env, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.SubprocessError) as e:
            skipped[m] = "probe failed: %s" % e
            continue
        if p.returncode == 0:
            available.append(m)
        else:
            tail = (p.stderr or p.stdout).strip().splitlines()[-1:] or [""]
            skipped[m] = "probe exited %d %s" % (p.returncode, tail[0][:200])
    return available, skipped


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                key = line.split(":", 1)[0].strip().lower()
                if key in ("model name", "hardware", "cpu model", "processor name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def loadavg():
    try:
        return list(os.getloadavg())
    except (OSError, AttributeError):
        return None


def machine_info(python, pyjit):
    info = {
        "cpu_model": cpu_model(),
        "cpu_count": os.cpu_count(),
        "cpu_affinity": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "platform": platform.platform(),
        "hostname": platform.node(),
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "loadavg_start": loadavg(),
        "runner_python": sys.version.split()[0],
    }
    code, out = capture([python, "-c", "import sys; print(sys.version)"])
    info["python_version"] = out.replace("\n", " ") if code == 0 else None
    info["python_path"] = python
    info["pyjit_path"] = pyjit
    if pyjit and os.path.exists(pyjit):
        code, out = capture([pyjit, "--version"])
        info["pyjit_version"] = out if code == 0 and out else None
    else:
        info["pyjit_version"] = None
    code, out = capture(["git", "-C", ROOT, "rev-parse", "HEAD"])
    info["git_commit"] = out if code == 0 else None
    if info["git_commit"]:
        code, out = capture(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"])
        info["git_dirty"] = bool(out) if code == 0 else None
    else:
        info["git_dirty"] = None
    return info


# ---------------------------------------------------------------------------
# Statistics helpers
# ---------------------------------------------------------------------------

def summarize(times):
    if not times:
        return {"median": None, "min": None, "max": None, "stdev": None, "rel_stdev": None}
    med = statistics.median(times)
    sd = statistics.stdev(times) if len(times) > 1 else 0.0
    return {"median": med, "min": min(times), "max": max(times), "stdev": sd,
            "rel_stdev": (sd / med) if med else None}


def geomean(values):
    vals = [v for v in values if v and v > 0]
    if not vals:
        return None
    return math.exp(sum(math.log(v) for v in vals) / len(vals))


def compile_summary(stats_list):
    """Median over runs of each numeric field of the 'compile' object."""
    comps = [s.get("compile") for s in stats_list if isinstance(s, dict)]
    comps = [c for c in comps if isinstance(c, dict)]
    if not comps:
        return None
    out = {}
    for key in ("count", "total_ms", "p50_ms", "p95_ms"):
        vals = [c[key] for c in comps if isinstance(c.get(key), (int, float))
                and not isinstance(c.get(key), bool)]
        out[key] = statistics.median(vals) if vals else None
    return out


# ---------------------------------------------------------------------------
# Benchmark loop
# ---------------------------------------------------------------------------

def short(s, n=300):
    s = s.strip()
    return s if len(s) <= n else "..." + s[-n:]


def fmt_s(v):
    return "n/a" if v is None else "%.3f" % v


def run_suite(args, python, pyjit, modes, programs, results, mismatches, launcher, tmpdir):
    env = bench_env()
    stats_file = os.path.join(tmpdir, "jit-stats.json")
    configs = [REF] + modes
    warmup = 0 if args.quick else 1
    repeat = 1 if args.quick else args.repeat

    size_args = [str(args.size)] if args.size is not None else []

    # Measured runs are what a user runs: `-X jit-stats` counts every guard's executions in specialized
    # code and waits for queued compiles at exit, so only the warm-up run (or the single --quick run)
    # asks for the stats that the compile columns show.
    def with_stats(cfg, kind):
        return cfg != REF and not args.no_jit_stats and (kind == "warmup" or warmup == 0)

    def argv_for(cfg, prog, stats=False):
        if cfg == REF:
            return [python, prog] + size_args
        if not stats:
            return [pyjit, "-X", "jit=%s" % cfg, prog] + size_args
        return [pyjit, "-X", "jit=%s" % cfg, "-X", "jit-stats=%s" % stats_file, prog] + size_args

    width = max([len(os.path.basename(p)[:-3]) for p in programs] + [8])
    cwidth = max(len(c) for c in configs)
    for pi, prog in enumerate(programs):
        name = os.path.basename(prog)[:-3]
        entry = {"file": os.path.relpath(prog, ROOT), "expected_output": None, "configs": {}}
        results[name] = entry
        for cfg in configs:
            entry["configs"][cfg] = {
                "cmd": argv_for(cfg, prog), "times": [], "cpu_times": [], "rss_kib": [],
                "warmup_times": [], "failed_runs": 0, "errors": [], "output_match": True,
                "_stats": [],
            }
        expected = None
        tag = "[%2d/%d] %-*s" % (pi + 1, len(programs), width, name)

        def one(cfg, kind, rep_i):
            nonlocal expected
            c = entry["configs"][cfg]
            if c.get("_gave_up"):
                return
            stats = with_stats(cfg, kind)
            r = launcher.run(argv_for(cfg, prog, stats), env, args.timeout, ROOT, stats_file if stats else None)
            problem = None
            if r.spawn_error:
                problem = "could not start: %s" % r.spawn_error
            elif r.timed_out:
                problem = "timed out after %gs (remaining runs of this configuration skipped)" % args.timeout
                c["_gave_up"] = True
            elif r.exitcode != 0:
                problem = "exit code %d; stderr: %s" % (r.exitcode, short(r.stderr))
            if problem is None:
                if cfg == REF and expected is None:
                    expected = r.stdout
                    entry["expected_output"] = r.stdout.strip()
                elif expected is not None and r.stdout != expected:
                    problem = "output mismatch: expected %r, got %r" % (
                        short(expected, 200), short(r.stdout, 200))
            if problem is not None:
                if c["output_match"]:  # first problem of this program/config pair
                    mismatches.append({"program": name, "config": cfg, "detail": problem})
                c["output_match"] = False
                c["failed_runs"] += 1
                if problem not in c["errors"]:
                    c["errors"].append(problem)
                    print("  !!! %s %s: %s" % (name, cfg, problem), flush=True)
            if r.ok():
                if r.stats is not None:
                    c["_stats"].append(r.stats)
                if kind == "warmup":
                    c["warmup_times"].append(r.time)
                else:
                    c["times"].append(r.time)
                    c["cpu_times"].append(r.cpu)
                    c["rss_kib"].append(r.maxrss_kib)
            label = "warm-up" if kind == "warmup" else "rep %d/%d" % (rep_i + 1, repeat)
            so_far = " ".join("%.3f" % t for t in c["times"])
            print("%s %-*s %-9s %s s | %s%s" % (
                tag, cwidth, cfg, label, fmt_s(r.time if r.ok() else None), so_far or "-",
                "  FAILED" if problem else ""), flush=True)

        for _ in range(warmup):
            for cfg in configs:
                one(cfg, "warmup", 0)
        for rep in range(repeat):
            # rotate the start so no configuration always runs first/last
            k = rep % len(configs)
            for cfg in configs[k:] + configs[:k]:
                one(cfg, "rep", rep)

        finish_program(entry, configs)
        parts = []
        for cfg in configs:
            c = entry["configs"][cfg]
            if cfg == REF:
                parts.append("%s %s s" % (cfg, fmt_s(c["median"])))
            else:
                parts.append("%s %s s (%s)" % (cfg, fmt_s(c["median"]), fmt_ratio(c["ratio"])))
        print("%s => %s" % (tag, " | ".join(parts)), flush=True)


def bench_env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    for var in ("PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONPROFILEIMPORTTIME", "PYTHONTRACEMALLOC",
                "PYTHONMALLOCSTATS", "PYTHONDEVMODE", "PYTHONWARNINGS"):
        env.pop(var, None)
    return env


def startup_cases():
    """(name, arguments after the interpreter) of the start-up suite."""
    return [("-c pass", ["-c", "pass"]),
            ("short_script (~100 ms)", [STARTUP_SCRIPT])]


def run_startup(args, python, pyjit, modes, launcher):
    """Whole-process wall time of tiny programs: what a JIT adds to start-up and to short scripts
    (loading, hooks, compiles requested while the program runs). Every configuration runs each case
    args.startup_repeat times, interleaved; the factor is mode median / python3.11 median."""
    env = bench_env()
    configs = [REF] + modes
    repeat = 3 if args.quick else args.startup_repeat
    cases = {}
    for name, tail in startup_cases():
        argv = {cfg: ([python] if cfg == REF else [pyjit, "-X", "jit=%s" % cfg]) + tail for cfg in configs}
        times = {cfg: [] for cfg in configs}
        outputs = {cfg: None for cfg in configs}
        errors = []
        for rep in range(repeat + 1):  # the first round warms the page cache and is not counted
            k = rep % len(configs)
            for cfg in configs[k:] + configs[:k]:
                r = launcher.run(argv[cfg], env, args.timeout, ROOT)
                if not r.ok():
                    errors.append("%s: exit code %s%s" % (cfg, r.exitcode, " (timed out)" if r.timed_out else ""))
                    continue
                outputs[cfg] = r.stdout
                if rep > 0:
                    times[cfg].append(r.time)
        entry = {"cmd": {cfg: argv[cfg] for cfg in configs}, "configs": {}, "errors": sorted(set(errors))}
        for cfg in configs:
            c = summarize(times[cfg])
            c["output_match"] = outputs[cfg] is not None and outputs[cfg] == outputs[REF]
            entry["configs"][cfg] = c
        ref_med = entry["configs"][REF]["median"]
        for cfg in modes:
            c = entry["configs"][cfg]
            c["factor"] = (c["median"] / ref_med) if (ref_med and c["median"]) else None
        cases[name] = entry
        print("[start-up] %-24s %s" % (name, " | ".join(
            "%s %s ms%s" % (cfg, fmt_ms(None if entry["configs"][cfg]["median"] is None
                                         else 1000 * entry["configs"][cfg]["median"]),
                            "" if cfg == REF else " (%s)" % fmt_factor(entry["configs"][cfg]["factor"]))
            for cfg in configs)), flush=True)
    return {"repeat": repeat, "budget": STARTUP_BUDGET, "cases": cases}


def fmt_factor(f):
    return "n/a" if f is None else "%.2fx" % f


def render_startup_markdown(startup, modes):
    L = ["## Start-up and short programs", "",
         "Whole-process wall time, median of %d runs per configuration (interleaved, after one warm-up "
         "round). Factor = mode median / python3.11 median: here < 1 is faster; the budget for a JIT "
         "is %.2fx (issue 6)." % (startup["repeat"], startup["budget"]), "",
         "| program | python3.11 | " + " | ".join("jit=%s" % mo for mo in modes) + " |",
         "|---|" + "---:|" * (len(modes) + 1)]
    for name, entry in startup["cases"].items():
        ref = entry["configs"][REF]
        row = [name, "%s ms ±%.0f%%" % (fmt_ms(None if ref["median"] is None else 1000 * ref["median"]),
                                        100 * (ref["rel_stdev"] or 0))]
        for mo in modes:
            c = entry["configs"][mo]
            if c["median"] is None:
                row.append("**FAILED**")
                continue
            over = c["factor"] is not None and c["factor"] > startup["budget"]
            cell = "%s ms · %s%s%s" % (fmt_ms(1000 * c["median"]), "**" if over else "",
                                       fmt_factor(c["factor"]), " over budget**" if over else "")
            if not c["output_match"]:
                cell += " **MISMATCH**"
            row.append(cell)
        L.append("| " + " | ".join(row) + " |")
        for e in entry["errors"]:
            L.append("")
            L.append("- %s: %s" % (name, e))
    return "\n".join(L) + "\n"


def finish_program(entry, configs):
    ref_med = ref_min = None
    for cfg in configs:
        c = entry["configs"][cfg]
        c.update(summarize(c["times"]))
        c["cpu_median"] = statistics.median(c["cpu_times"]) if c["cpu_times"] else None
        c["peak_rss_kib"] = max(c["rss_kib"]) if c["rss_kib"] else None
        c["median_rss_kib"] = statistics.median(c["rss_kib"]) if c["rss_kib"] else None
        stats = c.pop("_stats")
        c.pop("_gave_up", None)
        c["compile"] = compile_summary(stats)
        c["jit_stats_last"] = stats[-1] if stats else None
        if cfg == REF:
            ref_med, ref_min = c["median"], c["min"]
    for cfg in configs:
        c = entry["configs"][cfg]
        if ref_med and c["median"]:
            c["ratio"] = ref_med / c["median"]
            # spread of the ratio: python3.11 median against this config's slowest/fastest run
            c["ratio_range"] = [ref_med / c["max"], ref_med / c["min"]]
            # min-based ratio: less sensitive to bursts of load, a cross-check for "ratio"
            c["ratio_min"] = ref_min / c["min"]
        else:
            c["ratio"] = c["ratio_range"] = c["ratio_min"] = None


def fmt_ratio(r):
    return "n/a" if r is None else "%.2fx" % r


# ---------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------

def compute_geomeans(results, modes):
    g = {}
    for m in modes:
        ratios, ratios_min = [], []
        for entry in results.values():
            c = entry["configs"].get(m)
            if c and c.get("ratio") and c["output_match"]:
                ratios.append(c["ratio"])
                ratios_min.append(c["ratio_min"])
        g[m] = {"ratio": geomean(ratios), "ratio_min": geomean(ratios_min),
                "programs": len(ratios)}
    return g


def fmt_ms(v):
    return "n/a" if v is None else ("%.1f" % v if v < 100 else "%.0f" % v)


def fmt_mb(kib):
    return "n/a" if kib is None else "%.1f" % (kib / 1024.0)


def render_markdown(doc):
    m = doc["machine"]
    s = doc["settings"]
    modes = s["modes_available"]
    configs = [REF] + modes
    L = []
    L.append("# pyjit benchmark results")
    L.append("")
    L.append("- date: %s, git: %s%s" % (m["date"], (m.get("git_commit") or "n/a")[:12],
                                         " (dirty)" if m.get("git_dirty") else ""))
    L.append("- machine: %s, %s cores (%s usable), load avg start %s / end %s" % (
        m["cpu_model"], m["cpu_count"], m.get("cpu_affinity"),
        _fmt_load(m.get("loadavg_start")), _fmt_load(m.get("loadavg_end"))))
    L.append("- reference: `%s` (%s)" % (m["python_path"], m.get("python_version") or "?"))
    L.append("- pyjit: `%s` (%s)" % (m["pyjit_path"], (m.get("pyjit_version") or "n/a").replace("\n", " ")))
    L.append("- repetitions: %d%s, modes run: %s" % (
        s["repeat"], " + %d warm-up" % s["warmup"] if s["warmup"] else " (no warm-up)",
        ", ".join(modes) or "none"))
    for mode, why in s["modes_skipped"].items():
        L.append("- skipped mode `%s`: %s" % (mode, why))
    if s.get("interrupted"):
        L.append("- **INTERRUPTED: partial results**")
    L.append("")
    L.append("Times are wall-clock medians per process (incl. interpreter start-up), "
             "±x% = relative stdev. Ratio = python3.11 median / mode median (>1 = faster). "
             "Shared machine: expect a few % of noise.")
    L.append("")
    hdr = ["program", REF] + ["jit=%s" % mo for mo in modes]
    if modes:
        hdr.append("compile ms (%s)" % "/".join(modes))
    hdr.append("peak RSS MiB (%s)" % "/".join(["py"] + modes))
    L.append("| " + " | ".join(hdr) + " |")
    L.append("|" + "|".join(["---"] + ["---:"] * (len(hdr) - 1)) + "|")
    for name, entry in doc["programs"].items():
        row = [name]
        for cfg in configs:
            c = entry["configs"][cfg]
            if c["median"] is None:
                cell = "**FAILED**"
            else:
                cell = "%.3f s ±%.1f%%" % (c["median"], 100 * (c["rel_stdev"] or 0.0))
                if cfg != REF:
                    cell = "%.3f s · **%s** ±%.1f%%" % (c["median"], fmt_ratio(c["ratio"]),
                                                     100 * (c["rel_stdev"] or 0.0))
                if not c["output_match"]:
                    cell += " **MISMATCH**"
            row.append(cell)
        if modes:
            row.append(" / ".join(
                fmt_ms((entry["configs"][mo]["compile"] or {}).get("total_ms")) for mo in modes))
        row.append(" / ".join(fmt_mb(entry["configs"][cfg]["peak_rss_kib"]) for cfg in configs))
        L.append("| " + " | ".join(row) + " |")
    for label, key in (("**geomean**", "ratio"), ("geomean of min-time ratios", "ratio_min")):
        geo = [label, ""]
        for mo in modes:
            g = doc["geomean"].get(mo, {})
            val = fmt_ratio(g.get(key))
            geo.append(("**%s** (n=%d)" % (val, g.get("programs", 0))) if key == "ratio" else val)
        if modes:
            geo.append("")
        geo.append("")
        L.append("| " + " | ".join(geo) + " |")
    L.append("")
    noisy = []
    for name, entry in doc["programs"].items():
        bad = ["%s %.0f%%" % (cfg, 100 * entry["configs"][cfg]["rel_stdev"]) for cfg in configs
               if (entry["configs"][cfg]["rel_stdev"] or 0) > NOISY_REL_STDEV]
        if bad:
            noisy.append("%s (%s)" % (name, ", ".join(bad)))
    if noisy:
        L.append("Noisy (relative stdev > %d%%; treat these ratios with care): %s." % (
            round(100 * NOISY_REL_STDEV), "; ".join(noisy)))
        L.append("")
    if doc["mismatches"]:
        L.append("## MISMATCHES (%d)" % len(doc["mismatches"]))
        L.append("")
        for mm in doc["mismatches"]:
            L.append("- **%s** / `%s`: %s" % (mm["program"], mm["config"],
                                               mm["detail"].replace("\n", " ")))
    else:
        L.append("Output check: all configurations printed the same as python3.11.")
    return "\n".join(L) + "\n"


def render_markdown_details(doc):
    modes = doc["settings"]["modes_available"]
    L = ["", "## Details", "",
         "| program | config | median s | min s | max s | stdev s | cpu s | ratio | ratio of mins | peak RSS MiB "
         "| compiles | compile total ms | p50 ms | p95 ms | match |",
         "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for name, entry in doc["programs"].items():
        for cfg in [REF] + modes:
            c = entry["configs"][cfg]
            comp = c["compile"] or {}
            cnt = comp.get("count")
            L.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                name, cfg, fmt_s(c["median"]), fmt_s(c["min"]), fmt_s(c["max"]),
                "n/a" if c["stdev"] is None else "%.4f" % c["stdev"], fmt_s(c["cpu_median"]),
                fmt_ratio(c["ratio"]), fmt_ratio(c["ratio_min"]), fmt_mb(c["peak_rss_kib"]),
                "n/a" if cnt is None else "%g" % cnt, fmt_ms(comp.get("total_ms")),
                fmt_ms(comp.get("p50_ms")), fmt_ms(comp.get("p95_ms")),
                "yes" if c["output_match"] else "**NO**"))
    return "\n".join(L) + "\n"


def _fmt_load(la):
    return "n/a" if not la else "%.2f" % la[0]


def render_svg(doc):
    s = doc["settings"]
    m = doc["machine"]
    modes = s["modes_available"]
    names = list(doc["programs"].keys())
    colors = {}
    for i, mo in enumerate(modes):
        colors[mo] = MODE_COLORS.get(mo, EXTRA_COLORS[i % len(EXTRA_COLORS)])

    rows = []  # (label, {mode: (ratio or None, ok, [lo, hi] or None)})
    for name in names:
        e = doc["programs"][name]
        rows.append((name, {mo: (e["configs"][mo]["ratio"], e["configs"][mo]["output_match"],
                                 e["configs"][mo].get("ratio_range")) for mo in modes}))
    rows.append(("geomean", {mo: (doc["geomean"][mo]["ratio"], True, None) for mo in modes}))

    ratios = [r for _, d in rows for (r, _, _) in d.values() if r]
    ratios += [x for _, d in rows for (_, _, rr) in d.values() if rr for x in rr]
    lo = min(ratios + [0.5])
    hi = max(ratios + [2.0])
    lo_exp = math.floor(math.log2(lo))
    hi_exp = math.ceil(math.log2(hi))
    if hi_exp - lo_exp < 2:
        hi_exp = lo_exp + 2

    bar_h = 11
    nm = max(1, len(modes))
    group_h = nm * bar_h + 12
    left, right, top = 150, 70, 78
    plot_w = 640
    plot_h = group_h * len(rows)
    width = left + plot_w + right
    height = top + plot_h + 60

    def x_of(r):
        return left + plot_w * (math.log2(r) - lo_exp) / (hi_exp - lo_exp)

    out = []
    a = out.append
    a('<?xml version="1.0" encoding="UTF-8"?>')
    a('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
      'font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">' % (width, height, width, height))
    a('<rect x="0" y="0" width="%d" height="%d" fill="white"/>' % (width, height))
    title = "pyjit speed-up vs python3.11 (higher is better)"
    a('<text x="%d" y="22" font-size="16" font-weight="bold">%s</text>' % (left, xml_escape(title)))
    sub = "%s · git %s · %s · %d rep%s%s" % (
        m["date"], (m.get("git_commit") or "n/a")[:10], m["cpu_model"], s["repeat"],
        "" if s["repeat"] == 1 else "s", " · INTERRUPTED" if s.get("interrupted") else "")
    if s["modes_skipped"]:
        sub += " · skipped: " + ", ".join(s["modes_skipped"])
    a('<text x="%d" y="40" font-size="11" fill="#444">%s</text>' % (left, xml_escape(sub)))
    # legend
    lx = left
    for mo in modes:
        a('<rect x="%d" y="52" width="12" height="12" fill="%s"/>' % (lx, colors[mo]))
        a('<text x="%d" y="62">%s</text>' % (lx + 16, xml_escape("jit=" + mo)))
        lx += 30 + 7 * len("jit=" + mo)
    if not modes:
        why = sorted(set(s["modes_skipped"].values()))
        msg = "no pyjit mode was available" + (": " + why[0] if len(why) == 1 else " (see latest.md)")
        a('<text x="%d" y="62" fill="#b00">%s</text>' % (left, xml_escape(msg[:95])))
    # grid + ticks
    for e in range(lo_exp, hi_exp + 1):
        for sub_r in ((1.0,) if hi_exp - lo_exp > 5 else (1.0, 1.5)):
            r = (2.0 ** e) * sub_r
            if r > 2.0 ** hi_exp:
                continue
            x = x_of(r)
            major = sub_r == 1.0
            a('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="1"/>' % (
                x, top, x, top + plot_h, "#d0d0d0" if major else "#ececec"))
            if major or hi_exp - lo_exp <= 3:
                lbl = ("%g" % r) + "x"
                a('<text x="%.1f" y="%d" text-anchor="middle" font-size="%d"%s>%s</text>' % (
                    x, top + plot_h + 16, 11 if major else 9,
                    ' font-weight="bold"' if r == 1.0 else "", lbl))
    a('<text x="%d" y="%d" text-anchor="middle">%s</text>' % (
        left + plot_w // 2, top + plot_h + 46,
        xml_escape("speed-up = python3.11 median time / mode median time (log scale); "
                   "whiskers: mode's slowest..fastest run")))
    a('<text x="18" y="%d" transform="rotate(-90 18 %d)" text-anchor="middle">benchmark</text>' % (
        top + plot_h // 2, top + plot_h // 2))
    # rows
    x1 = x_of(1.0)
    for gi, (label, data) in enumerate(rows):
        gy = top + gi * group_h + 6
        is_geo = label == "geomean"
        if is_geo:
            a('<line x1="8" y1="%d" x2="%d" y2="%d" stroke="#888" stroke-dasharray="4,3"/>' % (
                gy - 6, width - 8, gy - 6))
        if gi % 2 == 1 and not is_geo:
            a('<rect x="%d" y="%d" width="%d" height="%d" fill="#f6f6f6"/>' % (
                left, gy - 6, plot_w, group_h))
        a('<text x="%d" y="%.1f" text-anchor="end"%s>%s</text>' % (
            left - 8, gy + nm * bar_h / 2 + 4, ' font-weight="bold"' if is_geo else "",
            xml_escape(label)))
        for mi, mo in enumerate(modes):
            r, ok, rr = data[mo]
            y = gy + mi * bar_h
            if r is None:
                if is_geo:
                    a('<text x="%.1f" y="%d" font-size="10" fill="#666">n/a</text>' % (x1 + 4, y + 9))
                else:
                    a('<text x="%.1f" y="%d" font-size="10" fill="#b00">failed</text>' % (x1 + 4, y + 9))
                continue
            xr = x_of(r)
            bx, bw = (x1, xr - x1) if xr >= x1 else (xr, x1 - xr)
            stroke = ' stroke="#d00000" stroke-width="2"' if not ok else ""
            a('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"%s><title>%s</title></rect>' % (
                bx, y, max(bw, 0.8), bar_h - 2, colors[mo], stroke,
                xml_escape("%s jit=%s: %.3fx" % (label, mo, r))))
            txt = "%.2fx" % r + ("" if ok else " MISMATCH")
            if rr and rr[0] != rr[1]:
                # spread: python3.11 median vs this mode's slowest .. fastest run
                wl, wr = x_of(rr[0]), x_of(rr[1])
                wy = y + (bar_h - 2) / 2.0
                a('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#222" stroke-width="1"/>' % (
                    wl, wy, wr, wy))
                for wx in (wl, wr):
                    a('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#222" stroke-width="1"/>' % (
                        wx, wy - 3, wx, wy + 3))
                xr = max(xr, wr) if xr >= x1 else min(xr, wl)
            if xr >= x1:
                a('<text x="%.1f" y="%d" font-size="9"%s>%s</text>' % (
                    xr + 3, y + 8, ' fill="#d00000"' if not ok else "", txt))
            else:
                a('<text x="%.1f" y="%d" font-size="9" text-anchor="end"%s>%s</text>' % (
                    xr - 3, y + 8, ' fill="#d00000"' if not ok else "", txt))
    a('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="black" stroke-width="1.5"/>' % (
        x1, top, x1, top + plot_h))
    a('<text x="%.1f" y="%d" font-size="10" text-anchor="middle">(= python3.11)</text>' % (
        x1, top + plot_h + 28))
    a('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#888"/>' % (left, top, plot_w, plot_h))
    a('</svg>')
    return "\n".join(out) + "\n"


def write_atomic(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


# ---------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Run the pyjit benchmark suite against python3.11.",
        epilog="Ratios are python3.11_median / config_median (>1 means faster than CPython).")
    ap.add_argument("--pyjit", default=DEFAULT_PYJIT,
                    help="pyjit executable (default: %(default)s)")
    ap.add_argument("--python", default=None,
                    help="reference python3.11 (default: the real binary behind `python3.11` on PATH)")
    ap.add_argument("--repeat", type=int, default=5, help="measured runs per configuration (default 5)")
    ap.add_argument("--modes", default=",".join(ALL_MODES),
                    help="comma-separated JIT modes to try (default: %(default)s)")
    ap.add_argument("--filter", default=None,
                    help="only programs whose name contains this substring (comma = any of several)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output directory (default: bench/results)")
    ap.add_argument("--quick", action="store_true", help="1 repetition, no warm-up (smoke tests)")
    ap.add_argument("--size", type=int, default=None,
                    help="pass SIZE as every program's size argument (smoke runs; not a measurement)")
    ap.add_argument("--timeout", type=float, default=300.0,
                    help="per-run timeout in seconds; a timed-out run counts as a failure (default 300)")
    ap.add_argument("--programs", default=PROGRAMS_DIR, help="directory of benchmark programs")
    ap.add_argument("--no-jit-stats", action="store_true",
                    help="do not pass -X jit-stats=FILE to pyjit (compile stats become n/a)")
    ap.add_argument("--startup-repeat", type=int, default=20,
                    help="runs per configuration of the start-up suite (default %(default)s)")
    ap.add_argument("--no-startup", action="store_true",
                    help="skip the start-up suite (`-c pass` and a ~100 ms script); it is also "
                         "skipped with --filter, --size or --programs")
    ap.add_argument("--startup-only", action="store_true", help="run only the start-up suite")
    args = ap.parse_args(argv)
    if args.repeat < 1 or args.startup_repeat < 1:
        ap.error("--repeat and --startup-repeat must be >= 1")

    python = resolve_python(args.python)
    if not os.path.exists(python):
        sys.exit("bench.py: reference python %s does not exist" % python)
    pyjit = os.path.abspath(args.pyjit) if args.pyjit else None
    requested = [m.strip() for m in args.modes.split(",") if m.strip()]

    programs = sorted(os.path.join(args.programs, f) for f in os.listdir(args.programs)
                      if f.endswith(".py") and not f.startswith("_"))
    if args.filter:
        subs = [x for x in args.filter.split(",") if x]
        programs = [p for p in programs if any(x in os.path.basename(p)[:-3] for x in subs)]
    if not programs:
        sys.exit("bench.py: no benchmark programs matched (filter=%r)" % args.filter)

    probe_env = dict(os.environ)
    modes, skipped = probe_modes(pyjit, requested, probe_env)
    machine = machine_info(python, pyjit)

    print("pyjit bench: %d program(s); reference %s" % (len(programs), python), flush=True)
    print("pyjit: %s (%s)" % (pyjit, machine.get("pyjit_version") or "no --version output"), flush=True)
    print("modes run: %s" % (", ".join(modes) or "NONE"), flush=True)
    for mo, why in skipped.items():
        print("mode skipped: %s (%s)" % (mo, why), flush=True)
    if not modes:
        print("WARNING: no pyjit mode is available; only python3.11 will be measured.", flush=True)
    print("repeat=%d warm-up=%d; %d core(s), load avg %s -- shared machines are noisy"
          % (1 if args.quick else args.repeat, 0 if args.quick else 1, os.cpu_count() or 0,
             _fmt_load(loadavg())), flush=True)

    results = {}
    mismatches = []
    interrupted = False
    tmpdir = tempfile.mkdtemp(prefix="pyjit-bench-")
    launcher = Launcher(tmpdir)
    startup = None
    want_startup = args.startup_only or not (args.no_startup or args.filter or args.size is not None
                        or args.programs != PROGRAMS_DIR)
    try:
        if want_startup:
            startup = run_startup(args, python, pyjit, modes, launcher)
            for name, entry in startup["cases"].items():
                for cfg in modes:
                    if not entry["configs"][cfg]["output_match"]:
                        mismatches.append({"program": "start-up: " + name, "config": cfg,
                                           "detail": "; ".join(entry["errors"]) or "output differs"})
        if not args.startup_only:
            run_suite(args, python, pyjit, modes, programs, results, mismatches, launcher, tmpdir)
    except KeyboardInterrupt:
        interrupted = True
        print("\ninterrupted; writing partial results", flush=True)
        # drop a program whose measurement was cut short
        for name in list(results):
            if "ratio" not in results[name]["configs"][REF]:
                del results[name]
    finally:
        launcher.close()
        shutil.rmtree(tmpdir, ignore_errors=True)

    machine["loadavg_end"] = loadavg()
    doc = {
        "schema": SCHEMA,
        "machine": machine,
        "settings": {
            "repeat": 1 if args.quick else args.repeat,
            "warmup": 0 if args.quick else 1,
            "quick": args.quick,
            "filter": args.filter,
            "timeout_s": args.timeout,
            "jit_stats": not args.no_jit_stats,
            "python": python,
            "pyjit": pyjit,
            "modes_requested": requested,
            "modes_available": modes,
            "modes_skipped": skipped,
            "configs": [REF] + modes,
            "env": {"PYTHONHASHSEED": "0"},
            "interrupted": interrupted,
        },
        "programs": results,
        "geomean": compute_geomeans(results, modes),
        "startup": startup,
        "mismatches": mismatches,
    }
    os.makedirs(args.out, exist_ok=True)
    md = render_markdown(doc)
    write_atomic(os.path.join(args.out, "latest.json"), json.dumps(doc, indent=1, sort_keys=False) + "\n")
    if startup:
        md += "\n" + render_startup_markdown(startup, modes)
    write_atomic(os.path.join(args.out, "latest.md"), md + render_markdown_details(doc))
    write_atomic(os.path.join(args.out, "latest.svg"), render_svg(doc))
    print("", flush=True)
    print(md, flush=True)
    print("wrote %s/latest.{json,md,svg}" % args.out, flush=True)
    if interrupted:
        return 130
    if mismatches:
        print("FAILED: %d mismatching program/config pair(s)" % len(mismatches), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
