# PRINT_EXPR is only emitted for interactive ('single' mode) code. The compiler never emits it
# for a program file, so this program executes it at runtime via exec(compile(..., 'single')),
# including a custom sys.displayhook and the `_` builtin.
import sys
import builtins

snippets = ["1 + 2", "'text'", "None", "[x * x for x in range(4)]", "x = 5", "x * 10", "(lambda: 7)()",
            "for i in range(2): i", "if True: 'in if'", "{'k': _}"]
ns = {}
for src in snippets:
    code = compile(src + "\n", "<interactive>", "single")
    print("exec", repr(src))
    exec(code, ns)
print("underscore builtin:", builtins._)

shown = []
def hook(value):
    shown.append(value)
    if value is not None:
        builtins._ = value
sys.displayhook = hook
for src in ["40 + 2", "None", "'hooked'", "_ * 2"]:
    exec(compile(src, "<interactive>", "single"), ns)
sys.displayhook = sys.__displayhook__
print("hook saw", shown)
del sys.displayhook
try:
    exec(compile("99", "<interactive>", "single"), ns)
except RuntimeError as e:
    print("RuntimeError:", e)
sys.displayhook = sys.__displayhook__
exec(compile("'restored'", "<interactive>", "single"), ns)
try:
    exec(compile("1 / 0", "<interactive>", "single"), ns)
except ZeroDivisionError as e:
    print("ZeroDivisionError from single mode:", e)
