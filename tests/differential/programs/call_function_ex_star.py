# CALL_FUNCTION_EX (f(*a), f(*a, **kw)), star-args with generators/dicts/strings,
# *args/**kwargs forwarding through decorators, and error messages for bad star arguments.

def show(*args, **kwargs):
    return "args=%r kwargs=%r" % (args, sorted(kwargs.items()))

print(show(*[1, 2, 3]))
print(show(*"abc", *range(2)))
print(show(0, *(x * x for x in range(4)), 9))
print(show(**{"a": 1}, **{"b": 2}))
print(show(1, *[2], k=3, **{"m": 4}))
print(show(*{"x": 1, "y": 2}))
print(show(*()), show(**{}))

def forward(fn):
    def wrapper(*a, **k):
        print("  forwarding", a, sorted(k))
        return fn(*a, **k)
    return wrapper

@forward
def target(a, b=2, *rest, c, **extra):
    return a, b, rest, c, sorted(extra.items())

print(target(1, c=3))
print(target(1, 2, 3, 4, c=5, z=6))
args = [10, 20]
kwargs = {"c": 30}
for i in range(3):
    args.append(i)
    kwargs["k%d" % i] = i
    print(target(*args, **kwargs))
for bad in [lambda: show(*5), lambda: show(**[1]), lambda: show(**{1: 2}), lambda: target(*[1], **{"c": 1, "a": 2})]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
class Mapping:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
print(show(**Mapping()))
class It:
    def __iter__(self):
        yield "i1"
        yield "i2"
print(show(*It()))
print(max(*[3, 9, 2]), "".join([*"xyz"]), list(map(lambda *a: sum(a), *[[1, 2], [10, 20]])))
def pass_through(*a):
    return a
t = (1, 2)
print(pass_through(*t) is t, pass_through(*t) == t)
meth = "abc".replace
print(meth(*("b", "B")), getattr("q", "upper")(*[]))
