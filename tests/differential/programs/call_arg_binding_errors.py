# Argument binding in many shapes and the exact TypeError messages for mismatches.

def f0():
    return 0
def f1(a):
    return a
def f2(a, b=2):
    return a, b
def fv(a, *rest):
    return a, rest
def fk(*, only):
    return only
def fkw(**kw):
    return kw
class C:
    def m(self, x):
        return x
    @staticmethod
    def s(x):
        return x
    @classmethod
    def c(cls, x):
        return cls.__name__, x

none = None
string = "s"
calls = [
    ("f0()", lambda: f0()),
    ("f0(1)", lambda: f0(1)),
    ("f1()", lambda: f1()),
    ("f1(1, 2)", lambda: f1(1, 2)),
    ("f1(b=1)", lambda: f1(b=1)),
    ("f2(1)", lambda: f2(1)),
    ("f2(1, 2, 3)", lambda: f2(1, 2, 3)),
    ("f2(1, a=2)", lambda: f2(1, a=2)),
    ("fv()", lambda: fv()),
    ("fv(1, 2, 3)", lambda: fv(1, 2, 3)),
    ("fk(1)", lambda: fk(1)),
    ("fk()", lambda: fk()),
    ("fk(only=5)", lambda: fk(only=5)),
    ("fkw(1)", lambda: fkw(1)),
    ("C().m()", lambda: C().m()),
    ("C().m(1, 2)", lambda: C().m(1, 2)),
    ("C.m(1)", lambda: C.m(1)),
    ("C.s(1)", lambda: C.s(1)),
    ("C().c(2)", lambda: C().c(2)),
    ("len()", lambda: len()),
    ("len(1, 2)", lambda: len(1, 2)),
    ("int(x=1)", lambda: int(x=1)),
    ("C(1)", lambda: C(1)),
    ("none()", lambda: none()),
    ("string(1)", lambda: string(1)),
    ("[].append()", lambda: [].append()),
    ("dict(1, 2)", lambda: dict(1, 2)),
]
for text, call in calls:
    try:
        print(text, "->", call())
    except TypeError as e:
        print(text, "-> TypeError:", e)
def many(a, b, c, d, e, f, g, h):
    return a + b + c + d + e + f + g + h
print(many(1, 2, 3, 4, 5, 6, 7, 8), many(*range(8)), many(h=1, g=1, f=1, e=1, d=1, c=1, b=1, a=1))
try:
    many(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
