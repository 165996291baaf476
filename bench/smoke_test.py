#!/usr/bin/env python3
"""Smoke test for tools/bench.py (stdlib only).

Runs `tools/bench.py --quick --filter <program> --out <tmpdir>` with the
given --pyjit/--python, then checks that latest.json, latest.md and
latest.svg exist and are well-formed, and that the JSON has the expected
layout.  Exits nonzero on any failure (including an output mismatch
reported by the runner).

Usage:
  python3 bench/smoke_test.py [--pyjit PATH] [--python PATH]
                              [--program fib] [--require-mode MODE ...]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "tools", "bench.py")

CONFIG_KEYS = ["cmd", "times", "median", "min", "max", "stdev", "rel_stdev", "ratio",
               "cpu_times", "rss_kib", "peak_rss_kib", "compile", "output_match", "errors"]
MACHINE_KEYS = ["cpu_model", "cpu_count", "python_version", "pyjit_version", "git_commit", "date"]
SETTINGS_KEYS = ["repeat", "warmup", "quick", "modes_requested", "modes_available",
                 "modes_skipped", "configs", "python", "pyjit"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pyjit", default=None, help="pyjit executable (passed to bench.py)")
    ap.add_argument("--python", default=None, help="reference python3.11 (passed to bench.py)")
    ap.add_argument("--program", default="fib", help="benchmark program to run (default fib)")
    ap.add_argument("--size", type=int, default=22,
                    help="size argument for the program (default 22: fib(22), well under a second)")
    ap.add_argument("--require-mode", action="append", default=[],
                    help="fail unless this JIT mode was available (repeatable)")
    ap.add_argument("--timeout", type=float, default=600.0, help="overall timeout in seconds")
    args = ap.parse_args()

    failures = []

    def check(cond, msg):
        if not cond:
            failures.append(msg)
        return cond

    out = tempfile.mkdtemp(prefix="pyjit-bench-smoke-")
    try:
        cmd = [sys.executable, BENCH, "--quick", "--filter", args.program, "--out", out,
               "--size", str(args.size)]
        if args.pyjit:
            cmd += ["--pyjit", args.pyjit]
        if args.python:
            cmd += ["--python", args.python]
        print("+ " + " ".join(cmd), flush=True)
        try:
            p = subprocess.run(cmd, timeout=args.timeout, stdin=subprocess.DEVNULL)
            rc = p.returncode
        except subprocess.TimeoutExpired:
            print("FAIL: bench.py timed out after %gs" % args.timeout)
            return 1
        check(rc == 0, "bench.py exited with %d (1 = output mismatch)" % rc)

        paths = {ext: os.path.join(out, "latest." + ext) for ext in ("json", "md", "svg")}
        for ext, path in paths.items():
            check(os.path.isfile(path) and os.path.getsize(path) > 0, "missing or empty %s" % path)

        if os.path.isfile(paths["json"]):
            try:
                with open(paths["json"], encoding="utf-8") as f:
                    doc = json.load(f)
            except ValueError as e:
                doc = None
                check(False, "latest.json is not valid JSON: %s" % e)
            if doc is not None:
                check_json(doc, args, check)

        if os.path.isfile(paths["svg"]):
            try:
                root = ET.parse(paths["svg"]).getroot()
                check(root.tag.endswith("svg"), "latest.svg root element is %r" % root.tag)
                check(len(list(root.iter("{http://www.w3.org/2000/svg}rect"))) > 1,
                      "latest.svg has no bars/rects")
            except ET.ParseError as e:
                check(False, "latest.svg is not well-formed XML: %s" % e)

        if os.path.isfile(paths["md"]):
            with open(paths["md"], encoding="utf-8") as f:
                md = f.read()
            check("| program |" in md, "latest.md has no results table")
            check("| %s |" % args.program in md, "latest.md has no row for %s" % args.program)
            check("geomean" in md, "latest.md has no geomean row")
    finally:
        shutil.rmtree(out, ignore_errors=True)

    if failures:
        for f in failures:
            print("FAIL: " + f)
        return 1
    print("bench smoke test: OK")
    return 0


def check_json(doc, args, check):
    for key in ("schema", "machine", "settings", "programs", "geomean", "mismatches"):
        check(key in doc, "latest.json lacks top-level key %r" % key)
    machine = doc.get("machine", {})
    for key in MACHINE_KEYS:
        check(key in machine, "latest.json machine lacks %r" % key)
    settings = doc.get("settings", {})
    for key in SETTINGS_KEYS:
        check(key in settings, "latest.json settings lacks %r" % key)
    check(settings.get("quick") is True and settings.get("repeat") == 1,
          "--quick was not honoured (repeat=%r)" % settings.get("repeat"))
    modes = settings.get("modes_available", [])
    print("modes available: %s; skipped: %s" % (modes, settings.get("modes_skipped")))
    for m in args.require_mode:
        check(m in modes, "required mode %r was not available" % m)
    progs = doc.get("programs", {})
    check(list(progs) == [args.program],
          "expected exactly program %r, got %r" % (args.program, list(progs)))
    for name, entry in progs.items():
        for key in ("file", "expected_output", "configs"):
            check(key in entry, "programs.%s lacks %r" % (name, key))
        configs = entry.get("configs", {})
        check(list(configs) == ["python3.11"] + modes,
              "programs.%s configs are %r" % (name, list(configs)))
        for cfg, c in configs.items():
            for key in CONFIG_KEYS:
                check(key in c, "programs.%s.configs.%s lacks %r" % (name, cfg, key))
            check(len(c.get("times", [])) == 1, "programs.%s.configs.%s: expected 1 time" % (name, cfg))
            check(c.get("output_match") is True, "programs.%s.configs.%s: output mismatch" % (name, cfg))
            check(isinstance(c.get("peak_rss_kib"), int) and c["peak_rss_kib"] > 0,
                  "programs.%s.configs.%s: no peak RSS" % (name, cfg))
            check(isinstance(c.get("ratio"), (int, float)), "programs.%s.configs.%s: no ratio" % (name, cfg))
        check(entry.get("expected_output", "").startswith(name),
              "programs.%s: checksum line %r does not start with the program name"
              % (name, entry.get("expected_output")))
    for m in modes:
        check(m in doc.get("geomean", {}), "geomean lacks mode %r" % m)


if __name__ == "__main__":
    sys.exit(main())
