# UNARY_POSITIVE / UNARY_NEGATIVE / UNARY_NOT / UNARY_INVERT on many types.

class U:
    def __init__(self, v):
        self.v = v
    def __pos__(self):
        return U(("pos", self.v))
    def __neg__(self):
        return U(("neg", self.v))
    def __invert__(self):
        return U(("inv", self.v))
    def __bool__(self):
        print("  __bool__ called on", self.v)
        return bool(self.v)
    def __repr__(self):
        return "U(%r)" % (self.v,)

def show(x):
    print(repr(x), "->", repr(+x), repr(-x), not x)
    try:
        print("   ~", repr(~x))
    except TypeError as e:
        print("   TypeError:", e)

for v in (0, 5, -5, 2 ** 70, -(2 ** 70), 1.5, -0.0, True, False, 3 + 4j, 2.5e300, -7.25):
    show(v)
show(U(1))
show(U(0))
for v in ("", "x", [], [0], (), {}, {1: 2}, None, set(), 0.0, 0j):
    print(repr(v), not v, not not v)
try:
    print(-"abc")
except TypeError as e:
    print("TypeError:", e)
try:
    print(+[1])
except TypeError as e:
    print("TypeError:", e)

def chain(n):
    x = n
    for i in range(6):
        x = -x
        x = ~x
        x = +x
        print(i, x, not x)
    return x
print(chain(7), chain(0), chain(2 ** 64))
