# Callee functions redefined while a caller loop is running: def in loop, __code__ swap,
# __defaults__ change, decorator replacement, method rebinding.

def work(x):
    return x + 1

def caller(n):
    global work
    out = []
    for i in range(n):
        out.append(work(i))
        if i == 3:
            def work(x):
                return x * 100
        if i == 6:
            work = lambda x: "lambda %d" % x
    return out
print(caller(10))

def target(a, b=10):
    return a + b
def other_code(a, b=10):
    return a * b
res = []
for i in range(8):
    res.append(target(i))
    if i == 2:
        target.__defaults__ = (1000,)
    if i == 4:
        target.__code__ = other_code.__code__
    if i == 6:
        target.__defaults__ = (-1,)
print(res)

def kwonly(a, *, k=1):
    return a - k
r = []
for i in range(4):
    r.append(kwonly(i))
    kwonly.__kwdefaults__ = {"k": i * 10}
print(r)

def deco(fn):
    def wrapper(*a):
        return ("wrapped", fn(*a))
    return wrapper
def plain(x):
    return x
outs = []
for i in range(4):
    outs.append(plain(i))
    if i == 1:
        plain = deco(plain)
print(outs)

class Svc:
    def handle(self, v):
        return "handle %d" % v
svc = Svc()
got = []
for i in range(6):
    got.append(svc.handle(i))
    if i == 2:
        svc.handle = lambda v: "instance-bound %d" % v
    if i == 4:
        del svc.handle
        Svc.handle = lambda self, v: "class-patched %d" % v
print(got)

def recursive(n):
    return 0 if n == 0 else 1 + recursive(n - 1)
print(recursive(10))
orig = recursive
def recursive(n):
    return 100
print(orig(10))
def gen_callee():
    yield 1
callers = []
for i in range(3):
    callers.append(list(gen_callee()))
    def gen_callee():
        yield from range(i + 2)
print(callers)
def wrong_arity(a):
    return a
seen = []
for i in range(4):
    try:
        seen.append(wrong_arity(i))
    except TypeError as e:
        seen.append(str(e))
    if i == 1:
        def wrong_arity(a, b):
            return a + b
print(seen)
