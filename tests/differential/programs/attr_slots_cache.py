# LOAD_ATTR/STORE_ATTR on __slots__ members go through per-site caches (CPython 3.11's LOAD_ATTR_SLOT and
# STORE_ATTR_SLOT): empty slots, deleted slots, subclasses, a slot descriptor replaced on the class while
# a loop runs, a foreign slot descriptor and read-only members must all behave as in CPython.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


class Q(P):
    __slots__ = ("z",)


class D(P):
    pass  # has a __dict__ too


class Foreign:
    __slots__ = ()


Foreign.x = P.__dict__["x"]  # a member descriptor of another class: TypeError on use


def get(obj, attr):
    try:
        return getattr(obj, attr) if attr not in ("x", "y") else (obj.x if attr == "x" else obj.y)
    except (AttributeError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)


def set_x(obj, value):
    try:
        obj.x = value
        return obj.x
    except (AttributeError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)


objects = [P(1), Q(2), D(3), Foreign()]
for k in range(3):
    for obj in objects:
        print(type(obj).__name__, get(obj, "x"), get(obj, "y"), set_x(obj, k))

p = P(5)
total = 0
for i in range(200):
    p.x = i
    total += p.x
    if i == 100:
        del p.x
        print(get(p, "x"))
        p.x = 0
    if i == 150:
        P.x = property(lambda self: -1, lambda self, v: print("setter", v))
print(total, get(p, "x"))

d = D(1)
d.y = 7
d.w = 8
print(d.x if hasattr(d, "x") else None, d.y, d.w, sorted(d.__dict__))


class R:
    __slots__ = ("a",)


r = R()
for i in range(50):
    r.a = i
print(r.a)
try:
    del r.a
    print(r.a)
except AttributeError as e:
    print("AttributeError", e)
import types
print([get(types.SimpleNamespace(x=1), "x") for _ in range(3)])
