# KW_NAMES-heavy calls: keyword arguments to Python functions, builtins, methods, classes,
# mixed positional/keyword, keyword-only and positional-only parameters, argument errors.

def f(a, b, c=3, *, d=4, e=5):
    return (a, b, c, d, e)

print(f(1, 2))
print(f(1, b=2))
print(f(a=1, b=2, c=30))
print(f(1, 2, e=50, d=40))
print(f(b=20, a=10, e=0))
for i in range(5):
    print(f(i, b=i * 2, d=i * 3, e=i * 4, c=-i))

def posonly(x, y, /, z, *, w):
    return x, y, z, w
print(posonly(1, 2, 3, w=4), posonly(1, 2, z=3, w=4))
for bad in [lambda: posonly(1, y=2, z=3, w=4), lambda: posonly(1, 2, 3, 4), lambda: posonly(1, 2, 3),
            lambda: f(1), lambda: f(1, 2, 3, 4), lambda: f(1, 2, a=1), lambda: f(1, 2, zz=1),
            lambda: f(1, 2, d=1, **{"d": 2})]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

def kwargs_collector(a, **kw):
    return a, sorted(kw.items())
print(kwargs_collector(1, x=1, y=2, z=3), kwargs_collector(a=0, b=1))
print(sorted([3, 1, 2], key=lambda v: -v, reverse=True), int("ff", base=16), int("101", 2))
print(dict(one=1, two=2), "x".center(7, "-"), "{a}{b}".format(b=2, a=1), round(3.14159, ndigits=2))
print(max([1, 5, 3], key=lambda v: v % 3), min("abc", "b", key=len, default=None) if False else min("abc", "b", key=len))
print(sorted("bca", reverse=False), list(enumerate("ab", start=10)), print("inner print", end="|", sep="/"))
print("a", "b", "c", sep="-", end="!\n")

class P:
    def __init__(self, x, y=0, *, label="p"):
        self.x, self.y, self.label = x, y, label
    def move(self, dx=0, dy=0, *, scale=1):
        return P(self.x + dx * scale, self.y + dy * scale, label=self.label + "'")
    def __repr__(self):
        return "P(%r, %r, %r)" % (self.x, self.y, self.label)
p = P(1, y=2, label="start")
for i in range(4):
    p = p.move(dy=i, dx=1, scale=2)
print(p)
import functools
part = functools.partial(f, 1, d=100)
print(part(2), part(b=3, e=9))
def deep_kw(**kw):
    return shallow_kw(**kw, extra=True)
def shallow_kw(*, alpha=0, beta=0, extra=False):
    return alpha, beta, extra
print(deep_kw(alpha=1), deep_kw(beta=2, alpha=3))
many = dict(("k%d" % i, i) for i in range(30))
def many_kw(**kw):
    return sum(kw.values()), len(kw)
print(many_kw(**many), many_kw(k0=1, k1=2, k2=3, k3=4, k4=5, k5=6, k6=7, k7=8, k8=9, k9=10))
print(f(*(1, 2), **{"c": 3}, d=7))
class Kw:
    def __call__(self, *args, **kw):
        return args, sorted(kw)
print(Kw()(1, 2, x=3, y=4), Kw()(*"ab", **{"z": 1}))
