# Builtins replaced/shadowed in the middle of a loop: via module globals, via the builtins
# module itself, and restored afterwards. Cached builtin lookups must be invalidated.
import builtins

def measure(items):
    return len(items)

orig_len = builtins.len
out = []
for i in range(8):
    out.append(measure("abcd"))
    if i == 2:
        builtins.len = lambda x: -1
    elif i == 4:
        len = lambda x: "global shadow"
    elif i == 6:
        del len
        builtins.len = orig_len
print(out)

def use_print_and_abs(n):
    res = []
    for i in range(n):
        res.append(abs(-i))
        if i == 3:
            builtins.abs = lambda v: ("fake abs", v)
    return res
print(use_print_and_abs(6))
builtins.abs = type(orig_len)  # placeholder to prove it changes
try:
    abs(-1)
except TypeError as e:
    print("TypeError:", e)
import math
builtins.abs = lambda v: v if v >= 0 else -v
print(abs(-5))
del builtins.abs
try:
    abs(-1)
except NameError as e:
    print("NameError:", e)
builtins.abs = math.fabs
print(abs(-2))

real_range = range
def count_with_range():
    total = 0
    for i in range(4):
        total += i
    return total
print(count_with_range())
builtins.range = lambda n: [100] * n
print(count_with_range())
builtins.range = real_range
print(count_with_range())
def new_builtin_user():
    return brand_new_builtin * 2
try:
    new_builtin_user()
except NameError as e:
    print("NameError:", e)
builtins.brand_new_builtin = 21
print(new_builtin_user())
brand_new_builtin = 1000
print(new_builtin_user())
del brand_new_builtin
print(new_builtin_user())
del builtins.brand_new_builtin
try:
    new_builtin_user()
except NameError as e:
    print("NameError:", e)
def isinstance_loop():
    r = []
    for v in [1, "a", 2.0]:
        r.append(isinstance(v, int))
    return r
print(isinstance_loop())
real_isinstance = builtins.isinstance
builtins.isinstance = lambda o, t: "patched"
print(isinstance_loop())
builtins.isinstance = real_isinstance
print(isinstance_loop())
