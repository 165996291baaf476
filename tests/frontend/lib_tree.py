#!/usr/bin/env python3.11
"""Differential test of pyjit's bytecode frontend against CPython's own dis module.

Compiles every .py file of the running CPython's standard library (sysconfig's "stdlib" path, Lib/test
and its subfolders included; site-packages is not part of CPython's Lib/ and is left out) and, for every
code object reached through co_consts, checks that

  * pyjit.dis.instructions(code) equals [(offset, opname, arg, jump target, starts_line)] of
    dis.get_instructions(code), EXTENDED_ARG entries included;
  * pyjit.dis.exception_table(code) equals dis._parse_exception_table(code);
  * pyjit.dis.positions(code) equals list(code.co_positions());
  * pyjit.dis.max_stack_depth(code) equals code.co_stacksize.

Files that do not compile under this Python (Python 2 test data, deliberately bad syntax) are skipped and
counted. --shard K/N checks every N-th file starting at the K-th, so that N processes share the tree.
Mismatches are printed with file, qualname and offset; any mismatch fails the test (exit 1).
"""

import argparse
import dis
import os
import sys
import sysconfig
import time
import warnings

import pyjit.dis as frontend

MAX_REPORTED = 50


def stdlib_files(root):
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if d not in ("site-packages", "__pycache__"))
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(directory, name)


def code_objects(code):
    stack = [code]
    while stack:
        code = stack.pop()
        yield code
        stack.extend(const for const in reversed(code.co_consts) if isinstance(const, type(code)))


def expected_instructions(code):
    result = []
    for instruction in dis.get_instructions(code):
        jump = instruction.argval if instruction.opcode in dis.hasjrel or instruction.opcode in dis.hasjabs else None
        result.append((instruction.offset, instruction.opname, instruction.arg, jump, instruction.starts_line))
    return result


def first_difference(actual, expected):
    for index, (mine, theirs) in enumerate(zip(actual, expected)):
        if mine != theirs:
            return index, mine, theirs
    index = min(len(actual), len(expected))
    return index, actual[index:index + 1], expected[index:index + 1]


class Checker:
    def __init__(self):
        self.mismatches = 0
        self.codes = 0

    def report(self, path, code, what, detail):
        self.mismatches += 1
        if self.mismatches <= MAX_REPORTED:
            print("MISMATCH %s: %s (line %d): %s: %s" % (path, code.co_qualname, code.co_firstlineno, what, detail))

    def check(self, path, code):
        self.codes += 1
        try:
            instructions = frontend.instructions(code)
            table = frontend.exception_table(code)
            positions = frontend.positions(code)
            depth = frontend.max_stack_depth(code)
        except ValueError as error:
            self.report(path, code, "frontend error", error)
            return
        expected = expected_instructions(code)
        if instructions != expected:
            index, mine, theirs = first_difference(instructions, expected)
            offset = expected[index][0] if index < len(expected) else "end"
            self.report(path, code, "instructions", "at offset %s: pyjit %s, dis %s" % (offset, mine, theirs))
        expected_table = [tuple(entry) for entry in dis._parse_exception_table(code)]
        if table != expected_table:
            index, mine, theirs = first_difference(table, expected_table)
            self.report(path, code, "exception table", "entry %d: pyjit %s, dis %s" % (index, mine, theirs))
        expected_positions = list(code.co_positions())
        if positions != expected_positions:
            index, mine, theirs = first_difference(positions, expected_positions)
            self.report(path, code, "positions", "at offset %d: pyjit %s, co_positions %s" % (2 * index, mine, theirs))
        if depth != code.co_stacksize:
            self.report(path, code, "max stack depth", "pyjit %d, co_stacksize %d" % (depth, code.co_stacksize))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shard", default="1/1", help="K/N: check files K, K+N, K+2N, ... (1-based)")
    parser.add_argument("--root", default=sysconfig.get_paths()["stdlib"], help="the tree to check")
    args = parser.parse_args()
    shard, shards = (int(part) for part in args.shard.split("/"))
    warnings.simplefilter("ignore")  # SyntaxWarnings of test data are not ours to report
    started = time.monotonic()
    checker = Checker()
    files = skipped = 0
    for number, path in enumerate(stdlib_files(args.root)):
        if number % shards != shard - 1:
            continue
        try:
            with open(path, "rb") as file:
                top = compile(file.read(), path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError, MemoryError, OverflowError):
            skipped += 1
            continue
        files += 1
        for code in code_objects(top):
            checker.check(path, code)
    elapsed = time.monotonic() - started
    print("lib_tree %s of %s: %d files checked, %d skipped (do not compile under %d.%d), %d code objects, "
          "%d mismatches, %.1f s" % (args.shard, args.root, files, skipped, *sys.version_info[:2], checker.codes,
                                     checker.mismatches, elapsed))
    return 1 if checker.mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
