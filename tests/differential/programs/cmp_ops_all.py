# COMPARE_OP for every operator across types, chained comparisons, IS_OP, CONTAINS_OP.
import functools

ops = [
    ("<", lambda a, b: a < b),
    ("<=", lambda a, b: a <= b),
    ("==", lambda a, b: a == b),
    ("!=", lambda a, b: a != b),
    (">", lambda a, b: a > b),
    (">=", lambda a, b: a >= b),
]
samples = [(1, 2), (2, 2), (3, 2), (1.5, 1), (2 ** 70, 2 ** 70 + 1), ("abc", "abd"), ("b", "abc"),
           ((1, 2), (1, 3)), ([1, 2], [1, 2]), ({1}, {1, 2}), (frozenset({1, 2}), {1, 2}),
           (True, 1), (1, 1.0), (float("nan"), 1.0), (b"a", b"b")]
for a, b in samples:
    print(repr(a), repr(b), [name for name, f in ops if f(a, b)])
for a, b in [(1, "1"), (None, 0), (None, None), ([1], (1,)), ({1: 2}, {1: 2})]:
    for name, f in ops:
        try:
            print(repr(a), name, repr(b), f(a, b))
        except TypeError as e:
            print(repr(a), name, repr(b), "TypeError:", e)

@functools.total_ordering
class V:
    calls = []
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        V.calls.append(("eq", self.n, getattr(o, "n", o)))
        return isinstance(o, V) and self.n == o.n
    def __lt__(self, o):
        V.calls.append(("lt", self.n, o.n))
        return self.n < o.n
    def __hash__(self):
        return self.n

a, b, c = V(1), V(2), V(3)
print(a < b < c, a < c < b, b > a, a >= a, c <= b)
print(V.calls)
V.calls.clear()
print(1 < 2 < 3 < 4, 1 < 3 < 2 < 4, 1 == 1.0 == True, 1 < 2 > 0 != 5)
x = 5
print(0 <= x < 10, 0 <= x < 5, x is x, x is not None, None is None, [] == [], x is not x)
l = [1, 2, "x", None, (1, 2)]
print(1 in l, 3 in l, "x" in l, None in l, (1, 2) in l, 4 not in l, "y" not in "xyz")
d = {"k": 1, 2: "two"}
print("k" in d, 2 in d, 1 in d, "k" not in d)
print("bc" in "abcd", b"c" in b"abc", 3 in range(5), 5 in range(5), 10 ** 20 in range(10 ** 21))
s = {V(1), V(2)}
print(V(2) in s, V(5) in s, len(V.calls))
class Contain:
    def __contains__(self, item):
        print("  __contains__", item)
        return item % 2 == 0
print(4 in Contain(), 3 in Contain(), 3 not in Contain())
class Iter:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in Iter(), 9 in Iter())
def cmp_loop(n):
    lt = eq = gt = 0
    for i in range(n):
        j = (i * 7) % 11
        if i < j:
            lt += 1
        elif i == j:
            eq += 1
        else:
            gt += 1
        if i <= j and j >= 3 and i != 4:
            lt += 0
    return lt, eq, gt
print(cmp_loop(100))
