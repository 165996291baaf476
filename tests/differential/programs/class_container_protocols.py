# User-defined containers: __len__, __getitem__ (ints and slices), __setitem__, __delitem__,
# __iter__, __reversed__, __contains__, __missing__, __bool__ fallback to __len__, __index__.

class Ring:
    def __init__(self, items):
        self.items = list(items)
        self.ops = []
    def __len__(self):
        return len(self.items)
    def _norm(self, i):
        return i % len(self.items)
    def __getitem__(self, i):
        self.ops.append("get")
        if isinstance(i, slice):
            return [self.items[self._norm(k)] for k in range(*i.indices(len(self.items) * 2))]
        return self.items[self._norm(i)]
    def __setitem__(self, i, v):
        self.ops.append("set")
        self.items[self._norm(i)] = v
    def __delitem__(self, i):
        self.ops.append("del")
        del self.items[self._norm(i)]
    def __iter__(self):
        self.ops.append("iter")
        return iter(self.items)
    def __reversed__(self):
        self.ops.append("reversed")
        return reversed(self.items)
    def __contains__(self, v):
        self.ops.append("contains")
        return v in self.items

r = Ring("abcde")
print(r[0], r[7], r[-1], r[1:8:2], len(r), list(r), list(reversed(r)), "c" in r, "z" in r)
r[12] = "X"
del r[0]
print(r.items, bool(r), r.ops)
r2 = Ring([])
try:
    r2[0]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(bool(r2), len(r2))
a, b, *c = Ring(range(5))
print(a, b, c, sorted(Ring([3, 1, 2])), max(Ring([4, 9, 2])), "-".join(Ring("xyz")))
class OnlyGetitem:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return i * i
print(list(OnlyGetitem()), 9 in OnlyGetitem(), 5 in OnlyGetitem(), [x for x in OnlyGetitem()])
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        r, c = key
        return self.cells.get((r, c), ".")
    def __setitem__(self, key, v):
        self.cells[key] = v
g = Grid()
g[1, 2] = "#"
g[0, 0] = "@"
for row in range(3):
    print("".join(g[row, col] for col in range(4)))
class Matrix:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, idx):
        if isinstance(idx, tuple):
            return "tuple index %r" % (idx,)
        return "single %r" % (idx,)
m = Matrix(2)
print(m[1], m[1, 2], m[1:2, ::3], m[...], m[:, None])
class Sized:
    def __len__(self):
        return 3
print(bool(Sized()), len(Sized()))
class Stack(list):
    def push(self, v):
        self.append(v)
        return self
    def peek(self):
        return self[-1]
s = Stack()
s.push(1).push(2).push(3)
print(s, s.peek(), s.pop(), len(s), isinstance(s, list), s + [9], type(s + [9]).__name__)
from collections.abc import MutableMapping
class LowerDict(MutableMapping):
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k.lower()]
    def __setitem__(self, k, v):
        self.d[k.lower()] = v
    def __delitem__(self, k):
        del self.d[k.lower()]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)
ld = LowerDict()
ld["Hello"] = 1
ld["WORLD"] = 2
ld.update({"AbC": 3})
print(dict(ld), ld["HELLO"], "world" in ld, ld.get("nope", "dflt"), ld.pop("abc"), len(ld))
