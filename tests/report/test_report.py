#!/usr/bin/env python3
"""Tests of the deoptimization study tools: the event log (-X jit-log), guard counters in the stats,
pyjit -m pyjit.report (text and HTML, the HTML rendered in headless Chromium) and pyjit -m pyjit.dis --guards.

    test_report.py --pyjit build/bin/pyjit --python /path/to/real/python3.11 [unittest options...]

The Chromium test skips when chromium is not installed, except under `tools/dev test` (which installs it,
and sets PYJIT_BLESS for its tests): there a missing browser is a failure.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

PYJIT = None
PYTHON = None
HERE = os.path.dirname(os.path.abspath(__file__))
TYPE_CHANGE = os.path.join(HERE, "type_change.py")  # ints, then floats, through one `+`
SPEC_PROGRAM = os.path.join(HERE, "..", "differential", "programs", "spec_guard_deopt_types.py")
TIMEOUT = 120
# Cold blocks off: these tests count the deopts of particular guards; test_cold_blocks_* switch them on.
JIT_OPTIONS = ["-X", "jit=specialized", "-X", "jit-threshold=20", "-X", "jit-compile=sync", "-X", "jit-cold-blocks=0"]


def run(argv, **kwargs):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PYJIT_"))}
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=TIMEOUT,
                          env=env, **kwargs)


def read_events(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


class ReportTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pyjit-report-")
        self.addCleanup(shutil.rmtree, self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def write_program(self, name, source):
        """Writes `source` to `name` in the test's directory; returns the path."""
        program = self.path(name)
        with open(program, "w") as f:
            f.write(source)
        return program

    def run_logged(self, program=TYPE_CHANGE, *options):
        """Runs `program` under pyjit with an event log; returns (process, events, log path)."""
        log = self.path("events.jsonl")
        r = run([PYJIT, *JIT_OPTIONS, *options, "-X", "jit-log=" + log, program])
        self.assertEqual((r.returncode, r.stderr), (0, ""), r)
        return r, read_events(log), log

    def report(self, *args):
        return run([PYJIT, "-m", "pyjit.report", *args])


class EventLogTests(ReportTestCase):
    def test_log_never_changes_output(self):
        for program in (TYPE_CHANGE, SPEC_PROGRAM):
            for extra in ([], ["-X", "jit-deopt-stress=3", "-X", "jit-deopt-limit=2"]):
                with self.subTest(program=os.path.basename(program), extra=extra):
                    expected = run([PYTHON, program])
                    plain = run([PYJIT, *JIT_OPTIONS, *extra, program])
                    logged = run([PYJIT, *JIT_OPTIONS, *extra, "-X", "jit-log=" + self.path("l.jsonl"), program])
                    outcome = (expected.returncode, expected.stdout, expected.stderr)
                    self.assertEqual((plain.returncode, plain.stdout, plain.stderr), outcome)
                    self.assertEqual((logged.returncode, logged.stdout, logged.stderr), outcome)

    def test_unwritable_log_is_refused_at_start(self):
        target = self.path("not-a-dir")
        open(target, "w").close()
        r = run([PYJIT, "-X", "jit-log=" + os.path.join(target, "l.jsonl"), TYPE_CHANGE])
        self.assertEqual(r.returncode, 2, r)
        self.assertEqual(r.stdout, "")  # the program did not run
        self.assertIn(os.path.join(target, "l.jsonl"), r.stderr)

    def test_events_carry_the_documented_fields(self):
        _, events, _ = self.run_logged()
        compiles = [e for e in events if e["event"] == "compile"]
        self.assertTrue(compiles)
        for event in compiles:
            for field in ("ts", "pid", "qualname", "file", "line", "tier", "ms", "latency_ms", "code_bytes", "guards"):
                self.assertIn(field, event)
            self.assertGreater(event["code_bytes"], 0, event)
            # The compile's three phases, each measured, together no more than the whole.
            phases = event["phase_ms"]
            self.assertEqual(set(phases), {"translate", "optimize", "codegen"}, event)
            self.assertTrue(all(value > 0 for value in phases.values()), event)
            self.assertLessEqual(sum(phases.values()), event["ms"] + 1e-6, event)
        # Each OSR entry names its function exactly (two <listcomp>s share a qualname).
        compiled = {(e["qualname"], e["file"], e["line"]) for e in compiles}
        osr = [(e["qualname"], e["file"], e["line"]) for e in events if e["event"] == "osr"]
        self.assertTrue(osr)
        self.assertLessEqual(set(osr), compiled)
        deopts = [e for e in events if e["event"] == "deopt"]
        self.assertTrue(deopts)
        for event in deopts:
            for field in ("ts", "qualname", "file", "line", "offset", "opname", "guard", "reason", "expected",
                          "observed", "failures"):
                self.assertIn(field, event)
        # ints were expected at the `+` of total(); floats arrived (acc stays an int for the first one). Back
        # in compiled code at the next iteration, `acc` (an unboxed int local) holds a float: its LOAD_FAST
        # guard fails on each iteration until the deopt limit has the code recompiled.
        self.assertEqual({(e["opname"], tuple(e["expected"]), tuple(e["observed"])) for e in deopts},
                         {("BINARY_OP", ("int", "int"), ("int", "float")),
                          ("LOAD_FAST", ("int", None), ("float", None))})
        guard_counts = [e for e in events if e["event"] == "guards" and e["qualname"] == "total"]
        self.assertEqual(len(guard_counts), 1, events)
        self.assertEqual(sum(g["failures"] for g in guard_counts[0]["guards"]), len(deopts))
        # the `+`'s guard (an unboxed local's LOAD_FAST has an operand-types guard of its own)
        (guard,) = [g for g in guard_counts[0]["guards"] if g["guard"] == "operand-types" and g["opname"] == "BINARY_OP"]
        self.assertEqual(guard["failures"], sum(1 for e in deopts if e["opname"] == "BINARY_OP"))
        self.assertGreater(guard["executions"], guard["failures"])

    def test_stats_count_guard_executions(self):
        stats_file = self.path("stats.json")
        r = run([PYJIT, *JIT_OPTIONS, "-X", "jit-stats=" + stats_file, TYPE_CHANGE])
        self.assertEqual((r.returncode, r.stderr), (0, ""), r)
        with open(stats_file) as f:
            stats = json.load(f)
        (total,) = [f for f in stats["functions"] if f["qualname"] == "total"]
        self.assertGreater(total["code_bytes"], 0)
        (guard,) = [g for g in total["guards"] if g["guard"] == "operand-types" and g["opname"] == "BINARY_OP"]
        # The guard runs once per loop iteration that reached compiled code; a float call fails it once (the
        # other failures are `acc`'s, test_events_carry_the_documented_fields).
        self.assertEqual(sum(g["failures"] for g in total["guards"]), total["deopts"])
        self.assertGreaterEqual(guard["failures"], 1)
        self.assertGreater(guard["executions"], 50 * guard["failures"])


class ReportTests(ReportTestCase):
    def test_text_summary(self):
        _, events, log = self.run_logged()
        deopts = sum(1 for e in events if e["event"] == "deopt")
        r = self.report(log)
        self.assertEqual((r.returncode, r.stderr), (0, ""), r)
        self.assertIn("deopts: %d, operand-type %d" % (deopts, deopts), r.stdout)
        at_add = sum(1 for e in events if e["event"] == "deopt" and e["opname"] == "BINARY_OP")
        at_load = deopts - at_add  # `acc`'s LOAD_FAST guard, once it holds a float
        self.assertRegex(r.stdout, r"\n\s+%d  BINARY_OP at type_change.py:7 offset \d+ in total " % at_add)
        self.assertIn("%d  BINARY_OP: int, int -> int, float" % at_add, r.stdout)
        self.assertIn("%d  LOAD_FAST: int, ? -> float, ?" % at_load, r.stdout)
        compiles = sum(1 for e in events if e["event"] == "compile" and e["qualname"] == "total")
        recompiles = sum(1 for e in events if e["event"] == "recompile" and e["qualname"] == "total")
        self.assertRegex(r.stdout, r"\n\s+%d\s+%d\s+\d+\s+%d\s+\d+  total \(type_change.py:4\)" % (
            compiles, recompiles, deopts))

    def test_recompiles_and_give_ups_are_reported(self):
        _, events, log = self.run_logged(SPEC_PROGRAM, "-X", "jit-deopt-limit=2")
        recompiled = {e["qualname"] for e in events if e["event"] == "recompile"}
        self.assertTrue(recompiled)
        r = self.report(log)
        self.assertEqual(r.returncode, 0, r)
        for qualname in recompiled:
            self.assertRegex(r.stdout, r"\n\s+\d+\s+[1-9]\d*\s+\d+\s+\d+\s+\d+  %s \(" % re.escape(qualname))
        for event in (e for e in events if e["event"] == "give-up"):
            self.assertRegex(r.stdout, r"  %s \(spec_guard_deopt_types.py:\d+\)  gave up: %s" % (
                re.escape(event["qualname"]), re.escape(event["reason"])))

    def test_recompile_policy(self):
        # A guard failing -X jit-deopt-limit times retires the code; the next compile is specialized with that
        # site widened, and once -X jit-recompile-limit recompiles are used up the code is compiled generic.
        _, events, _ = self.run_logged(SPEC_PROGRAM, "-X", "jit-deopt-limit=2", "-X", "jit-recompile-limit=1")
        compiles = [e for e in events if e["event"] == "compile" and e["qualname"] == "accumulate"]
        recompiles = [e for e in events if e["event"] == "recompile" and e["qualname"] == "accumulate"]
        self.assertGreaterEqual(len(recompiles), 1, events)
        self.assertEqual(recompiles[0]["next_tier"], "specialized")
        self.assertEqual(recompiles[0]["failures"], 2)
        self.assertEqual([e["recompiles"] for e in compiles][:2], [0, 1])
        self.assertEqual(compiles[0]["tier"], "specialized")
        # The widened site has no guard in the recompiled code.
        self.assertLess(compiles[1]["guards"], compiles[0]["guards"])
        self.assertFalse([e for e in events if e["event"] == "give-up" and e["qualname"] == "accumulate"])
        if len(recompiles) > 1:
            self.assertEqual(recompiles[1]["next_tier"], "generic")
            self.assertEqual(compiles[2]["tier"], "generic")

    def test_long_int_sites_are_not_speculated(self):
        # Tier 1 sees `a + b` on ints beyond 60 bits nearly every time: the specialized compile leaves that
        # site unguarded (the int64 path would deoptimize at once, and the loop finish in tier 1), while the
        # same loop on small ints is guarded.
        program = self.write_program(
            "long_ints.py",
            "def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n"
            "    return a\n\n"
            "def count(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, (a + b) % 1000\n"
            "    return a\n\n"
            "print(fib(3000).bit_length(), count(3000))\n"
            "import pyjit\n"
            "def saw_long_ints(f):\n"
            "    return any(site.get('long_ints') for site in pyjit.profile(f)['sites'].values())\n"
            "print(saw_long_ints(fib), saw_long_ints(count))\n")
        # Hot after 200 back-edges: by then fib's values passed 60 bits (at its 88th iteration).
        r, events, _ = self.run_logged(program, "-X", "jit-threshold=200")
        self.assertEqual(r.stdout, "2082 %d\nTrue False\n" % self.small_fib_mod(3000))
        compiles = {e["qualname"]: e for e in events if e["event"] == "compile"}
        self.assertEqual(compiles["fib"]["guards"], 0, compiles["fib"])
        self.assertGreater(compiles["count"]["guards"], 0, compiles["count"])
        self.assertFalse([e for e in events if e["event"] == "deopt" and e["qualname"] == "fib"])

    def test_inlined_call_deoptimizes_before_the_call(self):
        # `scale(i)` is inlined into run()'s loop; rebinding the global halfway fails the inlined call's
        # `callee` guard, which goes back to before the call (the interpreter calls the new function), until
        # the deopt limit recompiles run(). The report names the site after the inlined function.
        program = self.write_program(
            "inlined.py",
            "def scale(x):\n    return x * 3 + 1\n\n"
            "def other(x):\n    return x * 3 + 2\n\n"
            "def run(n):\n    global scale\n    total = 0\n    for i in range(n):\n"
            "        if i == n // 2:\n            scale = other\n"
            "        total += scale(i)\n    return total\n\nprint(run(4000))\n")
        r, events, log = self.run_logged(program, "-X", "jit-deopt-limit=10")
        self.assertEqual(r.stdout, "%d\n" % (sum(3 * i + 1 for i in range(2000)) +
                                             sum(3 * i + 2 for i in range(2000, 4000))))
        deopts = [e for e in events if e["event"] == "deopt" and e["qualname"] == "run"]
        self.assertEqual({(e["opname"], e["reason"], e["guard"]) for e in deopts},
                         {("CALL (inlined scale)", "callee", "inlined-callee")}, deopts)
        self.assertEqual(len(deopts), 10, deopts)
        recompiles = [e for e in events if e["event"] == "recompile" and e["qualname"] == "run"]
        self.assertEqual([e["opname"] for e in recompiles], ["CALL (inlined scale)"], recompiles)
        summary = self.report(log)
        self.assertEqual((summary.returncode, summary.stderr), (0, ""), summary)
        self.assertRegex(summary.stdout, r"\n\s+10  CALL \(inlined scale\) at inlined.py:\d+ offset \d+ in run")

    def test_direct_call_sites_are_listed_in_compile_events(self):
        # Sites where tier 1 saw one callee code taking the call's arguments are compiled as direct calls
        # (recursion, a method, one closure code over many function objects, a parameter left to its
        # default); a site that saw two codes, a function with *args or a generator function is not.
        # Replacing the callee's __code__ afterwards only sends the site back to the generic call.
        program = self.write_program(
            "direct.py",
            "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\n"
            "class Box:\n    def __init__(self):\n        self.v = 0\n"
            "    def put(self, x):\n        self.v = x if x > self.v else self.v\n\n"
            "def make(k):\n    def add(x):\n        return x + k if x else k\n    return add\n\n"
            "def a(x):\n    return x if x else 1\n\ndef b(x):\n    return -x if x else 2\n\n"
            "def d(x, y=3):\n    return x * y if x else y\n\n"
            "def gen(x):\n    yield x\n\ndef va(*xs):\n    return len(xs)\n\n"
            "def run(n):\n    box = Box()\n    total = 0\n    for i in range(n):\n"
            "        box.put(i)\n        total += make(i % 5)(i)\n"
            "        total += (a if i % 2 else b)(i)\n        total += d(i) + va(i)\n        total += next(gen(i))\n"
            "        if i == n // 2:\n            a.__code__ = b.__code__\n"
            "    return total, box.v\n\nprint(fib(18), run(3000))\n")
        r, events, log = self.run_logged(program)
        expected = run([PYTHON, program])
        self.assertEqual((r.stdout, r.stderr, r.returncode), (expected.stdout, expected.stderr, expected.returncode))
        direct = {e["qualname"]: {site["callee"] for site in e.get("direct_calls", [])}
                  for e in events if e["event"] == "compile"}
        self.assertEqual(direct["fib"], {"fib"}, events)
        self.assertEqual(direct["run"], {"Box.put", "make", "make.<locals>.add", "d"}, events)
        # The text report lists them per function, with each site's offset.
        report = self.report(log)
        self.assertEqual((report.returncode, report.stderr), (0, ""), report)
        listed = report.stdout.split("direct calls (the last compile's call sites: offset -> callee):\n", 1)[1]
        fib_line = next(line for line in listed.splitlines() if line.startswith("  fib (direct.py:1): "))
        sites = [(int(offset), callee) for offset, callee in re.findall(r"(\d+) -> ([^,\s]+)", fib_line)]
        self.assertEqual([callee for _, callee in sites], ["fib", "fib"], fib_line)  # fib(n - 1) + fib(n - 2)
        self.assertLess(sites[0][0], sites[1][0], fib_line)

    def test_deoptimized_loop_goes_back_to_compiled_code(self):
        # One float halfway through a long loop fails the `x > -1` guard once; the activation goes on in tier
        # 1 only to the next loop head, then in compiled code again: the guard runs on nearly every later
        # iteration (before, the rest of the activation stayed in tier 1 and the guard ran about k times).
        program = self.write_program("blip.py", "def blip(n, k):\n    count = 0\n    for i in range(n):\n"
                                     "        x = i if i != k else float(i)\n"
                                     "        if x > -1:\n            count += 1\n"
                                     "    return count\n\nprint(blip(20000, 10000))\n")
        r, events, _ = self.run_logged(program)
        self.assertEqual(r.stdout, "20000\n")
        deopts = [e for e in events if e["event"] == "deopt" and e["qualname"] == "blip"]
        self.assertEqual(len(deopts), 1, deopts)
        reentries = [e for e in events if e["event"] == "osr" and e["qualname"] == "blip" and e["after_deopt"]]
        self.assertEqual(len(reentries), 1, events)
        self.assertGreater(reentries[0]["ts"], deopts[0]["ts"])
        (counts,) = [e for e in events if e["event"] == "guards" and e["qualname"] == "blip"]
        (compare,) = [g for g in counts["guards"] if g["opname"] == "COMPARE_OP" and g["line"] == 5]
        self.assertEqual(compare["failures"], 1)
        self.assertGreater(compare["executions"], 19900)

    def test_cold_blocks_are_compiled_as_exits_and_loops_one_by_one(self):
        # A once-called function of sequential loops (docs/deopt.md, "Cold blocks"): the OSR compile at the
        # first loop leaves out the code before it (its entry block is a block-not-run guard) and after it;
        # leaving the loop fails that guard (reason cold-block); each later loop that gets hot in tier 1 is
        # compiled by a recompile that does not count against the recompile limit (1 here).
        loops = "".join("    for i in range(3000):\n        total += i %% %d\n" % (k + 2) for k in range(4))
        program = self.write_program("loops.py", "def main():\n    total = 0\n" + loops +
                                     "    print(total)\n\nmain()\n")
        r, events, _ = self.run_logged(program, "-X", "jit-recompile-limit=1", "-X", "jit-cold-blocks=1")
        self.assertEqual(r.stdout, "%d\n" % sum(i % (k + 2) for k in range(4) for i in range(3000)))
        compiles = [e for e in events if e["event"] == "compile" and e["qualname"] == "main"]
        self.assertEqual(len(compiles), 4, compiles)
        recompiles = [e for e in events if e["event"] == "recompile" and e["qualname"] == "main"]
        self.assertEqual([(e["guard"], e["opname"], e["next_tier"]) for e in recompiles],
                         [("block-not-run", "FOR_ITER", "specialized")] * 3)
        self.assertEqual([e["line"] for e in recompiles], [5, 7, 9])
        cold = [e for e in events if e["event"] == "deopt" and e["qualname"] == "main"]
        self.assertTrue(cold and all(e["reason"] == "cold-block" and e["guard"] == "block-not-run" for e in cold), cold)
        first_guards = [e for e in events if e["event"] == "guards" and e["qualname"] == "main"]
        self.assertTrue(any(g["guard"] == "block-not-run" and g["offset"] == 0 for e in first_guards
                            for g in e["guards"]), first_guards)

    def test_failing_guard_reentered_every_iteration_keeps_the_stack_flat(self):
        # With no deopt limit the code is never recompiled: from the switch on, every iteration fails the
        # guard, finishes in tier 1 and re-enters compiled code. The compiled exit tail-calls the entry, so
        # 150,000 round trips need no more native stack than one (nesting them would overflow it).
        program = self.write_program("switch.py", "def switch(n):\n    total = 0\n    for i in range(n):\n"
                                     "        total += i if i < 1000 else i + 0.5\n    return total\n\n"
                                     "print(switch(151000))\nimport pyjit\n"
                                     "print(pyjit.stats()['deopts']['total'] >= 150000)\n")
        r = run([PYJIT, *JIT_OPTIONS, "-X", "jit-deopt-limit=0", program])
        self.assertEqual((r.returncode, r.stderr, r.stdout), (0, "", "%r\nTrue\n" % (sum(range(151000)) + 75000.0)))

    @staticmethod
    def small_fib_mod(n):
        a, b = 0, 1
        for _ in range(n):
            a, b = b, (a + b) % 1000
        return a

    def test_truncated_last_line_is_skipped(self):
        _, events, log = self.run_logged()
        with open(log, "rb") as f:
            data = f.read()
        with open(log, "wb") as f:
            f.write(data[:-20])  # the exit event, cut mid-line as by a kill
        r = self.report(log)
        self.assertEqual(r.returncode, 0, r)
        self.assertIn("incomplete last line skipped", r.stderr)
        self.assertIn("no exit event", r.stdout)
        self.assertIn("total (type_change.py:4)", r.stdout)

    def test_unreadable_logs_are_clear_errors(self):
        missing = self.path("missing.jsonl")
        r = self.report(missing)
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, "pyjit.report: cannot read %s: No such file or directory\n" % missing)
        corrupt = self.path("corrupt.jsonl")
        with open(corrupt, "w") as f:
            f.write('{"event":"start","pid":1,"ts":0}\nnot json\n{"event":"exit","pid":1,"ts":1}\n')
        r = self.report(corrupt)
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertIn("corrupt.jsonl:2: not a pyjit event log line", r.stderr)
        empty = self.path("empty.jsonl")
        open(empty, "w").close()
        r = self.report(empty)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no events", r.stderr)

    def test_reports_the_last_run_of_an_appended_log(self):
        log = self.path("events.jsonl")
        for _ in range(2):
            r = run([PYJIT, *JIT_OPTIONS, "-X", "jit-log=" + log, TYPE_CHANGE])
            self.assertEqual(r.returncode, 0, r)
        events = read_events(log)
        last_pid = events[-1]["pid"]
        deopts = sum(1 for e in events if e["event"] == "deopt" and e["pid"] == last_pid)
        r = self.report(log)
        self.assertEqual(r.returncode, 0, r)
        self.assertIn("reporting pid %d's last run" % last_pid, r.stderr)
        self.assertIn("deopts: %d," % deopts, r.stdout)

    def test_html_page_in_chromium(self):
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium is None:
            if "PYJIT_BLESS" in os.environ:
                self.fail("chromium is missing although tools/dev test installs it")
            self.skipTest("chromium is not installed (tools/dev setup installs it); the HTML page was not rendered")
        _, events, log = self.run_logged()
        page = self.path("report.html")
        r = self.report(log, "-o", page)
        self.assertEqual(r.returncode, 0, r)
        with open(page, encoding="utf-8") as f:
            self.assertNotRegex(f.read(), r"(src|href)=\"https?:")  # self-contained
        shown = run([chromium, "--headless", "--disable-gpu", "--no-sandbox", "--dump-dom", "file://" + page],
                    cwd=self.dir)
        self.assertEqual(shown.returncode, 0, shown.stderr)
        dom = shown.stdout
        compiles = [e for e in events if e["event"] == "compile"]
        compiled = {e["qualname"] for e in compiles}
        deopts = sum(1 for e in events if e["event"] == "deopt")
        osr = sum(1 for e in events if e["event"] == "osr")
        # The headline is written by the page's script: it ran.
        recompiles = sum(1 for e in events if e["event"] == "recompile")
        self.assertIn('<b id="headline">%d functions, %d compiles, %d deopts, %d recompiles, %d OSR entries</b>' % (
            len({(e["qualname"], e["line"]) for e in compiles}), len(compiles), deopts, recompiles, osr), dom)
        for qualname in compiled:
            self.assertRegex(dom, r'<h3 class="function">%s \(type_change.py:\d+\)</h3>' % re.escape(
                qualname.replace("<", "&lt;").replace(">", "&gt;")))
        self.assertIn('<svg id="timeline"', dom)
        self.assertEqual(len(re.findall(r'<rect class="event deopt"', dom)), deopts)
        self.assertEqual(len(re.findall(r'<rect class="event compile"', dom)), len(compiles))
        # The annotated listing: the guarded `+` of total() with its counts, and its source line.
        (guards,) = [e["guards"] for e in events if e["event"] == "guards" and e["qualname"] == "total"]
        (typed,) = [g for g in guards if g["guard"] == "operand-types" and g["opname"] == "BINARY_OP"]
        self.assertIn("guard int, int: %d executions, %d failures" % (typed["executions"], typed["failures"]), dom)
        self.assertIn("7: acc = acc + v", dom)


class DisGuardsTests(ReportTestCase):
    def test_guards_listing(self):
        r = run([PYJIT, "-X", "jit-threshold=20", "-X", "jit-cold-blocks=0", "-m", "pyjit.dis", "--guards",
                 TYPE_CHANGE])
        self.assertEqual((r.returncode, r.stderr), (0, ""), r)
        expected = run([PYTHON, TYPE_CHANGE])
        self.assertTrue(r.stdout.startswith(expected.stdout))  # the program ran first
        # The `+` holds two guards: the operand types, and no int64 overflow; `acc`, an unboxed int local,
        # is checked where its LOAD_FAST reads the frame's object. The first float fails the `+`; back in
        # compiled code, `acc` (a float now) fails its LOAD_FAST guard on every iteration until the deopt
        # limit has the code recompiled.
        match = re.search(r"Guards of total: compiled, 3 guards, (\d+) deopts, (\d+) recompiles", r.stdout)
        self.assertIsNotNone(match, r.stdout)
        deopts = int(match.group(1))
        self.assertGreater(deopts, 0)
        load = re.search(r"\n\s+7\s+14\s+1  int,\?: \d+ runs, (\d+) failed\s+LOAD_FAST\s+1  \(acc\)", r.stdout)
        add = re.search(r"\n\s+18\s+3  int,int: \d+ runs, (\d+) failed; no-int-overflow: \d+ runs, 0 failed"
                        r"\s+BINARY_OP\s+0  \(\+\)", r.stdout)
        self.assertTrue(load and add, r.stdout)
        self.assertGreater(int(add.group(1)), 0)
        self.assertEqual(int(load.group(1)) + int(add.group(1)), deopts)

    def test_nothing_compiled(self):
        r = run([PYJIT, "-X", "jit-threshold=100000", "-m", "pyjit.dis", "--guards", TYPE_CHANGE])
        self.assertEqual(r.returncode, 0, r)
        self.assertIn("no function was compiled", r.stderr)


def main():
    global PYJIT, PYTHON
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], add_help=False)
    parser.add_argument("--pyjit", required=True)
    parser.add_argument("--python", required=True)
    args, rest = parser.parse_known_args()
    PYJIT = os.path.abspath(args.pyjit)
    PYTHON = os.path.abspath(args.python)
    unittest.main(argv=[sys.argv[0]] + rest)


if __name__ == "__main__":
    main()
