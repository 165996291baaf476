# Operator overloading: every binary/reflected/in-place dunder, comparison, unary, matmul,
# __index__, __bool__, __len__, __hash__, NotImplemented fallbacks.

class V:
    def __init__(self, *c):
        self.c = tuple(c)
    def __repr__(self):
        return "V%r" % (self.c,)
    def _map(self, o, f):
        if isinstance(o, V):
            return V(*(f(a, b) for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)):
            return V(*(f(a, o) for a in self.c))
        return NotImplemented
    def __add__(self, o): return self._map(o, lambda a, b: a + b)
    def __radd__(self, o): return self._map(o, lambda a, b: b + a)
    def __sub__(self, o): return self._map(o, lambda a, b: a - b)
    def __rsub__(self, o): return self._map(o, lambda a, b: b - a)
    def __mul__(self, o): return self._map(o, lambda a, b: a * b)
    def __rmul__(self, o): return self._map(o, lambda a, b: b * a)
    def __truediv__(self, o): return self._map(o, lambda a, b: a / b)
    def __rtruediv__(self, o): return self._map(o, lambda a, b: b / a)
    def __floordiv__(self, o): return self._map(o, lambda a, b: a // b)
    def __rfloordiv__(self, o): return self._map(o, lambda a, b: b // a)
    def __mod__(self, o): return self._map(o, lambda a, b: a % b)
    def __rmod__(self, o): return self._map(o, lambda a, b: b % a)
    def __pow__(self, o): return self._map(o, lambda a, b: a ** b)
    def __rpow__(self, o): return self._map(o, lambda a, b: b ** a)
    def __lshift__(self, o): return self._map(o, lambda a, b: a << b)
    def __rlshift__(self, o): return self._map(o, lambda a, b: b << a)
    def __rshift__(self, o): return self._map(o, lambda a, b: a >> b)
    def __rrshift__(self, o): return self._map(o, lambda a, b: b >> a)
    def __and__(self, o): return self._map(o, lambda a, b: a & b)
    def __rand__(self, o): return self._map(o, lambda a, b: b & a)
    def __or__(self, o): return self._map(o, lambda a, b: a | b)
    def __ror__(self, o): return self._map(o, lambda a, b: b | a)
    def __xor__(self, o): return self._map(o, lambda a, b: a ^ b)
    def __rxor__(self, o): return self._map(o, lambda a, b: b ^ a)
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __rmatmul__(self, o):
        return "rmatmul with %r" % (o,)
    def __iadd__(self, o):
        print("  __iadd__")
        self.c = (self + o).c
        return self
    def __neg__(self): return V(*(-a for a in self.c))
    def __pos__(self): return V(*(+a for a in self.c))
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __invert__(self): return V(*(~a for a in self.c))
    def __eq__(self, o): return isinstance(o, V) and self.c == o.c
    def __lt__(self, o): return abs(self) < abs(o)
    def __le__(self, o): return abs(self) <= abs(o)
    def __hash__(self): return hash(self.c)
    def __len__(self): return len(self.c)
    def __bool__(self): return any(self.c)
    def __getitem__(self, i): return self.c[i]
    def __iter__(self): return iter(self.c)
    def __contains__(self, x): return x in self.c

a, b = V(6, 7, 8), V(1, 2, 3)
for name, res in [("+", a + b), ("-", a - b), ("*", a * b), ("/", a / b), ("//", a // b), ("%", a % b),
                  ("**", b ** b), ("<<", a << b), (">>", a >> b), ("&", a & b), ("|", a | b), ("^", a ^ b)]:
    print(name, res)
for name, res in [("r+", 1 + a), ("r-", 10 - a), ("r*", 2 * a), ("r/", 12 / b), ("r//", 12 // b), ("r%", 12 % b),
                  ("r**", 2 ** b), ("r<<", 1 << b), ("r>>", 64 >> b), ("r&", 3 & a), ("r|", 8 | b), ("r^", 5 ^ a)]:
    print(name, res)
print(a @ b, [1] @ b if False else "skip", -a, +a, abs(V(3, 4)), ~b)
print(a == V(6, 7, 8), a != b, a < b, a > b, b <= a, b >= a, len(a), bool(V(0, 0)), bool(b), a[1], list(b), 7 in a)
c = a
c += b
print(c, a, c is a)
c -= 1
print(c, a, c is a)
print(sorted([V(3, 4), V(1, 1), V(0, 2)]), max(V(1, 0), V(0, 2)), {V(1): "one"}[V(1)])
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" @ a
    print("rmatmul ok", "s" @ a)
except TypeError as e:
    print("TypeError:", e)
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abc"[Idx()], bin(Idx()), range(10)[Idx():], [0, 1, 2, 3][Idx():])
class Both:
    def __eq__(self, o):
        print("  Both.__eq__")
        return NotImplemented
print(Both() == Both(), Both() != 3)
