# Functions built from code objects with custom globals dicts (types.FunctionType), __builtins__
# overrides inside such globals, code.replace() of constants/names, and exec-generated functions.
import types

def template(x):
    return x * FACTOR + offset()

g1 = {"FACTOR": 2, "offset": lambda: 1}
g2 = {"FACTOR": 10, "offset": lambda: 100, "__builtins__": {"len": lambda s: -1}}
f1 = types.FunctionType(template.__code__, g1, "f1")
f2 = types.FunctionType(template.__code__, g2, "f2")
print(f1(3), f2(3), f1.__name__, f2.__globals__ is g2)
for i in range(4):
    g1["FACTOR"] = i
    print("f1 with FACTOR", i, f1(5))

def uses_len(s):
    return len(s)
f3 = types.FunctionType(uses_len.__code__, g2)
print(uses_len("abc"), f3("abc"))

def consts():
    return "original", 42
def patch(c):
    if c == "original":
        return "patched"
    if isinstance(c, tuple):
        return tuple(patch(x) for x in c)
    return c
c2 = consts.__code__.replace(co_consts=tuple(patch(c) for c in consts.__code__.co_consts))
print(consts())
consts.__code__ = c2
print(consts())

def namer():
    return first_name
namer_renamed = types.FunctionType(namer.__code__.replace(co_names=("second_name",)), {"second_name": "renamed global"})
print(namer_renamed())
first_name = "first"
print(namer())

src = "def gen_{n}(a):\n    total = 0\n    for i in range(a):\n        total += i * {n}\n    return total\n"
ns = {}
for n in range(1, 4):
    exec(src.format(n=n), ns)
print([ns["gen_%d" % n](10) for n in range(1, 4)])
big_args = ", ".join("a%d" % i for i in range(40))
exec("def wide(%s):\n    return sum([%s])" % (big_args, big_args), ns)
print(ns["wide"](*range(40)))
closure_src = "def outer(k):\n    def inner(v):\n        return v + k\n    return inner"
exec(closure_src, ns)
inner = ns["outer"](7)
print(inner(1), inner.__code__.co_freevars)
cell = types.CellType("cell value")
f4 = types.FunctionType(inner.__code__, ns, "rebuilt", None, (cell,))
try:
    print(f4(1))
except TypeError as e:
    print("TypeError:", e)
cell.cell_contents = 1000
print(f4(1))
print(type(template.__code__).__name__, template.__code__.co_argcount, template.__code__.co_varnames)
