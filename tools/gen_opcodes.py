#!/usr/bin/env python3.11
"""Generates frontend/opcodes.def, pyjit's opcode table, from CPython 3.11's own `opcode` and `dis` data.

    python3.11 tools/gen_opcodes.py frontend/opcodes.def          # (re)write the table
    python3.11 tools/gen_opcodes.py --check frontend/opcodes.def  # exit 1 with a diff if it is stale

The table is a set of X-macros (see the header this script writes). Everything in it comes from the
running interpreter: opcode names and numbers, inline cache sizes, the has-arg/jump/const/name/local/
free/compare classes, the specialized forms, and the stack effects, which are classified by sampling
`dis.stack_effect` (constant or linear in the argument, else "special" and written by hand in
frontend/StackEffect.cpp). Only two facts are not in `opcode`: which opcodes end a block without falling
through (compile.c's IS_SCOPE_EXIT_OPCODE and unconditional jumps), listed below by name.
"""

import argparse
import difflib
import dis
import opcode
import sys

# compile.c, not opcode.py, knows these. Checked against opcode.opmap below, so a renamed opcode fails here.
SCOPE_EXITS = ("RETURN_VALUE", "RAISE_VARARGS", "RERAISE")
UNCONDITIONAL_JUMPS = ("JUMP_FORWARD", "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT")

# Arguments sampled to classify stack effects: every one-byte oparg, and enough beyond to catch arg >> 8.
SAMPLED_ARGS = range(0, 1024)

# (enumerator, description); the bit is the position in this list.
FLAGS = (
    ("HasArg", "opcode >= HAVE_ARGUMENT: the oparg byte (and EXTENDED_ARG prefixes) are meaningful"),
    ("JumpRelative", "in opcode.hasjrel: jumps to opcode unit + 1 + arg (or - arg when Backward)"),
    ("JumpAbsolute", "in opcode.hasjabs: jumps to code unit arg (none in 3.11)"),
    ("Backward", "a relative jump backwards ('JUMP_BACKWARD' in the name, as dis decides)"),
    ("Const", "in opcode.hasconst: arg indexes co_consts"),
    ("Name", "in opcode.hasname: arg indexes co_names (LOAD_GLOBAL: arg >> 1)"),
    ("Local", "in opcode.haslocal: arg indexes the fast locals"),
    ("Free", "in opcode.hasfree: arg indexes the cell and free variables (localsplus in 3.11)"),
    ("Compare", "in opcode.hascompare: arg indexes opcode.cmp_op"),
    ("UnconditionalJump", "always jumps: no fallthrough (compile.c)"),
    ("ScopeExit", "leaves the frame or raises: no fallthrough, no jump (compile.c IS_SCOPE_EXIT_OPCODE)"),
)


def fail(message):
    sys.exit("gen_opcodes.py: " + message)


def flags_of(name, number):
    names = []
    if number >= opcode.HAVE_ARGUMENT:
        names.append("HasArg")
    if number in opcode.hasjrel:
        names.append("JumpRelative")
    if number in opcode.hasjabs:
        names.append("JumpAbsolute")
    if number in opcode.hasjrel and "JUMP_BACKWARD" in name:
        names.append("Backward")
    for table, flag in ((opcode.hasconst, "Const"), (opcode.hasname, "Name"), (opcode.haslocal, "Local"),
                        (opcode.hasfree, "Free"), (opcode.hascompare, "Compare")):
        if number in table:
            names.append(flag)
    if name in UNCONDITIONAL_JUMPS:
        names.append("UnconditionalJump")
    if name in SCOPE_EXITS:
        names.append("ScopeExit")
    return " | ".join(names) if names else "0"


def effect(number, arg, jump):
    return dis.stack_effect(number, arg if number >= opcode.HAVE_ARGUMENT else None, jump=jump)


def linear_fit(number, jump):
    """(base, per_arg) if the effect is base + per_arg * arg for every sampled arg, else None."""
    if number < opcode.HAVE_ARGUMENT:
        return effect(number, None, jump), 0
    base = effect(number, 0, jump)
    per_arg = effect(number, 1, jump) - base
    if all(effect(number, arg, jump) == base + per_arg * arg for arg in SAMPLED_ARGS):
        return base, per_arg
    return None


def stack_effect_columns(number):
    plain, jumped = linear_fit(number, False), linear_fit(number, True)
    if plain is None or jumped is None:
        return "Special, 0, 0, 0, 0"
    return "Linear, %d, %d, %d, %d" % (plain + jumped)


def check_assumptions():
    for name in SCOPE_EXITS + UNCONDITIONAL_JUMPS:
        if name not in opcode.opmap:
            fail("%s is not an opcode of this Python; update SCOPE_EXITS/UNCONDITIONAL_JUMPS" % name)
    for number in opcode.hasjrel + opcode.hasjabs:
        # The decoder computes jump targets from the opcode unit, as dis does; that is only right for
        # jumps without inline caches.
        if opcode._inline_cache_entries[number]:
            fail("jump %s has inline cache entries" % opcode.opname[number])


def opcode_lines():
    width = max(len(name) for name in opcode.opmap)
    lines = []
    for number in range(256):
        name = opcode.opname[number]
        if name not in opcode.opmap:
            continue
        lines.append("PYJIT_OPCODE(%s %3d, %d, %s, %s)" % (
            (name + ",").ljust(width + 1), number, opcode._inline_cache_entries[number], flags_of(name, number),
            stack_effect_columns(number)))
    return lines


def specialized_lines():
    lines = []
    for name in opcode._specialized_instructions:
        lines.append("PYJIT_SPECIALIZED_OPCODE(%s, %d, %s)" % (name, dis._all_opmap[name], dis.deoptmap[name]))
    return lines


def generate():
    check_assumptions()
    out = []
    out.append("""\
// frontend/opcodes.def: CPython %d.%d's bytecode, as X-macros.
// GENERATED by tools/gen_opcodes.py from the interpreter's `opcode` and `dis` modules. Do not edit:
// regenerate with `python3.11 tools/gen_opcodes.py frontend/opcodes.def` (a ctest checks it is current).
//
// Define the macros you need before #include; the others expand to nothing, and all are #undef'd at the end.
//
// PYJIT_OPCODE_TABLE_VERSION(major, minor)   the Python version this table describes
// PYJIT_OPCODE_CONSTANT(name, value)         HAVE_ARGUMENT and friends
// PYJIT_OPCODE_FLAG(name, bit, description)  the flag enumerators used in PYJIT_OPCODE's flags column
// PYJIT_OPCODE(name, number, cacheEntries, flags, effectKind, effect, effectPerArg, jumpEffect, jumpEffectPerArg)
//     One per opcode of unquickened bytecode. cacheEntries: inline CACHE units after the opcode unit.
//     flags: PYJIT_OPCODE_FLAG names joined with |, or 0.
//     effectKind Linear: the stack effect is effect + effectPerArg * arg when execution falls through,
//                jumpEffect + jumpEffectPerArg * arg when the jump is taken (equal for non-jumps),
//                exactly as dis.stack_effect(opcode, arg, jump=False/True) for every arg sampled (0..%d).
//     effectKind Special: the effect depends on arg irregularly; frontend/StackEffect.cpp has the rule.
// PYJIT_SPECIALIZED_OPCODE(name, number, base)
//     The adaptive interpreter's specialized forms. They never appear in unquickened bytecode.
// PYJIT_BINARY_OP(name, arg, symbol)          BINARY_OP's argument values (opcode._nb_ops)
// PYJIT_COMPARE_OP(arg, symbol)               COMPARE_OP's argument values (opcode.cmp_op)
""" % (sys.version_info[0], sys.version_info[1], SAMPLED_ARGS[-1]))
    macros = ("PYJIT_OPCODE_TABLE_VERSION(major, minor)", "PYJIT_OPCODE_CONSTANT(name, value)",
              "PYJIT_OPCODE_FLAG(name, bit, description)",
              "PYJIT_OPCODE(name, number, cacheEntries, flags, effectKind, effect, effectPerArg, jumpEffect, "
              "jumpEffectPerArg)",
              "PYJIT_SPECIALIZED_OPCODE(name, number, base)", "PYJIT_BINARY_OP(name, arg, symbol)",
              "PYJIT_COMPARE_OP(arg, symbol)")
    for macro in macros:
        short = macro[:macro.index("(")]
        out.append("#ifndef %s\n#define %s\n#endif" % (short, macro))
    out.append("")
    out.append("PYJIT_OPCODE_TABLE_VERSION(%d, %d)" % sys.version_info[:2])
    out.append("PYJIT_OPCODE_CONSTANT(HAVE_ARGUMENT, %d)" % opcode.HAVE_ARGUMENT)
    out.append("PYJIT_OPCODE_CONSTANT(EXTENDED_ARG, %d)" % opcode.EXTENDED_ARG)
    out.append("")
    for bit, (name, description) in enumerate(FLAGS):
        out.append('PYJIT_OPCODE_FLAG(%s, %d, "%s")' % (name, bit, description))
    out.append("")
    out.extend(opcode_lines())
    out.append("")
    out.extend(specialized_lines())
    out.append("")
    for arg, (name, symbol) in enumerate(opcode._nb_ops):
        out.append('PYJIT_BINARY_OP(%s, %d, "%s")' % (name, arg, symbol))
    out.append("")
    for arg, symbol in enumerate(opcode.cmp_op):
        out.append('PYJIT_COMPARE_OP(%d, "%s")' % (arg, symbol))
    out.append("")
    for macro in macros:
        out.append("#undef " + macro[:macro.index("(")])
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description="Generate frontend/opcodes.def from CPython's opcode data.")
    parser.add_argument("output", help="the .def file to write (or compare with --check)")
    parser.add_argument("--check", action="store_true", help="do not write: fail if OUTPUT is not current")
    args = parser.parse_args()
    if sys.version_info[:2] != (3, 11):
        fail("needs CPython 3.11 (the table is version specific); this is %d.%d" % sys.version_info[:2])
    text = generate()
    if not args.check:
        with open(args.output, "w") as file:
            file.write(text)
        return 0
    try:
        with open(args.output) as file:
            current = file.read()
    except OSError as error:
        fail("cannot read %s: %s" % (args.output, error))
    if current == text:
        print("%s is current" % args.output)
        return 0
    sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), text.splitlines(True),
                                               args.output, "regenerated"))
    print("%s is stale: run python3.11 tools/gen_opcodes.py %s" % (args.output, args.output), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
