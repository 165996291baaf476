# Lambdas everywhere: recursion via Y-combinator, currying, closures in lambdas, sort keys,
# reduce, lambdas with defaults/star-args, lambdas returning lambdas, lambda in class body.
from functools import reduce

Y = lambda f: (lambda x: x(x))(lambda y: f(lambda *a: y(y)(*a)))
fact = Y(lambda self: lambda n: 1 if n <= 1 else n * self(n - 1))
fib = Y(lambda self: lambda n: n if n < 2 else self(n - 1) + self(n - 2))
print([fact(n) for n in range(10)], [fib(n) for n in range(15)])
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3), [curry(i)(i)(i) for i in range(4)])
compose = lambda *fs: reduce(lambda f, g: lambda x: f(g(x)), fs, lambda x: x)
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), compose()(7))
adders = [lambda x, n=n: x + n for n in range(5)]
print([a(10) for a in adders])
pairs = [("b", 2), ("a", 3), ("c", 1), ("a", 1)]
print(sorted(pairs, key=lambda p: (p[0], -p[1])), sorted(pairs, key=lambda p: p[1]))
print(reduce(lambda acc, v: acc + [acc[-1] + v], range(1, 6), [0]), reduce(lambda a, b: a * b, range(1, 8)))
varargs = lambda *a, **k: (len(a), sorted(k))
print(varargs(1, 2, x=3), (lambda: "no args")(), (lambda x=[]: x.append(1) or len(x))(), (lambda x=[]: x.append(1) or len(x))())
counter = (lambda: (lambda c=[0]: (c.__setitem__(0, c[0] + 1), c[0])[1]))()
print(counter(), counter(), counter())
class K:
    double = lambda self, v: v * 2
    static = staticmethod(lambda v: v + 1)
    name = (lambda: "computed in class body")()
print(K().double(4), K.static(4), K.name, K.double.__name__, K.double.__qualname__)
is_even = lambda n: n == 0 or is_odd(n - 1)
is_odd = lambda n: n != 0 and is_even(n - 1)
print([is_even(n) for n in range(6)])
print(list(map(lambda x, y: x ** y, [2, 3, 4], [3, 2, 1])), list(filter(lambda s: s.isupper(), "aBcDE")))
table = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "pow": lambda a, b: a ** b}
print({k: f(7, 3) for k, f in sorted(table.items())})
