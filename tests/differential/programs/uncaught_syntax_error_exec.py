# SyntaxError from compile() caught and printed, then an uncaught one from exec().
src_ok = "x = 1 + 2\nprint('exec ok', x)\n"
exec(src_ok)
try:
    compile("def f(:\n    pass\n", "<caught>", "exec")
except SyntaxError as e:
    print("caught SyntaxError:", e.msg, e.lineno, e.offset, repr(e.text))
    print(type(e).__name__, e.filename, e.end_lineno, e.end_offset, str(e))
for bad in ["1 +", "a = (1,", "return 5", "x = [1, 2", "f(**x, *y)"]:
    try:
        compile(bad, "<loop>", "exec")
    except SyntaxError as e:
        print(repr(bad), "->", e.msg)
exec("y = 10\nfor i in range(3):\n    y += i\nprint('y', y)\n")
exec("if True:\n  print('indent')\n    print('bad')\n")
