# One LOAD_ATTR / STORE_ATTR / method-call site fed objects of different classes and shapes:
# instance dicts with different key orders, slots, properties, class attributes, modules,
# classes themselves, and objects whose __dict__ was materialised or replaced.
import math

class A:
    def __init__(self):
        self.x = 1
        self.y = 2
    def m(self):
        return "A.m"
class B:
    def __init__(self):
        self.y = 20
        self.x = 10
    def m(self):
        return "B.m"
class S:
    __slots__ = ("x",)
    def __init__(self):
        self.x = 100
    def m(self):
        return "S.m"
class P:
    @property
    def x(self):
        return "P.x property"
    m = staticmethod(lambda: "P.m static")
class C:
    x = "class attr"
    @classmethod
    def m(cls):
        return "C.m classmethod " + cls.__name__
class NS:
    pass
ns = NS()
ns.x = "ns"
ns.m = lambda: "instance lambda"
math_like = type(math)("fake")
math_like.x = "module attr"
math_like.m = lambda: "module function"

def read(o):
    return o.x

def call(o):
    return o.m()

objs = [A(), B(), S(), P(), C(), C, ns, math_like, A(), B()]
for o in objs:
    print(type(o).__name__, read(o), call(o))
a = A()
print(read(a))
a.__dict__["x"] = "via __dict__"
print(read(a))
a.__dict__ = {"x": "replaced dict", "m": None}
print(read(a), call(A()))
for i in range(3):
    a2 = A()
    for k in range(i):
        setattr(a2, "extra%d" % k, k)
    del a2.y
    a2.x = i
    print(read(a2), sorted(vars(a2)))

def write(o, v):
    o.x = v
    return o.x
for o in [A(), B(), S(), NS(), math_like]:
    print(type(o).__name__, write(o, 5), write(o, "str"))
for o in [P(), 5, "s", None]:
    try:
        write(o, 1)
    except AttributeError as e:
        print("AttributeError:", e)
for o in [1, None, "s", [1]]:
    try:
        read(o)
    except AttributeError as e:
        print("AttributeError:", e)
class Many:
    pass
objs = []
for i in range(40):
    o = Many()
    for k in range(i % 6):
        setattr(o, "f%d" % ((k * 7 + i) % 6), k)
    o.x = i
    objs.append(o)
print(sum(read(o) for o in objs), [len(vars(o)) for o in objs[:12]])
print(read(3 + 4j) if False else (3 + 4j).imag, (5).real, "abc".upper(), [1, 2].copy(), (1).bit_length())
