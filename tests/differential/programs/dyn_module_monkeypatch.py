# Monkeypatching module attributes while a loop uses them (math.sqrt, a helper module function,
# os.path.join) and restoring them; module attribute lookups must not be stale.
import math
import os.path
import types

def hyp(a, b):
    return math.sqrt(a * a + b * b)

orig = math.sqrt
res = []
for i in range(6):
    res.append(hyp(3, 4))
    if i == 1:
        math.sqrt = lambda v: "patched(%r)" % v
    if i == 3:
        math.sqrt = orig
    if i == 4:
        del math.sqrt
        math.sqrt = lambda v: v
print(res)
math.sqrt = orig
print(hyp(5, 12))

mod = types.ModuleType("helper")
exec("def f(x):\n    return ('v1', x)\nCONST = 1", mod.__dict__)
def use(m, n):
    out = []
    for i in range(n):
        out.append((m.f(i), m.CONST))
        if i == 1:
            exec("def f(x):\n    return ('v2', x * 2)", m.__dict__)
        if i == 2:
            m.CONST = "changed"
    return out
print(use(mod, 4))
from math import floor
def uses_imported_name(v):
    return floor(v)
print(uses_imported_name(2.7))
math.floor = lambda v: "module attr patched"
print(uses_imported_name(2.7), math.floor(2.7))
floor = lambda v: "global name patched"
print(uses_imported_name(2.7))
join = os.path.join
os.path.join = lambda *a: "|".join(a)
print(os.path.join("a", "b"), join("a", "b"))
os.path.join = join
print(os.path.join("a", "b"))
class ModWithGetattr(types.ModuleType):
    def __getattr__(self, name):
        return "dynamic " + name
m2 = ModWithGetattr("m2")
m2.real = "real attr"
print(m2.real, m2.anything, getattr(m2, "other"))
m3 = types.ModuleType("m3")
m3.__getattr__ = lambda name: "module-level __getattr__ for " + name
print(m3.zzz)
