# RecursionError on deep recursion, caught and printed; recursion limit changes; recursion
# through methods, __getattr__/__repr__, and generators; the program keeps running afterwards.
import sys

def infinite(n):
    return infinite(n + 1)

def measure():
    depth = [0]
    def rec(n):
        depth[0] = n
        rec(n + 1)
    try:
        rec(0)
    except RecursionError as e:
        return e, depth[0]

e, d = measure()
print(type(e).__name__, e)
print("reached at least 900 levels:", d >= 900)
for limit in (60, 200, 1000):
    sys.setrecursionlimit(limit)
    try:
        infinite(0)
    except RecursionError as e:
        print(limit, "RecursionError:", e)
sys.setrecursionlimit(1000)

class Loopy:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Loopy().a
except RecursionError as e:
    print("getattr recursion:", type(e).__name__)

class SelfRepr:
    def __repr__(self):
        return "SelfRepr(%r)" % (self,)
try:
    repr(SelfRepr())
except RecursionError as e:
    print("repr recursion:", type(e).__name__)

def gen_rec(n):
    yield n
    yield from gen_rec(n + 1)
try:
    for v in gen_rec(0):
        pass
except RecursionError as e:
    print("generator recursion:", type(e).__name__)

lst = []
lst.append(lst)
print(repr(lst), str([lst, {"self": lst}]))
d = {}
d["me"] = d
print(d)

def ok_depth(n):
    return 0 if n == 0 else 1 + ok_depth(n - 1)
print(ok_depth(500))
def mutual_even(n):
    return True if n == 0 else mutual_odd(n - 1)
def mutual_odd(n):
    return False if n == 0 else mutual_even(n - 1)
print(mutual_even(300), mutual_odd(301), mutual_even(7))
try:
    mutual_even(10 ** 6)
except RecursionError:
    print("mutual recursion overflow caught")
print("still alive", ok_depth(10))
