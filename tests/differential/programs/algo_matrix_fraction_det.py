# Exact linear algebra with a hand-written Rational class (operator overloading, gcd
# normalisation, __eq__/__hash__ against ints): determinant by Gaussian elimination, inverse,
# Hilbert matrix, and matrix powers with ints (Fibonacci via matrices).
from math import gcd


class F:
    __slots__ = ("n", "d")

    def __init__(self, n, d=1):
        if isinstance(n, F):
            n, d = n.n * d, n.d
        if d == 0:
            raise ZeroDivisionError("F(%d, 0)" % n)
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g

    @staticmethod
    def _coerce(o):
        return o if isinstance(o, F) else F(o)

    def __add__(self, o):
        o = F._coerce(o)
        return F(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__

    def __sub__(self, o):
        o = F._coerce(o)
        return F(self.n * o.d - o.n * self.d, self.d * o.d)

    def __rsub__(self, o):
        return F._coerce(o) - self

    def __mul__(self, o):
        o = F._coerce(o)
        return F(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__

    def __truediv__(self, o):
        o = F._coerce(o)
        return F(self.n * o.d, self.d * o.n)

    def __neg__(self):
        return F(-self.n, self.d)

    def __eq__(self, o):
        if isinstance(o, int):
            return self.d == 1 and self.n == o
        return isinstance(o, F) and (self.n, self.d) == (o.n, o.d)

    def __hash__(self):
        return hash(self.n) if self.d == 1 else hash((self.n, self.d))

    def __str__(self):
        return str(self.n) if self.d == 1 else "%d/%d" % (self.n, self.d)
    __repr__ = __str__


def det(m):
    m = [[F(x) for x in row] for row in m]
    n = len(m)
    d = F(1)
    for i in range(n):
        piv = next((r for r in range(i, n) if m[r][i] != 0), None)
        if piv is None:
            return F(0)
        if piv != i:
            m[i], m[piv] = m[piv], m[i]
            d = -d
        d *= m[i][i]
        for r in range(i + 1, n):
            f = m[r][i] / m[i][i]
            for c in range(i, n):
                m[r][c] -= f * m[i][c]
    return d

def inverse(m):
    n = len(m)
    a = [[F(x) for x in row] + [F(int(i == j)) for j in range(n)] for i, row in enumerate(m)]
    for i in range(n):
        piv = next(r for r in range(i, n) if a[r][i] != 0)
        a[i], a[piv] = a[piv], a[i]
        p = a[i][i]
        a[i] = [x / p for x in a[i]]
        for r in range(n):
            if r != i and a[r][i] != 0:
                f = a[r][i]
                a[r] = [x - f * y for x, y in zip(a[r], a[i])]
    return [row[n:] for row in a]

def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]

m = [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]
print(det(m), det([[1, 2], [2, 4]]), det([[0, 1], [1, 0]]), det([[3]]))
print(F(6, -4), F(1, 3) + F(1, 6), 1 - F(1, 4), F(2, 3) * 3, F(1, 2) == F(2, 4), {F(4, 2): "two"}[2] if F(4, 2) == 2 else "")
try:
    F(1, 2) / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
inv = inverse(m)
print([[str(x) for x in row] for row in inv])
print(matmul(m, inv) == [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
hilbert = [[F(1, i + j + 1) for j in range(5)] for i in range(5)]
print(det(hilbert))
def matpow(a, k):
    result = [[int(i == j) for j in range(len(a))] for i in range(len(a))]
    while k:
        if k & 1:
            result = matmul(result, a)
        a = matmul(a, a)
        k >>= 1
    return result
print([matpow([[1, 1], [1, 0]], k)[0][1] for k in range(1, 15)], matpow([[1, 1], [1, 0]], 200)[0][1])
