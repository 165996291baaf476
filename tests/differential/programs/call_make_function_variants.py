# MAKE_FUNCTION with defaults, kwdefaults, annotations, closures (and combinations);
# function attributes, __defaults__ mutation, default evaluated once.

def plain():
    return "plain"
def with_defaults(a, b=1, c=[]):
    c.append(a)
    return a + b, c
def with_kwdefaults(a, *, k=10, j="j"):
    return a, k, j
def annotated(a: int, b: "str" = "x", *args: float, k: bool = True, **kw: dict) -> list:
    return [a, b, args, k, kw]
def all_flags(x):
    def inner(a: int = 1, *, b: int = 2) -> int:
        return a + b + x
    return inner

print(plain(), with_defaults(1), with_defaults(2), with_defaults(3, 5, []), with_defaults(4))
print(with_kwdefaults(1), with_kwdefaults(2, k=3))
print(annotated(1, "y", 2.0, k=False, z=1))
print(annotated.__annotations__)
print(with_defaults.__defaults__, with_kwdefaults.__kwdefaults__)
fn = all_flags(100)
print(fn(), fn(5, b=5), fn.__defaults__, fn.__kwdefaults__, fn.__annotations__, len(fn.__closure__))
print(plain.__name__, plain.__qualname__, fn.__qualname__, plain.__module__)
fn.__name__ = "renamed"
fn.custom = "attr"
print(fn.__name__, fn.custom, sorted(fn.__dict__))

counter = 0
def next_default():
    global counter
    counter += 1
    return counter
def evaluated_once(v=next_default()):
    return v
print(evaluated_once(), evaluated_once(), counter)
makers = []
for i in range(4):
    def mk(x, i=i, *, scale=i * 10):
        return x + i + scale
    makers.append(mk)
print([m(1) for m in makers])
lam = lambda a, b=2, *c, d=4, **e: (a, b, c, d, e)
print(lam(1), lam(1, 3, 5, d=6, f=7), lam.__name__, lam.__defaults__, lam.__kwdefaults__)
print((lambda: None)(), (lambda *a: a)(1, 2), (lambda **k: k)(z=1))
def gen_with_defaults(n=3):
    yield from range(n)
async def coro_with_defaults(a=1, *, b=2):
    return a + b
print(list(gen_with_defaults()), list(gen_with_defaults(5)))
c = coro_with_defaults(b=5)
try:
    c.send(None)
except StopIteration as e:
    print("coro", e.value)
def nested_defaults(a=(1, 2), b={"k": "v"}, c=frozenset({3}), d=None, e=-1.5, f=2 ** 70):
    return a, b, c, d, e, f
print(nested_defaults())
def shape(fn):
    c = fn.__code__
    return (c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, bool(c.co_flags & 4), bool(c.co_flags & 8),
            c.co_varnames[:c.co_argcount + c.co_kwonlyargcount])
print(shape(annotated), shape(lam), shape(with_kwdefaults), shape(fn))
