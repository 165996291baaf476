# Per-site attribute caches in compiled code (instance values, methods found on the type, stores that
# replace an instance value): every way a cached answer can become wrong between two runs of the same
# site must give python3.11's answer.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


class Slotted:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x

    def norm(self):
        return self.x * 2


class Lazy:
    def __getattr__(self, name):
        return "lazy " + name


class Descriptor:
    def __get__(self, obj, owner=None):
        return "descriptor"


def read(p):
    return p.x


def write(p, value):
    p.x = value


def call_norm(p):
    return p.norm()


def scenario():
    points = [Point(i, i + 1) for i in range(5)]
    print([read(p) for p in points], [call_norm(p) for p in points])
    # The instance shadows the method; then its __dict__ is materialized; then the attribute deleted.
    p = Point(3, 4)
    print(call_norm(p))
    p.norm = lambda: "shadowed"
    print(call_norm(p), call_norm(Point(1, 1)))
    q = Point(5, 6)
    q.__dict__["x"] = 50
    print(read(q), call_norm(q))
    del q.x
    try:
        read(q)
    except AttributeError as error:
        print("AttributeError:", error)
    write(q, 7)
    print(read(q), q.__dict__)
    # The class changes: a new method, a data descriptor over an instance attribute.
    Point.norm = lambda self: "patched"
    print(call_norm(Point(0, 0)))
    Point.x = property(lambda self: "property wins", lambda self, value: print("setter", value))
    print(read(Point(9, 9)))
    write(Point(1, 2), 3)
    del Point.x
    print(read(Point(9, 9)))
    # A class attribute of a mutable class that later becomes a data descriptor.
    Point.y = Descriptor()
    r = Point(1, 2)
    print(r.y)
    Descriptor.__set__ = lambda self, obj, value: print("set", value)
    Point.x = Descriptor()
    print(read(r))
    write(r, 11)
    print(read(r))
    del Point.x, Point.y
    # Other kinds of owners at the same sites.
    print(read(Slotted(4)), call_norm(Slotted(4)), read(Lazy()))
    s = Slotted(1)
    write(s, 2)
    print(read(s))

    class Sub(Point):
        def norm(self):
            return "sub"

    print(call_norm(Sub(1, 1)), read(Sub(2, 2)))
    r.__class__ = Sub
    print(call_norm(r), read(r))
    for values in [(1, 2), (1.5, 2.5), ("a", "b")]:
        pt = Point(*values)
        write(pt, values[1])
        print(read(pt))


for _ in range(3):
    scenario()
    for name in ("norm",):
        if name in Point.__dict__:
            delattr(Point, name)
    Point.norm = lambda self: self.x * self.x + self.y * self.y
