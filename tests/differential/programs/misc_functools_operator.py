# functools (lru_cache stats, singledispatch, reduce, total_ordering, partialmethod, cmp_to_key,
# cache) and operator (itemgetter/attrgetter/methodcaller, in-place ops).
import functools
import operator

@functools.lru_cache(maxsize=3)
def slow(n):
    return n * n
for n in [1, 2, 3, 1, 4, 1, 2, 5]:
    slow(n)
print(slow.cache_info())
slow.cache_clear()
print(slow.cache_info())

@functools.singledispatch
def describe(x):
    return "object"
@describe.register
def _(x: int):
    return "int %d" % x
@describe.register(list)
def _(x):
    return "list of %d" % len(x)
@describe.register(str)
def _(x):
    return "str %r" % x
print([describe(v) for v in [1, True, "s", [1, 2], 2.5, None]])
def cmp(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b)
print(sorted(["bb", "a", "ccc", "ab", "b"], key=functools.cmp_to_key(cmp)))
class Cell:
    def __init__(self):
        self.v = 0
    def set(self, v):
        self.v = v
        return self
    set_one = functools.partialmethod(set, 1)
print(Cell().set_one().v)
@functools.cache
def count_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return count_paths(r - 1, c) + count_paths(r, c - 1)
print(count_paths(16, 16))
recs = [{"n": "b", "a": 2}, {"n": "a", "a": 3}, {"n": "c", "a": 1}]
print(sorted(recs, key=operator.itemgetter("a")), list(map(operator.itemgetter("n", "a"), recs)))
class P:
    def __init__(self, x):
        self.x = x
        self.inner = self if x > 100 else P(x + 1000)
print([operator.attrgetter("x", "inner.x")(P(i)) for i in range(2)], operator.methodcaller("split", ",")("a,b"))
print(functools.reduce(operator.mul, range(1, 10)), operator.add("a", "b"), operator.neg(5), operator.not_(0))
print(operator.iadd([1], [2]), operator.contains([1, 2], 2), operator.getitem("abc", 1), operator.index(7))
x = [1]
operator.setitem(x, 0, "set")
print(x, operator.truth([]), operator.is_(None, None), operator.concat((1,), (2,)), operator.length_hint(iter(range(7))))
