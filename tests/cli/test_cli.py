#!/usr/bin/env python3
"""Command-line tests of the pyjit executable and of the pyjit package's Python API.

    test_cli.py --pyjit build/bin/pyjit --python /path/to/real/python3.11 [unittest options...]

Two kinds of tests:

- DifferentialTests run the same command line under python3.11 and under pyjit (same environment,
  cwd = a fresh temporary folder, PYTHONHASHSEED=0, every PYTHON*/PYJIT_* variable removed unless the
  test sets it) and require the same stdout, stderr and exit code.  The only normalisation is the
  interpreter's own path, and only in the tests where python itself prints it (usage messages,
  "can't open file", sys.executable).
- PyjitOptionTests, PythonApiTests and VersionTests check pyjit's own options (-X jit..., PYJIT_*),
  its statistics/log/dump outputs, and `import pyjit` inside a plain python3.11.

Only the Python standard library is used.  The package is found next to the executable
(<build>/bin/pyjit -> <build>/python/pyjit).
"""

import argparse
import ast
import concurrent.futures
import glob
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

PYJIT = None   # set from --pyjit
PYTHON = None  # set from --python
PACKAGE_PARENT = None  # <build>/python
LLVM_LINK = "static"  # set from --llvm-link: how the build links LLVM into libpyjit_jit.so
TIMEOUT = 60

MODES = ("off", "interp", "generic", "specialized")


# pyjit.options() when nothing is set.
DEFAULT_OPTIONS = {"mode": "specialized", "threshold": 1000, "stats": None, "log": None, "dump": None,
                   "compile": "background", "deopt_stress": 0, "deopt_limit": 100, "recompile_limit": 4,
                   "perf": False}


def base_env(**extra):
    """os.environ without PYTHON* / PYJIT_* variables, plus PYTHONHASHSEED=0 and `extra`."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PYTHON") and not k.startswith("PYJIT_")}
    env["PYTHONHASHSEED"] = "0"
    for key, value in extra.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


class Run:
    """The outcome of one process."""

    def __init__(self, argv, completed):
        self.argv = argv
        self.returncode = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr if completed.stderr is not None else ""

    def __repr__(self):
        return "Run(%r, rc=%r,\n  stdout=%r,\n  stderr=%r)" % (self.argv, self.returncode, self.stdout,
                                                               self.stderr)


def run(exe, args, *, cwd, env=None, stdin=None, merge_stderr=False):
    argv = [exe] + list(args)
    completed = subprocess.run(
        argv, cwd=cwd, env=base_env() if env is None else env,
        input=stdin if stdin is not None else "",
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT if merge_stderr else subprocess.PIPE,
        universal_newlines=True, errors="surrogateescape", timeout=TIMEOUT)
    return Run(argv, completed)


class TempDirTest(unittest.TestCase):
    """Every test gets a fresh temporary folder, which is also the cwd of the processes it runs."""

    def setUp(self):
        self.dir = os.path.realpath(tempfile.mkdtemp(prefix="pyjit-cli-"))
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)

    def write(self, relpath, text):
        path = os.path.join(self.dir, relpath)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(textwrap.dedent(text))
        return path

    def pyjit(self, args, **kwargs):
        kwargs.setdefault("cwd", self.dir)
        return run(PYJIT, args, **kwargs)

    def python(self, args, **kwargs):
        kwargs.setdefault("cwd", self.dir)
        return run(PYTHON, args, **kwargs)


class DifferentialTests(TempDirTest):

    def compare(self, args, *, env=None, stdin=None, merge_stderr=False, normalise_program=False,
                extra_env=None):
        """Runs `args` under python3.11 and pyjit; the results must be equal.  Returns the pyjit run.

        With normalise_program, each interpreter's own path (what python prints as its program name
        or sys.executable) becomes <PROG>."""
        if env is None:
            env = base_env(**(extra_env or {}))
        # Both at once: the suite spends most of its time waiting for processes to start.
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            runs = list(pool.map(lambda exe: run(exe, args, cwd=self.dir, env=env, stdin=stdin,
                                                 merge_stderr=merge_stderr), (PYTHON, PYJIT)))
        results = []
        for exe, r in zip((PYTHON, PYJIT), runs):
            if normalise_program:
                r.stdout = r.stdout.replace(exe, "<PROG>")
                r.stderr = r.stderr.replace(exe, "<PROG>")
            results.append(r)
        ref, jit = results
        self.assertEqual(jit.stdout, ref.stdout, "stdout differs for %r" % (args,))
        self.assertEqual(jit.stderr, ref.stderr, "stderr differs for %r" % (args,))
        self.assertEqual(jit.returncode, ref.returncode, "exit code differs for %r" % (args,))
        return jit

    # --- how the program is given -------------------------------------------------------------

    def test_script_argv(self):
        self.write("script.py", """\
            import sys
            print(sys.argv)
            print(__name__, __file__)
            """)
        r = self.compare(["script.py", "a", "b c", "-X", "--version"])
        self.assertEqual(r.stdout.splitlines()[0], "['script.py', 'a', 'b c', '-X', '--version']")
        self.assertEqual(r.returncode, 0)

    def test_c_argv(self):
        r = self.compare(["-c", "import sys; print(sys.argv); print(__name__)", "x", "-V", "--help"])
        self.assertEqual(r.stdout, "['-c', 'x', '-V', '--help']\n__main__\n")

    def test_c_reads_stdin(self):
        # pyjit's start-up must not touch the program's stdin.
        r = self.compare(["-c", "import sys; print(repr(sys.stdin.read()))"], stdin="line 1\nline 2\n")
        self.assertEqual(r.stdout, "'line 1\\nline 2\\n'\n")

    def test_m_module(self):
        self.write("mymod.py", """\
            import sys
            print(sys.argv[1:], __name__)
            print(sys.argv[0] == __file__, __spec__.name)
            """)
        r = self.compare(["-m", "mymod", "one", "-V"])
        self.assertEqual(r.stdout, "['one', '-V'] __main__\nTrue mymod\n")

    def test_m_package_main(self):
        self.write("mypkg/__init__.py", "print('init', __name__)\n")
        self.write("mypkg/__main__.py", """\
            import sys
            print('main', __name__, __spec__.name, sys.argv[1:])
            """)
        r = self.compare(["-m", "mypkg", "arg"])
        self.assertEqual(r.stdout, "init mypkg\nmain __main__ mypkg.__main__ ['arg']\n")

    def test_m_missing_module(self):
        r = self.compare(["-m", "no_such_module_here"], normalise_program=True)
        self.assertEqual(r.returncode, 1)
        self.assertIn("No module named no_such_module_here", r.stderr)

    def test_stdin_dash(self):
        r = self.compare(["-", "p", "q"], stdin="import sys\nprint(sys.argv)\nprint(__file__)\n")
        self.assertEqual(r.stdout, "['-', 'p', 'q']\n<stdin>\n")

    def test_stdin_no_args(self):
        r = self.compare([], stdin="import sys\nprint(sys.argv, sys.flags.interactive)\nraise SystemExit(4)\n")
        self.assertEqual(r.stdout, "[''] 0\n")
        self.assertEqual(r.returncode, 4)

    def test_interactive_piped(self):
        # The banner and the >>> / ... prompts go to stderr; expression values to stdout.
        program = "x = 6 * 7\nx\nfor i in range(2):\n    print(i)\n\nimport sys; sys.ps1 = '$ '\n1/0\nx + 1\n"
        r = self.compare(["-i"], stdin=program)
        self.assertEqual(r.stdout, "42\n0\n1\n43\n")
        self.assertIn(">>> ", r.stderr)
        self.assertIn("ZeroDivisionError", r.stderr)

    def test_interactive_after_script(self):
        self.write("script.py", "value = 'from script'\nprint('ran')\n")
        r = self.compare(["-q", "-i", "script.py"], stdin="print(value)\n")
        self.assertEqual(r.stdout, "ran\nfrom script\n")

    def test_interactive_after_exception(self):
        self.write("script.py", "x = 5\nraise ValueError('boom')\n")
        r = self.compare(["-i", "script.py"], stdin="print(x * 2)\n")
        self.assertIn("ValueError: boom", r.stderr)
        self.assertEqual(r.stdout, "10\n")

    def test_quiet_flag(self):
        r = self.compare(["-q", "-i"], stdin="import sys\nsys.flags.quiet\n")
        self.assertEqual(r.stdout, "1\n")
        self.assertNotIn("Type \"help\"", r.stderr)

    def test_pythonstartup_with_interactive(self):
        startup = self.write("startup.py", "print('startup ran'); preset = 11\n")
        r = self.compare(["-i"], stdin="preset * 2\n", extra_env={"PYTHONSTARTUP": startup})
        self.assertEqual(r.stdout, "startup ran\n22\n")

    # --- options ------------------------------------------------------------------------------

    def test_dev_mode(self):
        r = self.compare(["-X", "dev", "-c", textwrap.dedent("""\
            import sys, warnings, faulthandler
            print(sys.flags.dev_mode, sys.warnoptions, faulthandler.is_enabled())
            print(warnings.filters[:3])
            warnings.warn('dev', DeprecationWarning)
            """)])
        self.assertTrue(r.stdout.startswith("True ['default'] True\n"), r.stdout)
        self.assertIn("DeprecationWarning: dev", r.stderr)

    def test_utf8_mode(self):
        code = "import sys, locale; print(sys.flags.utf8_mode, sys.stdout.encoding, locale.getpreferredencoding(False))"
        env = base_env(LC_ALL="C", LANG="C", PYTHONCOERCECLOCALE="0")
        on = self.compare(["-X", "utf8", "-c", code], env=env)
        self.assertEqual(on.stdout, "1 utf-8 utf-8\n")
        off = self.compare(["-X", "utf8=0", "-c", code], env=env)
        self.assertEqual(off.stdout, "0 ascii ANSI_X3.4-1968\n")

    def test_warning_error(self):
        self.write("script.py", """\
            import warnings
            print('before')
            warnings.warn('old stuff', DeprecationWarning)
            print('after')
            """)
        r = self.compare(["-W", "error::DeprecationWarning", "script.py"])
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "before\n")
        self.assertIn("DeprecationWarning: old stuff", r.stderr)

    def test_all_warnings_as_errors(self):
        # Nothing pyjit does at start-up or exit may warn (ResourceWarning, DeprecationWarning, ...).
        r = self.compare(["-W", "error", "-X", "dev", "-X", "warn_default_encoding", "-c", "print('fine')"])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "fine\n", ""))

    def test_warning_ignore(self):
        self.write("script.py", """\
            import warnings, sys
            warnings.warn('user warning')
            print(sys.warnoptions)
            """)
        r = self.compare(["-W", "ignore", "script.py"])
        self.assertEqual(r.stderr, "")
        self.assertEqual(r.stdout, "['ignore']\n")
        shown = self.compare(["script.py"])
        self.assertIn("UserWarning: user warning", shown.stderr)

    def test_unbuffered(self):
        # With stdout and stderr on one pipe, -u keeps their order; without it stdout comes last.
        code = "import sys\nfor i in range(3):\n    print('out', i)\n    print('err', i, file=sys.stderr)\n"
        r = self.compare(["-u", "-c", code], merge_stderr=True)
        self.assertEqual(r.stdout, "out 0\nerr 0\nout 1\nerr 1\nout 2\nerr 2\n")
        buffered = self.compare(["-c", code], merge_stderr=True)
        self.assertEqual(buffered.stdout, "err 0\nerr 1\nerr 2\nout 0\nout 1\nout 2\n")

    def test_optimize(self):
        self.write("script.py", '''\
            """module doc"""
            import sys
            def f():
                """function doc"""
            print(sys.flags.optimize, __debug__, __doc__, f.__doc__)
            try:
                assert False, "assert ran"
            except AssertionError as e:
                print("assert:", e)
            ''')
        self.assertEqual(self.compare(["script.py"]).stdout,
                         "0 True module doc function doc\nassert: assert ran\n")
        self.assertEqual(self.compare(["-O", "script.py"]).stdout, "1 False module doc function doc\n")
        self.assertEqual(self.compare(["-OO", "script.py"]).stdout, "2 False None None\n")

    def test_isolated(self):
        self.write("localmod.py", "print('local module imported')\n")
        code = "import sys; print(sys.flags.isolated, sys.flags.ignore_environment, sys.flags.no_user_site, sys.flags.safe_path); print(sys.path[0]); import localmod"
        env = base_env(PYTHONPATH=self.dir)
        r = self.compare(["-I", "-c", code], env=env)
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stdout.startswith("1 1 1 True\n"), r.stdout)
        self.assertIn("No module named 'localmod'", r.stderr)
        # Without -I the same program imports the module from the cwd.
        r = self.compare(["-c", code], env=env)
        self.assertTrue(r.stdout.endswith("local module imported\n"), r.stdout)

    def test_ignore_environment(self):
        os.makedirs(os.path.join(self.dir, "extra"))
        self.write("extra/envmod.py", "")
        code = "import sys; print(sys.flags.ignore_environment, sys.flags.optimize, any(p.endswith('extra') for p in sys.path))"
        env = base_env(PYTHONPATH=os.path.join(self.dir, "extra"), PYTHONOPTIMIZE="1")
        self.assertEqual(self.compare(["-E", "-c", code], env=env).stdout, "1 0 False\n")
        self.assertEqual(self.compare(["-c", code], env=env).stdout, "0 1 True\n")

    def test_no_site(self):
        code = "import sys; print(sys.flags.no_site, 'site' in sys.modules)"
        self.assertEqual(self.compare(["-S", "-c", code]).stdout, "1 False\n")
        self.assertEqual(self.compare(["-c", code]).stdout, "0 True\n")

    def test_no_user_site(self):
        code = "import sys, site; print(sys.flags.no_user_site, site.ENABLE_USER_SITE)"
        self.assertEqual(self.compare(["-s", "-c", code]).stdout, "1 False\n")

    def test_safe_path(self):
        self.write("script.py", "import sys; print(sys.flags.safe_path, sys.path[0] == __import__('os').path.dirname(__file__))\n")
        self.assertEqual(self.compare(["-P", "script.py"]).stdout, "True False\n")
        self.assertEqual(self.compare(["script.py"]).stdout, "False True\n")

    def test_dont_write_bytecode(self):
        self.write("helper.py", "X = 1\n")
        code = "import sys, os, helper; print(sys.dont_write_bytecode, os.path.exists('__pycache__'))"
        self.assertEqual(self.compare(["-B", "-c", code]).stdout, "True False\n")
        shutil.rmtree(os.path.join(self.dir, "__pycache__"), ignore_errors=True)
        self.assertEqual(self.compare(["-c", code]).stdout, "False True\n")

    def test_bytes_warning(self):
        code = "import sys; print(sys.flags.bytes_warning, b'' == '')"
        r = self.compare(["-b", "-c", code])
        self.assertEqual(r.stdout, "1 False\n")
        self.assertIn("BytesWarning: Comparison between bytes and string", r.stderr)
        r = self.compare(["-bb", "-c", code])
        self.assertEqual(r.returncode, 1)
        self.assertIn("BytesWarning", r.stderr)

    def test_x_options_visible(self):
        code = "import sys; print(sorted(sys._xoptions.items()))"
        r = self.compare(["-X", "faulthandler", "-X", "foo=bar", "-X", "int_max_str_digits=5000", "-c", code])
        self.assertEqual(r.stdout, "[('faulthandler', True), ('foo', 'bar'), ('int_max_str_digits', '5000')]\n")

    # pyjit loads its own package (pyjit, pyjit._pyjit, atexit) after python's start-up and before the
    # program: -v and -X importtime report those imports.  That is a known difference; everything
    # else they report must be python3.11's.
    PYJIT_OWN_IMPORT = re.compile(r"pyjit|\batexit\b")

    def test_verbose_imports(self):
        def lines(text):
            return [re.sub(r"0x[0-9a-f]+", "ADDR", line) for line in text.splitlines()
                    if not self.PYJIT_OWN_IMPORT.search(line)]
        results = [run(exe, ["-v", "-S", "-c", "import json; print('ok')"], cwd=self.dir) for exe in (PYTHON, PYJIT)]
        self.assertEqual(lines(results[1].stderr), lines(results[0].stderr))
        self.assertEqual(results[1].stdout, "ok\n")
        self.assertIn("import 'json'", results[0].stderr)

    def test_importtime(self):
        def modules(text):
            return [line.rsplit("|", 1)[-1].strip() for line in text.splitlines()
                    if line.startswith("import time:") and not self.PYJIT_OWN_IMPORT.search(line)][1:]
        results = [run(exe, ["-X", "importtime", "-c", "import json"], cwd=self.dir) for exe in (PYTHON, PYJIT)]
        self.assertEqual(modules(results[1].stderr), modules(results[0].stderr))
        self.assertIn("json", modules(results[0].stderr))

    def test_frozen_modules_off(self):
        self.compare(["-X", "frozen_modules=off", "-c", "import os, sys; print(os.__file__ is not None, sys.flags)"])

    # --- exit codes and errors ----------------------------------------------------------------

    def test_sys_exit_values(self):
        cases = [("0", 0, ""), ("1", 1, ""), ("3", 3, ""), ("'message'", 1, "message\n"), ("None", 0, ""),
                 ("", 0, "")]
        for value, code, stderr in cases:
            with self.subTest(value=value):
                r = self.compare(["-c", "import sys; print('x'); sys.exit(%s)" % value])
                self.assertEqual((r.returncode, r.stdout, r.stderr), (code, "x\n", stderr))

    def test_stdout_flush_failure_at_exit(self):
        # python3.11 exits with 120 when flushing stdout fails at exit.
        with open("/dev/full", "w") as full:
            results = [subprocess.run([exe, "-c", "print('x')"], cwd=self.dir, env=base_env(), stdout=full,
                                      stderr=subprocess.PIPE, universal_newlines=True, timeout=TIMEOUT)
                       for exe in (PYTHON, PYJIT)]
        self.assertEqual((results[1].returncode, results[1].stderr), (results[0].returncode, results[0].stderr))
        self.assertEqual(results[0].returncode, 120)

    def test_raise_system_exit(self):
        self.write("script.py", "print('before')\nraise SystemExit(7)\n")
        r = self.compare(["script.py"])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (7, "before\n", ""))

    def test_uncaught_exception(self):
        self.write("script.py", """\
            def inner(x):
                return {}[x]

            def outer():
                try:
                    inner('key')
                except KeyError as e:
                    raise RuntimeError('wrapped') from e

            print('start')
            outer()
            """)
        r = self.compare(["script.py"])
        self.assertEqual(r.returncode, 1)
        self.assertIn("RuntimeError: wrapped", r.stderr)
        self.assertIn("The above exception was the direct cause", r.stderr)
        self.assertIn("return {}[x]\n           ~~^^^", r.stderr)

    def test_uncaught_exception_generic_mode(self):
        # The traceback of compiled code must be python3.11's, column markers included.
        self.write("script.py", """\
            def divide(a, b):
                return a / b

            def run(values):
                total = 0
                for v in values:
                    total += divide(10, v)
                return total

            print(run([1, 2]))
            print(run([1, 0]))
            """)
        ref = self.python(["script.py"])
        for mode in MODES:
            with self.subTest(mode=mode):
                jit = self.pyjit(["-X", "jit=" + mode, "-X", "jit-threshold=0", "script.py"])
                self.assertEqual((jit.returncode, jit.stdout, jit.stderr), (ref.returncode, ref.stdout, ref.stderr))
        self.assertEqual(ref.returncode, 1)
        self.assertIn("ZeroDivisionError", ref.stderr)

    def test_keyboard_interrupt(self):
        self.write("script.py", "print('before', flush=True)\nraise KeyboardInterrupt\n")
        r = self.compare(["script.py"])
        # python3.11 re-raises the signal: killed by SIGINT.
        self.assertEqual(r.returncode, -signal.SIGINT)
        self.assertIn("KeyboardInterrupt", r.stderr)

    def interrupted(self, exe, args):
        """Runs until the program prints 'ready', then sends SIGINT; returns (rc, stdout, stderr)."""
        process = subprocess.Popen([exe] + args, cwd=self.dir, env=base_env(), stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
        try:
            first = process.stdout.readline()
            self.assertEqual(first, "ready\n")
            time.sleep(0.5)  # let print() return and the program reach its sleep or loop
            process.send_signal(signal.SIGINT)
            stdout, stderr = process.communicate(timeout=TIMEOUT)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
        return process.returncode, first + stdout, stderr

    def test_sigint(self):
        # A real SIGINT: while sleeping in C, and in a busy Python loop (where compiled code must
        # check the eval breaker on its backward jumps).
        self.write("sleepy.py", """\
            import time
            def wait():
                print('ready', flush=True)
                time.sleep(30)
            try:
                wait()
            finally:
                print('finally ran')
            """)
        self.write("busy.py", """\
            def spin():
                print('ready', flush=True)
                n = 0
                while True:
                    n += 1
            spin()
            """)
        for script in ("sleepy.py", "busy.py"):
            ref = self.interrupted(PYTHON, [script])
            self.assertEqual(ref[0], -signal.SIGINT)
            for mode in ("off", "generic"):
                with self.subTest(script=script, mode=mode):
                    jit = self.interrupted(PYJIT, ["-X", "jit=" + mode, "-X", "jit-threshold=0", script])
                    self.assertEqual(jit, ref)

    def test_syntax_error(self):
        self.write("bad.py", "print('never')\ndef f(:\n    pass\n")
        r = self.compare(["bad.py"])
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "")
        self.assertIn("SyntaxError", r.stderr)

    def test_syntax_error_c(self):
        r = self.compare(["-c", "x = = 1"])
        self.assertEqual(r.returncode, 1)
        self.assertIn("SyntaxError: invalid syntax", r.stderr)

    def test_missing_script(self):
        r = self.compare(["does_not_exist.py", "arg"], normalise_program=True)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, "<PROG>: can't open file %r: [Errno 2] No such file or directory\n"
                         % os.path.join(self.dir, "does_not_exist.py"))

    def test_directory_without_main(self):
        os.makedirs(os.path.join(self.dir, "pkgdir"))
        r = self.compare(["pkgdir"], normalise_program=True)
        self.assertEqual(r.returncode, 1)
        self.assertIn("can't find '__main__' module", r.stderr)

    def test_unknown_option(self):
        r = self.compare(["-Z"], normalise_program=True)
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith("Unknown option: -Z\nusage: <PROG> "), r.stderr)

    def test_version_after_bad_option(self):
        # python3.11 reads every option before acting on -V/--version: an unknown option, a missing
        # or bad option argument anywhere before the program is a usage error (exit 2) even with -V.
        for args in (["-Z", "-V"], ["-V", "-Z"], ["--foo", "--version"], ["-J", "-V"], ["-V", "-c"],
                     ["-V", "-X"], ["-V", "--check-hash-based-pycs", "bogus"]):
            with self.subTest(args=args):
                r = self.compare(args, normalise_program=True)
                self.assertEqual((r.returncode, r.stdout), (2, ""))
                self.assertIn("usage: <PROG>", r.stderr)

    def test_help(self):
        for flag in ("-h", "--help", "-?"):
            with self.subTest(flag=flag):
                r = self.compare([flag], normalise_program=True)
                self.assertEqual(r.returncode, 0)
                self.assertTrue(r.stdout.startswith("usage: <PROG> [option] ..."), r.stdout[:100])

    def test_help_with_version(self):
        # python3.11 handles -h/--help as soon as it sees it; -V is only acted on after all options.
        for args in (["--help", "--version"], ["-V", "-h"], ["-Vh"]):
            with self.subTest(args=args):
                r = self.compare(args, normalise_program=True)
                self.assertEqual(r.returncode, 0)
                self.assertTrue(r.stdout.startswith("usage: <PROG>"), r.stdout[:100])

    def test_missing_option_argument(self):
        r = self.compare(["-c"], normalise_program=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("Argument expected for the -c option", r.stderr)

    # --- the interpreter state a program sees -------------------------------------------------

    STATE_CODE = textwrap.dedent("""\
        import json, sys
        here = sys.argv[1] if len(sys.argv) > 1 else None
        print(json.dumps({
            "path": [p for p in sys.path if p != here],
            "path0": sys.path[0],
            "flags": repr(sys.flags),
            "prefix": [sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix, sys.platlibdir],
            "orig_argv_tail": sys.orig_argv[1:],
            "argv": sys.argv,
            "main_keys": sorted(k for k in vars(sys.modules['__main__']) if k != 'here'),
            "stdio": [sys.stdin.encoding, sys.stdout.encoding, sys.stderr.encoding,
                      sys.stdout.line_buffering, sys.stderr.errors],
            "recursionlimit": sys.getrecursionlimit(),
            "switchinterval": sys.getswitchinterval(),
            "trace": [sys.gettrace() is None, sys.getprofile() is None],
            "warnoptions": sys.warnoptions,
            "xoptions": sys._xoptions,
        }, indent=1, sort_keys=True))
        """)

    def check_state(self, args, script_dir=None):
        r = self.compare(args)
        state = json.loads(r.stdout)
        if script_dir is not None:
            self.assertEqual(state["path0"], script_dir)
        return state

    def test_state_script(self):
        self.write("script.py", self.STATE_CODE)
        state = self.check_state(["script.py", self.dir], script_dir=self.dir)
        self.assertEqual(state["orig_argv_tail"], ["script.py", self.dir])
        self.assertNotIn(self.dir, state["path"])

    def test_state_script_in_subdir(self):
        self.write("sub/script.py", self.STATE_CODE)
        sub = os.path.join(self.dir, "sub")
        self.check_state(["sub/script.py", sub], script_dir=sub)

    def test_state_c(self):
        state = self.check_state(["-c", self.STATE_CODE])
        self.assertEqual(state["path0"], "")

    def test_state_m(self):
        self.write("statemod.py", self.STATE_CODE)
        state = self.check_state(["-m", "statemod", self.dir], script_dir=self.dir)
        self.assertEqual(state["orig_argv_tail"], ["-m", "statemod", self.dir])

    def test_state_options(self):
        self.write("script.py", self.STATE_CODE)
        state = self.check_state(["-O", "-s", "-B", "-Wdefault", "-X", "utf8", "script.py", self.dir])
        self.assertIn("optimize=1", state["flags"])

    def test_state_isolated(self):
        self.write("script.py", self.STATE_CODE)
        state = self.check_state(["-I", "script.py", self.dir])
        self.assertNotIn(self.dir, state["path"] + [state["path0"]])
        self.assertIn("isolated=1", state["flags"])

    def test_state_stdin(self):
        r = self.compare(["-", self.dir], stdin=self.STATE_CODE)
        self.assertEqual(json.loads(r.stdout)["argv"], ["-", self.dir])

    def test_orig_argv(self):
        code = "import sys; print(sys.orig_argv[1:]); print(sys.orig_argv[0] == sys.executable)"
        r = self.compare(["-X", "dev", "-c", code, "z"])
        self.assertEqual(r.stdout.splitlines()[0], "['-X', 'dev', '-c', %r, 'z']" % code)

    def test_sys_executable(self):
        r = self.compare(["-c", "import sys; print(sys.executable); print(sys.orig_argv[0])"],
                         normalise_program=True)
        self.assertEqual(r.stdout, "<PROG>\n<PROG>\n")


class PyjitOptionTests(TempDirTest):

    def options_of(self, args=(), env=None):
        # No imports beyond pyjit itself: at threshold 0 everything that runs gets compiled.
        r = self.pyjit(list(args) + ["-c", "import pyjit; print(pyjit.options())"], env=env)
        self.assertEqual((r.returncode, r.stderr), (0, ""), r)
        return ast.literal_eval(r.stdout)

    def assert_usage_error(self, r, *needles):
        self.assertEqual(r.returncode, 2, r)
        self.assertEqual(r.stdout, "", r)
        lines = r.stderr.splitlines()
        self.assertEqual(len(lines), 1, r)
        self.assertTrue(lines[0].startswith("pyjit: error: "), r)
        for needle in needles:
            self.assertIn(needle, lines[0])

    def test_modes_accepted(self):
        for mode in MODES:
            with self.subTest(mode=mode):
                r = self.pyjit(["-X", "jit=" + mode, "-c",
                                "import pyjit; print(pyjit.options()['mode'], pyjit.is_enabled())"])
                self.assertEqual((r.returncode, r.stderr), (0, ""))
                self.assertEqual(r.stdout, "%s %s\n" % (mode, mode != "off"))

    def test_default_options(self):
        self.assertEqual(self.options_of(), DEFAULT_OPTIONS)

    def test_bad_mode(self):
        r = self.pyjit(["-X", "jit=fast", "-c", "print('ran')"])
        self.assert_usage_error(r, "fast", "off", "interp", "generic", "specialized")

    def test_bad_threshold(self):
        for value in ("-1", "abc", "", "1.5", "99999999999999999999999"):
            with self.subTest(value=value):
                r = self.pyjit(["-X", "jit-threshold=" + value, "-c", "print('ran')"])
                self.assert_usage_error(r, "non-negative integer")

    def test_threshold_accepted(self):
        self.assertEqual(self.options_of(["-X", "jit-threshold=0"])["threshold"], 0)
        self.assertEqual(self.options_of(["-X", "jit-threshold=25"])["threshold"], 25)

    def test_unknown_jit_option(self):
        r = self.pyjit(["-X", "jit-bogus", "-c", "print('ran')"])
        self.assert_usage_error(r, "jit-bogus", "-X jit,", "-X jit-threshold", "-X jit-stats", "-X jit-log",
                                "-X jit-dump")

    def test_compile_timing(self):
        self.assertEqual(self.options_of(["-X", "jit-compile=sync"])["compile"], "sync")
        self.assertEqual(self.options_of(env=base_env(PYJIT_COMPILE="sync"))["compile"], "sync")
        r = self.pyjit(["-X", "jit-compile=later", "-c", "print('ran')"])
        self.assert_usage_error(r, "-X jit-compile", "later", "background or sync")

    def test_underscore_typo_is_rejected(self):
        r = self.pyjit(["-X", "jit_threshold=5", "-c", "print('ran')"])
        self.assert_usage_error(r, "-X jit_threshold", "did you mean -X jit-threshold?")

    def test_value_required(self):
        for option in ("jit", "jit-threshold", "jit-log", "jit-dump", "jit-log="):
            with self.subTest(option=option):
                r = self.pyjit(["-X", option, "-c", "print('ran')"])
                self.assert_usage_error(r, "-X " + option.rstrip("="))

    def test_other_x_options_untouched(self):
        # Python's own -X options and unknown non-jit ones are python3.11's business.
        r = self.pyjit(["-X", "jitter", "-X", "justice=1", "-c", "import sys; print(sorted(sys._xoptions))"])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "['jitter', 'justice']\n", ""))

    def test_environment_bad_mode(self):
        r = self.pyjit(["-c", "print('ran')"], env=base_env(PYJIT_MODE="bogus"))
        self.assert_usage_error(r, "PYJIT_MODE", "bogus", "off", "interp", "generic", "specialized")

    def test_environment_bad_threshold(self):
        r = self.pyjit(["-c", "print('ran')"], env=base_env(PYJIT_THRESHOLD="-5"))
        self.assert_usage_error(r, "PYJIT_THRESHOLD", "non-negative integer")

    def test_environment_ignored_with_E_and_I(self):
        env = base_env(PYJIT_MODE="bogus", PYJIT_THRESHOLD="x", PYJIT_LOG="/nonexistent/dir/log")
        for flag in ("-E", "-I"):
            with self.subTest(flag=flag):
                options = self.options_of([flag], env=env)
                self.assertEqual((options["mode"], options["threshold"], options["log"]),
                                 ("specialized", 1000, None))

    def test_x_applies_with_E_and_I(self):
        for flag in ("-E", "-I"):
            with self.subTest(flag=flag):
                options = self.options_of([flag, "-X", "jit=generic", "-X", "jit-threshold=3"],
                                          env=base_env(PYJIT_MODE="interp"))
                self.assertEqual((options["mode"], options["threshold"]), ("generic", 3))

    def test_empty_environment_variable_is_unset(self):
        # python3.11 treats an empty PYTHON* variable as unset (`PYTHONOPTIMIZE= python ...`);
        # `PYJIT_LOG= pyjit prog.py` should likewise mean "no log", not an error.
        for variable in ("PYJIT_MODE", "PYJIT_THRESHOLD", "PYJIT_STATS", "PYJIT_LOG", "PYJIT_DUMP"):
            with self.subTest(variable=variable):
                options = self.options_of(env=base_env(**{variable: ""}))
                self.assertEqual(options, DEFAULT_OPTIONS)

    def test_environment_applies(self):
        env = base_env(PYJIT_MODE="generic", PYJIT_THRESHOLD="7")
        options = self.options_of(env=env)
        self.assertEqual((options["mode"], options["threshold"]), ("generic", 7))

    def test_x_wins_over_environment(self):
        env = base_env(PYJIT_MODE="generic", PYJIT_THRESHOLD="7")
        options = self.options_of(["-X", "jit=off", "-X", "jit-threshold=9"], env=env)
        self.assertEqual((options["mode"], options["threshold"]), ("off", 9))

    def test_stats_to_stderr_after_program_output(self):
        self.write("script.py", """\
            import atexit, sys
            def f(x):
                return x + 1
            for i in range(5):
                f(i)
            atexit.register(lambda: print('program atexit', file=sys.stderr))
            print('program stdout')
            print('program stderr', file=sys.stderr)
            """)
        r = self.pyjit(["-X", "jit-stats", "script.py"])
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, "program stdout\n")
        self.assertTrue(r.stderr.startswith("program stderr\nprogram atexit\npyjit stats: "), r.stderr)
        self.assertRegex(r.stderr, r"\n +5 +\w+ +f \(.*script\.py:2\)\n")

    def test_stats_after_program_output_same_pipe(self):
        # With stdout and stderr on one pipe (`2>&1`), the summary must come after everything the
        # program printed, including its buffered stdout, however the program was given.
        self.write("script.py", "print('program stdout')\n")
        self.write("mod.py", "print('program stdout')\n")
        for args in (["script.py"], ["-c", "print('program stdout')"], ["-m", "mod"], ["-"]):
            with self.subTest(args=args):
                r = self.pyjit(["-X", "jit-stats"] + args, merge_stderr=True, stdin="print('program stdout')\n")
                self.assertEqual(r.returncode, 0)
                self.assertTrue(r.stdout.startswith("program stdout\npyjit stats: "), r.stdout[:200])

    def test_stats_with_exit_code(self):
        r = self.pyjit(["-X", "jit-stats", "-c", "import sys; sys.exit(5)"])
        self.assertEqual(r.returncode, 5)
        self.assertIn("pyjit stats: ", r.stderr)

    def test_stats_after_traceback(self):
        self.write("script.py", "def f():\n    raise ValueError('bad')\nf()\n")
        r = self.pyjit(["-X", "jit-stats", "script.py"])
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith("Traceback (most recent call last):\n"), r.stderr)
        traceback_end = r.stderr.index("ValueError: bad\n")
        self.assertGreater(r.stderr.index("pyjit stats: "), traceback_end)

    def test_stats_values(self):
        code = ["-c", "print('ran')"]
        self.assertEqual(self.pyjit(["-X", "jit-stats=0"] + code).stderr, "")
        self.assertTrue(self.pyjit(["-X", "jit-stats=1"] + code).stderr.startswith("pyjit stats: "))
        r = self.pyjit(code, env=base_env(PYJIT_STATS="1"))
        self.assertTrue(r.stderr.startswith("pyjit stats: mode=specialized threshold=1000\n"), r.stderr)
        r = self.pyjit(["-X", "jit-stats=0"] + code, env=base_env(PYJIT_STATS="1"))
        self.assertEqual((r.stdout, r.stderr), ("ran\n", ""))

    def test_stats_off_by_default(self):
        r = self.pyjit(["-c", "print(1)"])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1\n", ""))

    PROGRAM = textwrap.dedent("""\
        def add(a, b):
            return a + b

        def loop(n):
            total = 0
            for i in range(n):
                total = add(total, i)
            return total

        def gen(n):
            for i in range(n):
                yield i

        async def coro():
            return 0

        def drive(c):
            try:
                c.send(None)
            except StopIteration as stop:
                return stop.value

        print(loop(10), sum(gen(4)) + drive(coro()))
        """)

    def read_stats(self, extra_args):
        self.write("prog.py", self.PROGRAM)
        stats_file = os.path.join(self.dir, "stats.json")
        r = self.pyjit(["-X", "jit-stats=" + stats_file] + extra_args + ["prog.py"])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "45 6\n", ""))
        with open(stats_file, encoding="utf-8") as f:
            return json.load(f)

    def test_stats_file_schema(self):
        stats = self.read_stats([])
        for key in ("mode", "threshold", "calls", "code_objects", "functions", "fallbacks", "compile"):
            self.assertIn(key, stats)
        self.assertEqual((stats["mode"], stats["threshold"]), ("specialized", 1000))
        self.assertIsInstance(stats["functions"], list)
        self.assertIsInstance(stats["fallbacks"], dict)
        self.assertEqual(set(stats["compile"]) >= {"count", "total_ms", "p50_ms", "p95_ms"}, True)
        for function in stats["functions"]:
            for key in ("qualname", "filename", "firstlineno", "calls", "tier"):
                self.assertIn(key, function)
        add = [f for f in stats["functions"] if f["qualname"] == "add"]
        self.assertEqual(len(add), 1, stats["functions"])
        self.assertEqual((add[0]["calls"], add[0]["firstlineno"], add[0]["tier"]), (10, 1, "interpreter"))
        self.assertEqual(os.path.basename(add[0]["filename"]), "prog.py")
        self.assertGreaterEqual(stats["calls"], 10 + 1 + 1)
        self.assertEqual(stats["compile"]["count"], 0)

    def test_stats_file_generic_threshold_0(self):
        stats = self.read_stats(["-X", "jit=generic", "-X", "jit-threshold=0"])
        by_name = {f["qualname"]: f for f in stats["functions"] if f["filename"].endswith("prog.py")}
        self.assertEqual(by_name["add"]["tier"], "compiled", by_name)
        self.assertEqual(by_name["loop"]["tier"], "compiled", by_name)
        self.assertEqual(by_name["gen"]["tier"], "compiled", by_name)
        self.assertEqual(by_name["coro"]["tier"], "unsupported", by_name)
        reason = by_name["coro"].get("fallback_reason")
        self.assertIn("coroutine", reason)
        self.assertIn(reason, stats["fallbacks"])
        self.assertGreater(stats["compile"]["count"], 0)
        self.assertGreater(stats["compile"]["total_ms"], 0)
        self.assertLessEqual(stats["compile"]["p50_ms"], stats["compile"]["p95_ms"])
        self.assertLessEqual(stats["compile"]["latency_p50_ms"], stats["compile"]["latency_p95_ms"])
        # Every compile waits at least its own compile time, so the order statistics compare too.
        self.assertGreaterEqual(stats["compile"]["latency_p50_ms"], stats["compile"]["p50_ms"])

    def test_stats_file_unwritable(self):
        target = os.path.join(self.dir, "afile")
        self.write("afile", "")
        r = self.pyjit(["-X", "jit-stats=" + os.path.join(target, "stats.json"), "-c", "print('ran')"])
        # Either refused up front (exit 2) or reported at exit; never silently lost.
        self.assertIn("pyjit", r.stderr)
        self.assertIn(os.path.join(target, "stats.json"), r.stderr)

    def test_event_log(self):
        self.write("prog.py", self.PROGRAM)
        log = os.path.join(self.dir, "events.jsonl")
        r = self.pyjit(["-X", "jit=generic", "-X", "jit-threshold=0", "-X", "jit-log=" + log, "prog.py"])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "45 6\n", ""))
        with open(log, encoding="utf-8") as f:
            events = [json.loads(line) for line in f]
        self.assertGreaterEqual(len(events), 2)
        self.assertEqual(events[0]["event"], "start")
        self.assertEqual(events[0]["mode"], "generic")
        self.assertEqual(events[0]["threshold"], 0)
        self.assertEqual(events[-1]["event"], "exit")
        self.assertEqual([e["event"] for e in events].count("start"), 1)
        stamps = [e["ts"] for e in events]
        self.assertEqual(stamps, sorted(stamps))
        compiles = {e["qualname"]: e for e in events if e["event"] == "compile"}
        self.assertIn("add", compiles)
        self.assertEqual((compiles["add"]["line"], compiles["add"]["tier"]), (1, "generic"))
        self.assertFalse(compiles["add"]["background"])  # threshold 0 compiles at the first call
        self.assertGreater(compiles["add"]["ms"], 0)
        self.assertGreaterEqual(compiles["add"]["latency_ms"], compiles["add"]["ms"])
        self.assertEqual(compiles["gen"]["tier"], "generic")  # generators are compiled, coroutines not
        gave_up = {e["qualname"]: e for e in events if e["event"] == "give-up"}
        self.assertIn("coroutine", gave_up["coro"]["reason"])
        self.assertNotIn("gen", gave_up)

    def test_background_compile_events(self):
        # Above threshold 0, hot code compiles on the background thread while the program goes on.
        self.write("prog.py", """\
            def add(a, b):
                return a + b
            total = 0
            for i in range(200000):
                total = add(total, i)
            print(total)
            """)
        log = os.path.join(self.dir, "events.jsonl")
        r = self.pyjit(["-X", "jit=generic", "-X", "jit-threshold=10", "-X", "jit-log=" + log, "prog.py"])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "19999900000\n", ""))
        with open(log, encoding="utf-8") as f:
            events = [json.loads(line) for line in f]
        compiles = [e for e in events if e["event"] == "compile" and e["qualname"] == "add"]
        self.assertEqual(len(compiles), 1, events)
        self.assertTrue(compiles[0]["background"])

    def test_event_log_shared_with_child_process(self):
        # PYJIT_LOG is inherited by a child started with sys.executable (test runners, build tools
        # do this): the child must not corrupt the parent's log; every line stays valid JSON and the
        # parent's own start and exit events are there.
        self.write("parent.py", """\
            import os, subprocess, sys
            print(os.getpid())
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            """)
        log = os.path.join(self.dir, "events.jsonl")
        r = self.pyjit(["parent.py"], env=base_env(PYJIT_LOG=log))
        self.assertEqual((r.returncode, r.stderr), (0, ""), r)
        parent = int(r.stdout)
        with open(log, encoding="utf-8", errors="replace") as f:
            text = f.read()
        events = []
        for line in text.splitlines():
            try:
                events.append(json.loads(line))
            except ValueError:
                self.fail("not a JSON line: %r in\n%s" % (line, text))
        self.assertIn({"event": "start", "pid": parent},
                      [{"event": e["event"], "pid": e.get("pid")} for e in events if e["event"] == "start"], text)
        self.assertEqual(events[-1]["event"], "exit", text)

    def test_exit_during_background_compile(self):
        # The program ends while a big function is (most likely) still being compiled in the background.
        # Without stats or a log, the executable does not wait for that compile (it leaves with _exit()):
        # nothing the program writes may be lost, the exit status is the program's, and nothing crashes,
        # whether or not the compile had finished. sys.exit() in a script exits from inside CPython
        # (Py_Exit), a return from main the other way: both are covered.
        body = "\n".join("    x = (x * %d + %d) %% 1000003" % (i % 97 + 1, i) for i in range(800))
        self.write("prog.py", "import sys\ndef big(x):\n%s\n    return x\n"
                              "print(big(1), big(2))\nsys.stdout.write('unflushed')\nsys.exit(5)\n" % body)
        self.write("returns.py", "def big(x):\n%s\n    return x\nprint(big(1), big(2))\n" % body)
        for script, status in (("prog.py", 5), ("returns.py", 0)):
            expected = self.python([script])
            self.assertEqual(expected.returncode, status, expected)
            for mode in ("generic", "specialized"):
                for attempt in range(3):
                    with self.subTest(script=script, mode=mode, attempt=attempt):
                        r = self.pyjit(["-X", "jit=" + mode, "-X", "jit-threshold=1", script])
                        self.assertEqual((r.returncode, r.stdout, r.stderr), (status, expected.stdout, ""), r)
        # With a log (or stats), exit waits: the log accounts for every compile the program asked for.
        log = os.path.join(self.dir, "events.jsonl")
        r = self.pyjit(["-X", "jit=generic", "-X", "jit-threshold=1", "-X", "jit-log=" + log, "prog.py"])
        self.assertEqual((r.returncode, r.stderr), (5, ""), r)
        with open(log, encoding="utf-8") as f:
            events = [json.loads(line) for line in f]
        self.assertEqual(events[-1]["event"], "exit", events)
        self.assertIn("big", [e["qualname"] for e in events if e["event"] == "compile"])

    def test_event_log_unwritable(self):
        self.write("afile", "")
        path = os.path.join(self.dir, "afile", "log.jsonl")
        r = self.pyjit(["-X", "jit-log=" + path, "-c", "print('ran')"])
        self.assert_usage_error(r, path)

    def test_event_log_unwritable_from_environment(self):
        path = os.path.join(self.dir, "missing-dir", "log.jsonl")
        r = self.pyjit(["-c", "print('ran')"], env=base_env(PYJIT_LOG=path))
        self.assert_usage_error(r, path)

    def test_dump(self):
        self.write("prog.py", self.PROGRAM)
        dump = os.path.join(self.dir, "dump", "nested")
        r = self.pyjit(["-X", "jit=generic", "-X", "jit-threshold=0", "-X", "jit-dump=" + dump, "prog.py"])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "45 6\n", ""))
        self.assertTrue(os.path.isdir(dump))
        files = sorted(os.listdir(dump))
        for name in ("add", "loop"):
            with self.subTest(function=name):
                ll = [f for f in files if f.startswith(name + "-") and f.endswith(".ll") and not f.endswith(".opt.ll")]
                opt = [f for f in files if f.startswith(name + "-") and f.endswith(".opt.ll")]
                self.assertEqual(len(ll), 1, files)
                self.assertEqual(len(opt), 1, files)
                with open(os.path.join(dump, opt[0]), encoding="utf-8") as f:
                    self.assertIn("define", f.read())
        self.assertFalse([f for f in files if f.startswith("coro-")], files)

    def test_perf_jitdump(self):
        # -X jit-perf: LLVM's jitdump file under $JITDUMPDIR/.debug/jit/<run>/jit-PID.dump, with a header
        # perf inject accepts (flags zero) and one record per compiled function, named after it.
        self.write("prog.py", self.PROGRAM)
        env = base_env(JITDUMPDIR=self.dir)
        r = self.pyjit(["-X", "jit=generic", "-X", "jit-threshold=0", "-X", "jit-perf", "prog.py"], env=env)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "45 6\n", ""))
        dumps = glob.glob(os.path.join(self.dir, ".debug", "jit", "*", "jit-*.dump"))
        self.assertEqual(len(dumps), 1, dumps)
        with open(dumps[0], "rb") as f:
            data = f.read()
        magic, version, header_size, _machine, _pad, _pid, _timestamp, flags = struct.unpack_from("<IIIIIIQQ", data)
        self.assertEqual((magic, version, header_size, flags), (0x4A695444, 1, 40, 0))
        for name in (b"py::add (prog.py:", b"py::loop (prog.py:"):
            with self.subTest(function=name):
                self.assertIn(name, data)
        r = self.pyjit(["-X", "jit-perf=yes", "-c", "pass"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("-X jit-perf: 'yes' is not 0 or 1", r.stderr)

    def test_relative_paths_after_chdir(self):
        # Relative -X jit-dump / jit-stats paths name places in the cwd pyjit started in: the
        # dump folder is created there at start, so every dump (and the stats) must land there even
        # when the program changes its directory.
        self.write("prog.py", """\
            import os
            os.mkdir('elsewhere')
            os.chdir('elsewhere')
            def late_function(x):
                return x + 1
            print(late_function(1))
            """)
        r = self.pyjit(["-X", "jit=generic", "-X", "jit-threshold=0", "-X", "jit-dump=dumps",
                        "-X", "jit-stats=stats.json", "prog.py"])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "2\n", ""))
        self.assertTrue(os.path.exists(os.path.join(self.dir, "stats.json")), os.listdir(self.dir))
        dumps = os.listdir(os.path.join(self.dir, "dumps"))
        self.assertTrue([f for f in dumps if f.startswith("late_function")], dumps)

    def test_dump_unwritable(self):
        self.write("afile", "")
        path = os.path.join(self.dir, "afile", "dump")
        r = self.pyjit(["-X", "jit-dump=" + path, "-c", "print('ran')"])
        self.assert_usage_error(r, path)

    def test_pyjit_dis_help(self):
        source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools", "pyjit", "dis.py")
        if not os.path.exists(source):
            self.skipTest("tools/pyjit/dis.py does not exist yet")
        r = self.pyjit(["-m", "pyjit.dis", "--help"])
        self.assertEqual((r.returncode, r.stderr), (0, ""), r)
        self.assertIn("usage:", r.stdout)

    def test_pyjit_dis_file(self):
        source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools", "pyjit", "dis.py")
        if not os.path.exists(source):
            self.skipTest("tools/pyjit/dis.py does not exist yet")
        self.write("prog.py", self.PROGRAM)
        r = self.pyjit(["-m", "pyjit.dis", "prog.py"])
        self.assertEqual((r.returncode, r.stderr), (0, ""), r)
        self.assertIn("BINARY_OP", r.stdout)
        self.assertIn("add", r.stdout)

    def test_generic_program_matches_python(self):
        # A program that exercises the compiled tiers a little; its output must not change.
        self.write("prog.py", self.PROGRAM + textwrap.dedent("""\
            import sys
            class C:
                def __init__(self, v): self.v = v
                def __repr__(self): return 'C(%r)' % (self.v,)
            print(sorted([C(3), C(1)], key=lambda c: c.v), {k: k * 2 for k in 'ab'})
            try:
                add(1, 'x')
            except TypeError as e:
                print('TypeError:', e)
            sys.exit(loop(3))
            """))
        ref = self.python(["prog.py"])
        self.assertEqual(ref.returncode, 3)
        for mode in MODES:
            with self.subTest(mode=mode):
                r = self.pyjit(["-X", "jit=" + mode, "-X", "jit-threshold=0", "prog.py"])
                self.assertEqual((r.returncode, r.stdout, r.stderr), (ref.returncode, ref.stdout, ref.stderr))


class LlvmLoadingTests(TempDirTest):
    """LLVM, inside the jit library, is loaded by the first compile and never at start-up; with the default
    static link no libLLVM.so is mapped at all (docs/architecture.md, "Start-up")."""

    # The file names of the mapped libraries that are the jit library or an LLVM.
    MAPPED = ("import re\n"
              "names = {line.split()[-1].rsplit('/', 1)[-1] for line in open('/proc/self/maps')}\n"
              "print(sorted(n for n in names if 'LLVM' in n or 'pyjit_jit' in n))\n")

    def mapped_after(self, args, source):
        r = self.pyjit(list(args) + ["-c", source + self.MAPPED])
        self.assertEqual((r.returncode, r.stderr), (0, ""), r)
        return ast.literal_eval(r.stdout)

    def test_not_loaded_at_startup(self):
        for mode in MODES:
            with self.subTest(mode=mode):
                self.assertEqual(self.mapped_after(["-X", "jit=" + mode], ""), [])

    def test_loaded_by_the_first_compile(self):
        mapped = self.mapped_after(["-X", "jit-threshold=0"], "def f():\n    return 1\nf()\n")
        self.assertIn("libpyjit_jit.so", mapped)
        if LLVM_LINK == "static":
            self.assertEqual([name for name in mapped if name.startswith("libLLVM")], [], mapped)
        else:
            self.assertTrue(any(name.startswith("libLLVM") for name in mapped), mapped)


class VersionTests(TempDirTest):

    VERSION_RE = re.compile(r"^pyjit \S+ \(CPython 3\.11\.\d+, LLVM 19\.\d+(\.\d+)?\)\n$")

    def test_version(self):
        for args in (["--version"], ["-V"], ["-VV"], ["-E", "-V"], ["-W", "ignore", "--version"]):
            with self.subTest(args=args):
                r = self.pyjit(args)
                self.assertEqual((r.returncode, r.stderr), (0, ""), r)
                self.assertRegex(r.stdout, self.VERSION_RE)

    def test_version_names_running_cpython(self):
        r = self.pyjit(["-V"])
        ref = self.python(["-c", "import platform; print(platform.python_version())"])
        self.assertIn("CPython %s," % ref.stdout.strip(), r.stdout)

    def test_version_matches_package(self):
        r = self.pyjit(["-V"])
        package = self.pyjit(["-c", "import pyjit; print(pyjit.__version__)"])
        self.assertEqual(package.returncode, 0, package)
        self.assertTrue(r.stdout.startswith("pyjit %s " % package.stdout.strip()), (r.stdout, package.stdout))

    def test_version_flag_belongs_to_program(self):
        # After -c CMD, -m MOD or the script, -V is an argument of the program.
        self.write("script.py", "import sys; print(sys.argv[1:])\n")
        for args, expected in ((["-c", "import sys; print(sys.argv[1:])", "-V"], "['-V']\n"),
                               (["script.py", "--version"], "['--version']\n"),
                               (["-", "-V"], "['-V']\n")):
            with self.subTest(args=args):
                r = self.pyjit(args, stdin="import sys; print(sys.argv[1:])\n")
                self.assertEqual((r.returncode, r.stdout, r.stderr), (0, expected, ""))


class PythonApiTests(TempDirTest):
    """`import pyjit` inside a plain python3.11."""

    def api(self, code):
        env = base_env(PYTHONPATH=PACKAGE_PARENT)
        r = self.python(["-c", textwrap.dedent(code)], env=env)
        self.assertEqual((r.returncode, r.stderr), (0, ""), r)
        return r.stdout

    def test_version_string(self):
        out = self.api("""\
            import pyjit
            print(type(pyjit.__version__).__name__, bool(pyjit.__version__), pyjit.__file__)
            """)
        version, nonempty, path = out.split()
        self.assertEqual((version, nonempty), ("str", "True"))
        self.assertTrue(path.startswith(PACKAGE_PARENT), path)

    def test_not_enabled_by_import(self):
        out = self.api("""\
            import pyjit
            print(pyjit.is_enabled())
            """)
        self.assertEqual(out, "False\n")

    def test_enable_generic_compiles(self):
        out = self.api("""\
            import pyjit
            pyjit.enable(mode="generic", threshold=0)
            print(pyjit.is_enabled(), pyjit.options()["mode"], pyjit.options()["threshold"])
            def square(x):
                return x * x
            def total(n):
                return sum(square(i) for i in range(n))
            print(total(10), [square(i) for i in range(3)])
            stats = pyjit.stats()
            tiers = {f["qualname"]: f["tier"] for f in stats["functions"] if f["filename"] == "<string>"}
            print(tiers["square"], tiers["total"], stats["compile"]["count"] > 0)
            print(tiers["total.<locals>.<genexpr>"])
            """)
        self.assertEqual(out, "True generic 0\n285 [0, 1, 4]\ncompiled compiled True\ncompiled\n")

    def test_disable(self):
        out = self.api("""\
            import pyjit
            pyjit.enable(mode="generic", threshold=0)
            def f(): return 1
            f()
            pyjit.disable()
            print(pyjit.is_enabled())
            calls = [x["calls"] for x in pyjit.stats()["functions"] if x["qualname"] == "f"]
            f(); f()
            print(calls == [x["calls"] for x in pyjit.stats()["functions"] if x["qualname"] == "f"])
            pyjit.enable()
            print(pyjit.is_enabled(), pyjit.options()["mode"])
            """)
        self.assertEqual(out, "False\nTrue\nTrue generic\n")

    def test_enable_bad_values(self):
        out = self.api("""\
            import pyjit
            pyjit.enable(mode="generic", threshold=3)
            for kwargs in ({"mode": "bogus"}, {"threshold": -1}, {"threshold": "abc"}, {"log": ""}):
                try:
                    pyjit.enable(**kwargs)
                except ValueError as e:
                    print("ValueError", "expected" in str(e) or "integer" in str(e) or "path" in str(e))
                else:
                    print("accepted", kwargs)
            print(pyjit.options()["mode"], pyjit.options()["threshold"], pyjit.is_enabled())
            try:
                pyjit.enable("generic")
            except TypeError:
                print("TypeError")
            """)
        self.assertEqual(out, "ValueError True\n" * 4 + "generic 3 True\nTypeError\n")

    def test_failed_enable_changes_nothing(self):
        # enable() with a bad setting raises ValueError and leaves the JIT as it was: the event
        # log that was open stays open and still gets its "exit" event.
        self.write("afile", "")
        log = os.path.join(self.dir, "events.jsonl")
        out = self.api("""\
            import pyjit
            pyjit.enable(mode="generic", threshold=0, log=%r)
            before = pyjit.options()
            try:
                pyjit.enable(mode="interp", log=%r)
            except ValueError as e:
                print("ValueError")
            print(pyjit.options() == before)
            """ % (log, os.path.join(self.dir, "afile", "events.jsonl")))
        self.assertEqual(out, "ValueError\nTrue\n")
        with open(log, encoding="utf-8") as f:
            events = [json.loads(line)["event"] for line in f]
        self.assertEqual((events[0], events[-1]), ("start", "exit"), events)

    def test_enable_off(self):
        out = self.api("""\
            import pyjit
            pyjit.enable(mode="off")
            print(pyjit.is_enabled(), pyjit.options()["mode"])
            """)
        self.assertEqual(out, "False off\n")

    def test_stats_keys(self):
        out = self.api("""\
            import pyjit
            s = pyjit.stats()
            print(sorted(k for k in s if k in ("mode", "threshold", "calls", "code_objects", "functions", "fallbacks", "compile")))
            """)
        self.assertEqual(out, "['calls', 'code_objects', 'compile', 'fallbacks', 'functions', 'mode', 'threshold']\n")

    def test_stats_at_exit_from_api(self):
        env = base_env(PYTHONPATH=PACKAGE_PARENT)
        stats_file = os.path.join(self.dir, "s.json")
        r = self.python(["-c", "import pyjit; pyjit.enable(mode='generic', threshold=0, stats=%r)\n"
                               "def f(): return 2\nprint(f())" % stats_file], env=env)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "2\n", ""))
        with open(stats_file, encoding="utf-8") as f:
            stats = json.load(f)
        self.assertIn("f", [x["qualname"] for x in stats["functions"] if x["tier"] == "compiled"])


class Tier1Tests(TempDirTest):
    """Tier 1 (pyjit's interpreter): OSR into compiled code at a loop header, the profile it records
    (pyjit.profile, pyjit -m pyjit.dis --profile)."""

    LOOP_PROGRAM = """\
        def hot(n):
            total = 0
            for i in range(n):
                total += i % 7
            return total
        print(hot(5000))
        """

    def loop_header_offset(self):
        # The loop header is the target of hot's backward jump, as python3.11's dis reports it.
        r = self.python(["-c", "import dis, prog\n"
                               "print(next(i.argval for i in dis.get_instructions(prog.hot)"
                               " if i.opname == 'JUMP_BACKWARD'))"])
        self.assertEqual((r.returncode, r.stderr), (0, ""), r)
        return int(r.stdout.splitlines()[-1])

    def test_osr_enters_compiled_code_at_the_loop_header(self):
        self.write("prog.py", self.LOOP_PROGRAM)
        log = os.path.join(self.dir, "events.jsonl")
        stats_file = os.path.join(self.dir, "stats.json")
        # Compiled synchronously, so that the compile and the OSR entry happen at the same iteration in
        # every run.
        r = self.pyjit(["-X", "jit=generic", "-X", "jit-threshold=100", "-X", "jit-compile=sync",
                        "-X", "jit-log=" + log, "-X", "jit-stats=" + stats_file, "prog.py"])
        ref = self.python(["prog.py"])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (ref.returncode, ref.stdout, ref.stderr))
        with open(log, encoding="utf-8") as f:
            events = [json.loads(line) for line in f]
        compiles = [e for e in events if e["event"] == "compile" and e["qualname"] == "hot"]
        self.assertEqual(len(compiles), 1, events)
        self.assertFalse(compiles[0]["background"], compiles[0])
        self.assertEqual(compiles[0]["calls"], 1)  # hot by its back-edges alone
        self.assertGreater(compiles[0]["back_edges"], 99)
        osr = [e for e in events if e["event"] == "osr"]
        self.assertEqual([(e["qualname"], e["offset"], e["depth"]) for e in osr],
                         [("hot", self.loop_header_offset(), 1)])  # the range iterator is carried over
        with open(stats_file, encoding="utf-8") as f:
            stats = json.load(f)
        self.assertEqual(stats["osr_entries"], 1)
        hot = [x for x in stats["functions"] if x["qualname"] == "hot"][0]
        self.assertEqual((hot["tier"], hot["osr_entries"]), ("compiled", 1))
        # hot's loop ran partly in tier 1: it counted fewer back-edges than iterations.
        self.assertLess(hot["back_edges"], 5000)

    def test_interp_mode_runs_tier1_and_never_compiles(self):
        self.write("prog.py", self.LOOP_PROGRAM)
        stats_file = os.path.join(self.dir, "stats.json")
        r = self.pyjit(["-X", "jit=interp", "-X", "jit-threshold=0", "-X", "jit-stats=" + stats_file, "prog.py"])
        ref = self.python(["prog.py"])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (ref.returncode, ref.stdout, ref.stderr))
        with open(stats_file, encoding="utf-8") as f:
            stats = json.load(f)
        self.assertEqual((stats["compile"]["count"], stats["osr_entries"]), (0, 0))
        hot = [x for x in stats["functions"] if x["qualname"] == "hot"][0]
        self.assertEqual((hot["tier"], hot["calls"], hot["back_edges"]), ("interpreter", 1, 5000))

    def test_profile_api(self):
        self.write("prog.py", """\
            import pyjit

            class A: pass
            class B: pass

            def f(x, y, flag):
                if flag:
                    return x + y
                return len(x.__class__.__name__)

            for i in range(10):
                f(i, 1, True)
            f(1.5, 2, True)
            for value in (A(), B(), 1j, "s", b"b", None):
                f(value, 0, False)
            p = pyjit.profile(f)
            assert p == pyjit.profile(f.__code__)
            print(p["qualname"], p["calls"], p["back_edges"])
            for offset, site in sorted(p["sites"].items()):
                print(site["opname"], site["megamorphic"],
                      site.get("types"), site.get("callees"), site.get("taken"), site.get("not_taken"))
            """)
        r = self.pyjit(["-X", "jit=interp", "prog.py"])
        self.assertEqual(r.stderr, "")
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0], "f 17 0")
        self.assertIn("POP_JUMP_FORWARD_IF_FALSE False None None 6 11", lines)
        self.assertIn("BINARY_OP False [[('int', 10), ('float', 1)], [('int', 11)]] None None None", lines)
        self.assertIn("CALL False None [('len', 6)] None None", lines)
        # LOAD_ATTR saw six owner types: more than a site keeps.
        self.assertIn("LOAD_ATTR True", [" ".join(line.split()[:2]) for line in lines])

    def test_dis_profile(self):
        self.write("prog.py", """\
            def work(n):
                total = 0
                for i in range(n):
                    total += i * 2
                return total
            print(work(30))
            """)
        r = self.pyjit(["-X", "jit=interp", "-m", "pyjit.dis", "--profile", "prog.py"])
        self.assertEqual((r.returncode, r.stderr), (0, ""), r)
        self.assertEqual(r.stdout.splitlines()[0], "870")
        self.assertIn("Profile of work: 1 calls, 30 back-edges, 0 loop entries into compiled code", r.stdout)
        def row(opname):
            return next(line for line in r.stdout.splitlines() if opname in line.split())
        self.assertIn("int:30 / int:30", row("BINARY_OP"))  # the profile column, beside the instruction
        self.assertIn("range_iterator:31", row("FOR_ITER"))


def main():
    global PYJIT, PYTHON, PACKAGE_PARENT, LLVM_LINK
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], add_help=False)
    parser.add_argument("--pyjit", required=True, help="the pyjit executable")
    parser.add_argument("--python", required=True, help="the reference python3.11 (the real binary)")
    parser.add_argument("--llvm-link", choices=("static", "shared"), default="static",
                        help="how the build links LLVM (cmake's PYJIT_LLVM_LINK)")
    args, rest = parser.parse_known_args()
    PYJIT = os.path.abspath(args.pyjit)
    PYTHON = os.path.abspath(args.python)
    LLVM_LINK = args.llvm_link
    PACKAGE_PARENT = os.path.normpath(os.path.join(os.path.dirname(os.path.realpath(PYJIT)), "..", "python"))
    for path in (PYJIT, PYTHON):
        if not os.access(path, os.X_OK):
            sys.exit("test_cli.py: %s is not an executable" % path)
    unittest.main(argv=[sys.argv[0]] + rest)


if __name__ == "__main__":
    main()
