# Every in-place BINARY_OP (NB_INPLACE_*) on ints, floats, lists, sets and a custom class.

def ints():
    x = 100
    x += 7; print("+=", x)
    x -= 3; print("-=", x)
    x *= 5; print("*=", x)
    x //= 3; print("//=", x)
    x %= 97; print("%=", x)
    x **= 3; print("**=", x)
    x <<= 4; print("<<=", x)
    x >>= 2; print(">>=", x)
    x &= 0xFFF; print("&=", x)
    x |= 0x1001; print("|=", x)
    x ^= 0x5555; print("^=", x)
    x /= 8; print("/=", x)
    return x

def floats():
    f = 1.5
    for i in range(1, 6):
        f += i
        f *= 1.25
        f -= 0.5
        f /= 1.1
        f //= 0.75
        f %= 17.0
        f **= 1.01
        print(i, round(f, 10))

class Mat:
    def __init__(self, v):
        self.v = v
    def __matmul__(self, other):
        return Mat([[sum(a * b for a, b in zip(r, c)) for c in zip(*other.v)] for r in self.v])
    def __imatmul__(self, other):
        print("  __imatmul__ called")
        self.v = (self @ other).v
        return self
    def __repr__(self):
        return "Mat(%r)" % (self.v,)

class OnlyMatmul:
    def __init__(self, n):
        self.n = n
    def __matmul__(self, o):
        return OnlyMatmul(self.n * 10 + o.n)
    def __repr__(self):
        return "OnlyMatmul(%d)" % self.n

def containers():
    l = [1, 2]
    alias = l
    l += [3, 4]
    l *= 2
    print(l, alias is l)
    t = (1, 2)
    t2 = t
    t += (3,)
    print(t, t2, t is t2)
    s = {1, 2, 3, 4}
    s |= {9}
    s &= {1, 2, 9, 10}
    s ^= {2, 7}
    s -= {7}
    print(sorted(s))
    st = "ab"
    st += "cd"
    st *= 3
    print(st)
    m = Mat([[1, 2], [3, 4]])
    m @= Mat([[0, 1], [1, 0]])
    print(m)
    o = OnlyMatmul(3)
    o @= OnlyMatmul(4)
    print(o)
    d = {"a": 1}
    d |= {"b": 2}
    print(d)

print(ints())
floats()
containers()

# in-place on subscripts and attributes
class Box:
    pass
b = Box()
b.n = 1
arr = [1, 2, 3]
dd = {"k": 10}
for i in range(5):
    b.n += i
    b.n *= 2
    arr[i % 3] += i
    arr[-1] <<= 1
    dd["k"] -= i
    dd["k"] ^= 3
print(b.n, arr, dd)
