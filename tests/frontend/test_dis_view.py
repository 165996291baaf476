#!/usr/bin/env python3.11
"""Tests of pyjit.dis, the Python view of pyjit's bytecode frontend, and of `pyjit -m pyjit.dis`.

Run with build/python on PYTHONPATH; PYJIT_EXECUTABLE names build/bin/pyjit (ctest sets both).
"""

import dis
import io
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import unittest

import pyjit.dis as frontend

SAMPLE = textwrap.dedent("""\
    import sys

    def f(x):
        try:
            for i in range(x):
                if i > 3:
                    break
        except ValueError as e:
            return 3
        finally:
            print("done")

    async def g(x):
        async with x as y:
            return [z async for z in y]

    def gen(n):
        yield from range(n)

    def m(p):
        match p:
            case [1, *rest]:
                return rest
            case {"a": b}:
                return b
    """)


def sample_codes():
    stack = [compile(SAMPLE, "sample.py", "exec")]
    while stack:
        code = stack.pop()
        yield code
        stack.extend(c for c in code.co_consts if isinstance(c, type(code)))


def dis_rows(code):
    return [(i.offset, i.opname, i.arg, i.argval if i.opcode in dis.hasjrel else None, i.starts_line)
            for i in dis.get_instructions(code)]


class ViewMatchesDis(unittest.TestCase):
    def test_instructions_exception_table_positions_and_depth(self):
        for code in sample_codes():
            with self.subTest(code=code.co_qualname):
                self.assertEqual(frontend.instructions(code), dis_rows(code))
                self.assertEqual(frontend.exception_table(code),
                                 [tuple(entry) for entry in dis._parse_exception_table(code)])
                self.assertEqual(frontend.positions(code), list(code.co_positions()))
                self.assertEqual(frontend.max_stack_depth(code), code.co_stacksize)

    def test_extended_arg_entries_are_listed_like_dis(self):
        source = "def f(x):\n    if x:\n" + "        x = x + 1\n" * 200 + "    return x\n"
        code = compile(source, "long.py", "exec").co_consts[0]
        rows = frontend.instructions(code)
        self.assertIn("EXTENDED_ARG", [row[1] for row in rows])
        self.assertEqual(rows, dis_rows(code))

    def test_functions_and_generators_are_accepted(self):
        def function(a):
            return a + 1
        self.assertEqual(frontend.max_stack_depth(function), function.__code__.co_stacksize)
        self.assertEqual(frontend.instructions(function), dis_rows(function.__code__))

    def test_blocks(self):
        code = next(c for c in sample_codes() if c.co_name == "f")
        blocks = frontend.blocks(code)
        self.assertEqual(blocks[0][0], 0)
        self.assertEqual(blocks[-1][1], len(code.co_code))
        for (start, end, successors, depth), following in zip(blocks, blocks[1:]):
            self.assertEqual(end, following[0])  # blocks tile the code
        starts = {block[0] for block in blocks}
        for start, end, successors, depth in blocks:
            self.assertLess(start, end)
            self.assertTrue(set(successors) <= starts)
        handlers = {entry[2] for entry in frontend.exception_table(code)}
        flow = frontend.control_flow(code)
        self.assertEqual(flow.max_depth, code.co_stacksize)
        exception_targets = {target for block in flow.blocks for target, kind in block.edges if kind == "exception"}
        self.assertEqual(exception_targets, handlers)
        self.assertEqual(flow.depths[0], 0)

    def test_stack_effect(self):
        for name in ("LOAD_CONST", "BUILD_SLICE", "FOR_ITER", "MAKE_FUNCTION", "UNPACK_EX"):
            op = dis.opmap[name]
            for arg in (0, 1, 2, 3, 15, 258):
                for jump in (False, True):
                    self.assertEqual(frontend.stack_effect(op, arg, jump), dis.stack_effect(op, arg, jump=jump))
        self.assertEqual(frontend.stack_effect(dis.opmap["POP_TOP"]), -1)
        with self.assertRaises(ValueError):
            frontend.stack_effect(dis.opmap["POP_TOP"], 1)
        with self.assertRaises(ValueError):
            frontend.stack_effect(dis.opmap["LOAD_CONST"])
        with self.assertRaises(ValueError):
            frontend.stack_effect(4, 0)  # a specialized form, not an opcode of unquickened code


class MalformedCodeIsAValueError(unittest.TestCase):
    def setUp(self):
        def f(x):
            try:
                return x.y
            except AttributeError:
                return None
        self.code = f.__code__

    def assertRejected(self, code, message):
        for view in (frontend.instructions, frontend.exception_table, frontend.max_stack_depth, frontend.blocks):
            with self.assertRaisesRegex(ValueError, message):
                view(code)

    def test_unknown_opcode(self):
        # PyCode_GetCode maps every byte that is no opcode to CACHE (its deopt table has 0 there), so the
        # views check co_code_adaptive first (frontend::checkAdaptiveCode) to name the opcode.
        unknown = next(op for op in range(255, 0, -1) if dis.opname[op].startswith("<"))
        bad = self.code.co_code[:2] + bytes([unknown, 0]) + self.code.co_code[4:]
        self.assertRejected(self.code.replace(co_code=bad), "offset 2: co_code holds the unknown opcode %d" % unknown)

    def test_truncated_caches(self):
        load_global = dis.opmap["LOAD_GLOBAL"]
        code = self.code.replace(co_code=bytes([dis.opmap["RESUME"], 0, load_global, 0, 0, 0]),
                                 co_exceptiontable=b"", co_linetable=b"")
        self.assertRejected(code, "truncated bytecode")

    def test_bad_exception_table(self):
        self.assertRejected(self.code.replace(co_exceptiontable=b"\x01"), "lacks its start marker")

    def test_not_a_code_object(self):
        with self.assertRaises(TypeError):
            frontend.instructions("not code")


class Listing(unittest.TestCase):
    def test_annotation_columns(self):
        out = io.StringIO()
        column = frontend.Column("even", lambda instruction: "yes" if instruction.offset % 4 == 0 else "")
        frontend.Listing(file=out, columns=[column]).code_recursive(compile(SAMPLE, "sample.py", "exec"))
        text = out.getvalue()
        self.assertIn("even", text)
        self.assertIn("yes", text)
        self.assertIn("Code object m", text)

    def test_errors_are_listed_in_place(self):
        code = compile("x = 1", "x.py", "exec")
        out = io.StringIO()
        listing = frontend.Listing(file=out)
        listing.code(code.replace(co_exceptiontable=b"\x01"))
        self.assertIn("error: exception table: entry 0 at byte 0 lacks its start marker", out.getvalue())
        self.assertEqual(listing.failures, 1)


class CommandLine(unittest.TestCase):
    def run_dis(self, *args, executable=None):
        # The listing needs no JIT; with it off, this tests the frontend and the executable, not the tiers.
        interpreter = [executable] if executable else [os.environ.get("PYJIT_EXECUTABLE", "pyjit"), "-X", "jit=off"]
        command = [*interpreter, "-m", "pyjit.dis", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    def test_lists_every_code_object_in_blocks(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "sample.py")
            with open(path, "w") as file:
                file.write(SAMPLE)
            result = self.run_dis(path)
            self.assertEqual(result.returncode, 0, result.stderr)
            for text in ("Code object <module>", "Code object f", "Code object g.<locals>.<listcomp>",
                         "Code object gen", "Code object m", "exception table:", "B0 [0,",
                         "entry depth", "fallthrough", "exception", "max stack depth", "RETURN_GENERATOR"):
                self.assertIn(text, result.stdout)
            same = self.run_dis(path, executable=sys.executable)
            without_addresses = lambda text: re.sub(r"0x[0-9a-f]+", "0x?", text)
            self.assertEqual(without_addresses(same.stdout), without_addresses(result.stdout))

    def test_help(self):
        result = self.run_dis("--help")
        self.assertEqual(result.returncode, 0)
        self.assertIn("usage: pyjit -m pyjit.dis", result.stdout)

    def test_missing_file(self):
        result = self.run_dis("/nonexistent/missing.py")
        self.assertEqual(result.returncode, 1)
        self.assertIn("can't open file '/nonexistent/missing.py'", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_syntax_error(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "bad.py")
            with open(path, "w") as file:
                file.write("def f(:\n    pass\n")
            result = self.run_dis(path)
        self.assertEqual(result.returncode, 1)
        self.assertIn("SyntaxError", result.stderr)
        self.assertIn("bad.py", result.stderr)
        self.assertNotIn("Traceback", result.stderr)


if __name__ == "__main__":
    unittest.main()
