"""pyjit.dis: pyjit's bytecode frontend, seen from Python.

Everything here comes from the C++ frontend (frontend/), run on the pieces of a code object that the
public C API gives (PyCode_GetCode for the unquickened bytecode, co_exceptiontable, co_linetable,
co_firstlineno). Offsets are in bytes, as in the dis module. Malformed bytecode raises ValueError with
the frontend's message.

    instructions(code)     [(offset, opname, arg, jump_target, starts_line)], as dis.get_instructions
                           lists them (EXTENDED_ARG prefixes included)
    exception_table(code)  [(start, end, target, depth, lasti)], as dis._parse_exception_table
    positions(code)        [(line, end_line, column, end_column)] per code unit, as code.co_positions()
    max_stack_depth(code)  the deepest the value stack gets, which is code.co_stacksize
    blocks(code)           [(start, end, successor_starts, entry_depth)] of the control flow graph
    control_flow(code)     the same with edge kinds, reachability and per-instruction depths
    stack_effect(opcode, arg=None, jump=False)   as dis.stack_effect

Run as a program, it lists every code object of a file, grouped in basic blocks:

    pyjit -m pyjit.dis FILE.py

With --profile it first runs FILE (as __main__, the JIT on: mode interp unless the command line chose
one), then lists each function that ran, with the profile pyjit's interpreter recorded (pyjit.profile)
beside each instruction:

    pyjit -m pyjit.dis --profile FILE.py

With --guards it runs FILE in the specialized tier (compiling synchronously; -X jit-threshold=N sets
when), then lists each compiled function with the guards its machine code holds beside each instruction:
the operand types expected, how often the guard ran and how often it failed (one entry per compile that
guarded the instruction):

    pyjit -X jit-threshold=20 -m pyjit.dis --guards FILE.py
"""

import argparse
import collections
import os
import sys
import traceback

from pyjit import _pyjit

__all__ = [
    "Block", "Column", "ControlFlow", "ListedInstruction", "Listing", "blocks", "control_flow",
    "exception_table", "instructions", "main", "max_stack_depth", "positions", "stack_effect",
]

Block = collections.namedtuple("Block", "start end edges depth reachable")
Block.__doc__ = """A basic block: byte offsets [start, end), edges as (successor start, kind) with kind
"fallthrough", "jump" or "exception", the stack depth on entry (None if not analysed) and whether control
from the entry reaches it (dead handlers the compiler left behind have a depth but are not reachable)."""

ControlFlow = collections.namedtuple("ControlFlow", "max_depth blocks depths")
ControlFlow.__doc__ = """The analysis of a code object: max_depth, the Blocks in code order, and depths,
{offset: stack depth before the instruction} for every analysed instruction (EXTENDED_ARG rows included)."""


def _code_of(x):
    """Accepts a code object, or anything with one (functions, methods, generators)."""
    for attribute in ("__func__", "__code__", "gi_code", "cr_code", "ag_code"):
        x = getattr(x, attribute, x)
    return x


def instructions(code):
    return _pyjit.frontend_instructions(_code_of(code))


def exception_table(code):
    return _pyjit.frontend_exception_table(_code_of(code))


def positions(code):
    return _pyjit.frontend_positions(_code_of(code))


def max_stack_depth(code):
    return _pyjit.frontend_max_stack_depth(_code_of(code))


def control_flow(code):
    max_depth, raw_blocks, depths = _pyjit.frontend_analysis(_code_of(code))
    return ControlFlow(max_depth, [Block(*block) for block in raw_blocks], depths)


def blocks(code):
    return [(start, end, tuple(target for target, _ in edges), depth)
            for start, end, edges, depth, _ in _pyjit.frontend_analysis(_code_of(code))[1]]


def stack_effect(opcode, arg=None, jump=False):
    return _pyjit.frontend_stack_effect(opcode, arg, jump)


class _OpcodeTable:
    """opcodes.def, as the frontend compiled it in."""

    def __init__(self):
        table = _pyjit.frontend_opcode_table()
        self.flags = {name: frozenset(flags) for _, name, _, flags in table["opcodes"]}
        self.binary_ops = [symbol for _, symbol in table["binary_ops"]]
        self.compare_ops = table["compare_ops"]


_table = None


def _opcode_table():
    global _table
    if _table is None:
        _table = _OpcodeTable()
    return _table


_MAKE_FUNCTION_FLAGS = ("defaults", "kwdefaults", "annotations", "closure")
_FORMAT_VALUE_CONVERSIONS = ("", "str", "repr", "ascii")


def _name_of_local(code, arg):
    try:
        return code._varname_from_oparg(arg)
    except (AttributeError, IndexError):
        return "?"


def _argument_text(code, opname, arg, jump_target):
    """What the argument means, in the listing's last column."""
    if arg is None:
        return ""
    flags = _opcode_table().flags.get(opname, frozenset())
    try:
        if jump_target is not None:
            return "to %d" % jump_target
        if "Const" in flags:
            return repr(code.co_consts[arg])
        if "Name" in flags:
            if opname == "LOAD_GLOBAL":
                return ("NULL + " if arg & 1 else "") + code.co_names[arg >> 1]
            return code.co_names[arg]
        if "Local" in flags or "Free" in flags:
            return _name_of_local(code, arg)
        if "Compare" in flags:
            return _opcode_table().compare_ops[arg]
        if opname == "BINARY_OP":
            return _opcode_table().binary_ops[arg]
        if opname == "MAKE_FUNCTION":
            return ", ".join(name for bit, name in enumerate(_MAKE_FUNCTION_FLAGS) if arg & (1 << bit))
        if opname == "FORMAT_VALUE":
            return ", ".join(filter(None, (_FORMAT_VALUE_CONVERSIONS[arg & 3], "with format" if arg & 4 else "")))
    except IndexError:
        return "?"
    return ""


ListedInstruction = collections.namedtuple(
    "ListedInstruction", "code offset opname arg jump_target starts_line depth argument_text")
ListedInstruction.__doc__ = """One row of the listing, as handed to annotation Columns. depth is the
stack depth before the instruction (None if not analysed)."""


class Column:
    """An annotation column of the listing, after the stack depth: `text(instruction)` gets a
    ListedInstruction and returns a str ("" for nothing). Later tools (profiles, guards) add these."""

    def __init__(self, header, text, width=None):
        self.header = header
        self.text = text
        self.width = width or len(header)


class Listing:
    """Prints code objects as pyjit's frontend sees them: per basic block its offsets, entry depth and
    successors, then its instructions with line, offset, stack depth, annotation columns and argument."""

    def __init__(self, file=None, columns=()):
        self.file = file if file is not None else sys.stdout
        self.columns = list(columns)
        self.failures = 0

    def print(self, *parts):
        print(*parts, file=self.file)

    def code_recursive(self, code):
        self.code(code)
        for const in code.co_consts:
            if isinstance(const, type(code)):
                self.print()
                self.code_recursive(const)

    def code(self, code):
        self.print("Code object %s (%s, line %d)" % (code.co_qualname, code.co_filename, code.co_firstlineno))
        try:
            rows = instructions(code)
            table = exception_table(code)
            flow = control_flow(code)
        except ValueError as error:
            self.failures += 1
            self.print("  error: %s" % error)
            return
        self.print("  max stack depth %d (co_stacksize %d), %d blocks" % (flow.max_depth, code.co_stacksize,
                                                                           len(flow.blocks)))
        index_of = {block.start: index for index, block in enumerate(flow.blocks)}
        self._exception_table(table, index_of)
        self._blocks(code, rows, table, flow, index_of)

    def _exception_table(self, table, index_of):
        if not table:
            return
        self.print("  exception table:")
        for start, end, target, depth, lasti in table:
            self.print("    [%d, %d) -> %d (B%d)  depth %d%s" % (start, end, target, index_of[target], depth,
                                                               "  lasti" if lasti else ""))

    def _blocks(self, code, rows, table, flow, index_of):
        targets = {row[3] for row in rows if row[3] is not None} | {entry[2] for entry in table}
        row_iter = iter(rows)
        pending = next(row_iter, None)
        self.print(self._row_header())
        for index, block in enumerate(flow.blocks):
            self.print(self._block_header(index, block, index_of))
            while pending is not None and pending[0] < block.end:
                self.print(self._row(code, pending, flow.depths, targets))
                pending = next(row_iter, None)

    def _block_header(self, index, block, index_of):
        depth = "entry depth %d" % block.depth if block.depth is not None else "not analysed"
        if not block.reachable:
            depth += ", unreachable"
        edges = ", ".join("B%d %s" % (index_of[target], kind) for target, kind in block.edges) or "none"
        return "  B%d [%d, %d)  %s  -> %s" % (index, block.start, block.end, depth, edges)

    def _row_header(self):
        extra = "".join("  %-*s" % (column.width, column.header) for column in self.columns)
        return "    %5s  %3s %6s  %5s%s  %s" % ("line", "", "offset", "depth", extra, "instruction")

    def _row(self, code, row, depths, targets):
        offset, opname, arg, jump_target, starts_line = row
        depth = depths.get(offset)
        listed = ListedInstruction(code, offset, opname, arg, jump_target, starts_line, depth,
                                   _argument_text(code, opname, arg, jump_target))
        extra = "".join("  %-*s" % (column.width, column.text(listed)) for column in self.columns)
        instruction = "%-28s %5s" % (opname, "" if arg is None else arg)
        if listed.argument_text:
            instruction += "  (%s)" % listed.argument_text
        return "    %5s  %3s %6d  %5s%s  %s" % (
            "" if starts_line is None else starts_line, ">>" if offset in targets else "", offset,
            "" if depth is None else depth, extra, instruction.rstrip())


def _compile_file(path):
    """The file's module code object, or (message, exit status) the way python reports the failure."""
    try:
        with open(path, "rb") as file:
            source = file.read()
    except OSError as error:
        return None, "pyjit.dis: can't open file %r: [Errno %s] %s" % (path, error.errno, error.strerror)
    try:
        return compile(source, path, "exec", dont_inherit=True), None
    except (SyntaxError, ValueError) as error:
        return None, "".join(traceback.format_exception_only(type(error), error)).rstrip("\n")


def _profile_text(site):
    """One site's profile in a few words: operand types, callees, branch directions."""
    if site is None:
        return ""
    if site["megamorphic"]:
        return "megamorphic"
    if "types" in site:
        text = " / ".join(", ".join("%s:%d" % entry for entry in operand) for operand in site["types"] if operand)
        return text + (" (beyond int64: %d)" % site["long_ints"] if site.get("long_ints") else "")
    if "callees" in site:
        return ", ".join("%s:%d" % entry for entry in site["callees"])
    if "taken" in site:
        return "taken %d/%d" % (site["taken"], site["taken"] + site["not_taken"])
    if site.get("globals_version_changes"):
        return "globals changed %d" % site["globals_version_changes"]
    return ""


def _run_for_profile(code, path, arguments=()):
    """Runs the module code as __main__ would run, the JIT on; returns its exit status."""
    import pyjit

    if not pyjit.is_enabled():
        pyjit.enable(mode="interp")
    return _run_as_main(code, path, arguments)


def _run_for_guards(code, path, arguments=()):
    """Runs the module code in the specialized tier, compiling synchronously (so that what was hot is
    installed when the listing is made) and with guard execution counting on."""
    import pyjit

    settings = {"mode": "specialized", "compile": "sync"}
    options = pyjit.options()
    if options["stats"] is None and options["log"] is None:
        settings["stats"] = os.devnull  # guards count their executions only when stats or the log are on
    pyjit.enable(**settings)
    return _run_as_main(code, path, arguments)


def _run_as_main(code, path, arguments=()):
    """Runs the file's code as `python FILE ARGS...` would: as __main__, with sys.argv[0] the file."""
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
    saved_argv = sys.argv
    sys.argv = [path, *arguments]
    try:
        exec(code, namespace)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    finally:
        sys.argv = saved_argv
        sys.stdout.flush()
    return 0


def _nested_code_objects(code):
    """`code` and every code object nested in it, in source order."""
    pending = [code]
    while pending:
        current = pending.pop(0)
        yield current
        pending.extend(const for const in current.co_consts if isinstance(const, type(code)))


def _ran_code_objects(code):
    """Every code object nested in `code` (itself included) that pyjit saw run, in source order."""
    import pyjit

    reports = ((current, pyjit.profile(current)) for current in _nested_code_objects(code))
    return [(current, report) for current, report in reports if report["calls"] or report["back_edges"]]


def _print_profiles(code, file=None):
    listing = None
    for ran, report in _ran_code_objects(code):
        sites = report["sites"]
        column = Column("profile", lambda row, sites=sites: _profile_text(sites.get(row.offset)), width=30)
        listing = Listing(file=file, columns=[column])
        listing.print()
        listing.print("Profile of %s: %d calls, %d back-edges, %d loop entries into compiled code" % (
            report["qualname"], report["calls"], report["back_edges"], report["osr_entries"]))
        listing.code(ran)
    return listing.failures if listing is not None else 0


def _guards_text(guards):
    """The guards one instruction holds (one per compile that guarded it) in a few words."""
    def what(guard):  # the expected types, or what else the guard checks
        if guard.get("guard", "operand-types") != "operand-types":
            return guard["guard"]
        return ",".join(name or "?" for name in guard["expected"])
    return "; ".join("%s: %d runs, %d failed" % (what(guard), guard["executions"], guard["failures"])
                     for guard in guards)


def _print_guards(code, file=None):
    import pyjit

    functions = {(f["qualname"], f["firstlineno"]): f for f in pyjit.stats()["functions"]}
    listing = None
    for current in _nested_code_objects(code):
        function = functions.get((current.co_qualname, current.co_firstlineno))
        if function is None or not (function["guards"] or function["tier"] == "compiled"):
            continue
        by_offset = collections.defaultdict(list)
        for guard in function["guards"]:
            by_offset[guard["offset"]].append(guard)
        column = Column("guards", lambda row, by_offset=by_offset: _guards_text(by_offset.get(row.offset, ())),
                        width=36)
        listing = Listing(file=file, columns=[column])
        listing.print()
        listing.print("Guards of %s: %s, %d guards, %d deopts, %d recompiles" % (
            function["qualname"], function["tier"], len(function["guards"]), function["deopts"],
            function["recompiles"]))
        listing.code(current)
    if listing is None:
        print("pyjit.dis: no function was compiled (try -X jit-threshold=N with a smaller N)", file=sys.stderr)
    return listing.failures if listing is not None else 0


def _argument_parser():
    parser = argparse.ArgumentParser(
        prog="pyjit -m pyjit.dis",
        description="List every code object of a Python file as pyjit's bytecode frontend decodes and "
                    "analyses it: basic blocks with entry stack depths and successors, the exception table, "
                    "line numbers, and the stack depth before each instruction.")
    parser.add_argument("file", metavar="FILE.py", help="the Python source file to compile and list")
    parser.add_argument("arguments", metavar="ARG", nargs=argparse.REMAINDER,
                        help="with --profile or --guards: the program's arguments (its sys.argv[1:])")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--profile", action="store_true",
                      help="run FILE first, then list the functions that ran with their tier-1 profile")
    mode.add_argument("--guards", action="store_true",
                      help="run FILE first (specialized tier), then list each compiled function with the guards "
                           "its code holds at each instruction: expected types, executions, failures")
    return parser


def main(argv=None, columns=()):
    args = _argument_parser().parse_args(argv)
    code, failure = _compile_file(args.file)
    if failure is not None:
        print(failure, file=sys.stderr)
        return 1
    try:
        if args.profile or args.guards:
            status = (_run_for_profile if args.profile else _run_for_guards)(code, args.file, args.arguments)
            failures = (_print_profiles if args.profile else _print_guards)(code)
            sys.stdout.flush()
            return status or (1 if failures else 0)
        listing = Listing(columns=columns)
        listing.code_recursive(code)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()  # like `python ... | head`: no complaint about the closed pipe
        return 1
    return 1 if listing.failures else 0


if __name__ == "__main__":
    sys.exit(main())
