# locals(), vars(), dir() in functions, class bodies, comprehensions and module scope;
# locals() snapshots vs later updates; f_locals of suspended generators.
import sys

def func(a, b=2, *args, **kw):
    c = a + b
    snap = locals()
    d = "after"
    print(sorted(snap), sorted(locals()))
    snap2 = locals()
    print(snap is snap2, sorted(snap2))
    return sorted(dir())

print(func(1))
print(func(1, 3, 4, 5, k=6))

def closure_locals():
    x = 1
    def inner():
        y = 2
        return sorted(locals().items())
    def inner_with_free():
        y = 3
        return sorted(locals().items()), x
    return inner(), inner_with_free()
print(closure_locals())

class Body:
    p = 1
    q = p + 1
    names = sorted(locals())
print(Body.names)

def writes_to_locals():
    v = 1
    locals()["v"] = 2
    locals()["new"] = 3
    return v, "new" in locals()
print(writes_to_locals())

def gen():
    a = 1
    yield
    b = 2
    yield
g = gen()
next(g)
print(sorted(g.gi_frame.f_locals.items()))
next(g)
print(sorted(g.gi_frame.f_locals.items()))
print(sorted(k for k in locals() if not k.startswith("__")) == sorted(k for k in globals() if not k.startswith("__")))
print([sorted(locals()) for _ in range(1)])
print(vars(Body)["q"], "p" in vars(Body))
def unbound_local_in_locals():
    if False:
        x = 1
    y = 2
    return sorted(locals())
print(unbound_local_in_locals())
def deleted_local():
    a = 1
    b = 2
    del a
    return sorted(locals())
print(deleted_local())
def locals_in_loop():
    res = []
    for i in range(3):
        tmp = i * i
        res.append(dict(sorted(locals().items(), key=lambda kv: kv[0]))["tmp"])
    return res
print(locals_in_loop())
