# The exact fast paths tier 1 takes inline (as CPython 3.11's specialized instructions): int and float
# arithmetic and comparisons fused with their jump, list/tuple/dict subscripts, list stores, __slots__
# members read and written through a per-site cache. Each one next to the cases that must leave it:
# big ints, mixed types, NaN, division by zero, negative and out-of-range indices, missing and unhashable
# keys, subclasses, empty slots, classes changed after the cache was filled, borrowed member descriptors.
import math


def arithmetic():
    values = [0, 1, -1, 7, -7, 2**30 - 1, -(2**30) + 1, 2**30, 2**62, -(2**64), True, 2.5, -0.0, 1e308, math.inf]
    out = []
    for a in values:
        for b in values:
            out.append(a + b)
            out.append(a - b)
            out.append(a * b)
            try:
                out.append(a / b)
            except ZeroDivisionError as error:
                out.append(str(error))
            except OverflowError as error:
                out.append(str(error))
            x = a
            x += b
            x -= b
            x *= 2
            out.append(x)
    print("arithmetic", len(out), sum(1 for v in out if isinstance(v, str)), repr(out[-40:]))


def comparisons():
    values = [0, 1, -1, 2**30 - 1, 2**31, -(2**40), 1.5, -0.0, 0.0, math.nan, math.inf, True, False]
    counts = [0] * 6
    for a in values:
        for b in values:
            if a < b:
                counts[0] += 1
            if a <= b:
                counts[1] += 1
            if a == b:
                counts[2] += 1
            if not a != b:
                counts[3] += 1
            if a > b:
                counts[4] += 1
            while a >= b:
                counts[5] += 1
                break
    print("comparisons", counts)
    i = 0
    total = 0.0
    while i < 1000:
        total += i * 0.5
        i += 1
    print("loop", i, total)


class MyList(list):
    def __getitem__(self, index):
        return ("mine", super().__getitem__(index))


class Defaulting(dict):
    def __missing__(self, key):
        return ("missing", key)


def subscripts():
    items = [10, 20, 30]
    pairs = (1, 2, 3)
    table = {"a": 1, 2: "b", (1, 2): "c"}
    out = []
    for index in (0, 2, -1, -3, 3, -4, True, 2**40, 1.0, "x"):
        for container in (items, pairs, MyList(items)):
            try:
                out.append(container[index])
            except (IndexError, TypeError) as error:
                out.append(type(error).__name__ + ": " + str(error))
    for key in ("a", 2, (1, 2), "zz", 3.0, [1]):
        for mapping in (table, Defaulting(table)):
            try:
                out.append(mapping[key])
            except (KeyError, TypeError) as error:
                out.append(type(error).__name__ + ": " + str(error))
    for index in (0, 2, -1, 5, True):
        try:
            items[index] = index * 100
        except IndexError as error:
            out.append(str(error))
    out.append(items)
    for position in range(100):
        items[position % 3] += position
    out.append(items)
    print("subscripts", out)


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class WithDict:
    __slots__ = ("a", "__dict__")


class Borrower:
    pass


Borrower.x = Point.__dict__["x"]  # a member of Point stored on an unrelated class


def read_x(owner):
    return owner.x


def slots():
    points = [Point(i, -i) for i in range(5)] + [Point3(i, i, i) for i in range(5)]
    total = 0
    for p in points:
        p.x = p.x + p.y
        total += p.x
    print("slots", total)
    empty = Point.__new__(Point)
    for _ in range(3):
        try:
            read_x(empty)
        except AttributeError as error:
            print("empty", error)
    both = WithDict()
    both.a = 1
    both.b = 2
    print("with dict", both.a, both.b, both.__dict__)
    try:
        read_x(Borrower())
    except TypeError as error:
        print("borrowed", error)
    results = []
    for i in range(6):
        results.append(read_x(points[0]))
        if i == 2:
            Point.x = property(lambda self: "property now")
    print("class changed", results)
    del Point.x
    try:
        read_x(points[0])
    except AttributeError as error:
        print("deleted", error)


def strings():
    s = ""
    for i in range(50):
        s += str(i)
        s = s + "."
    print("strings", len(s), s[-20:])


arithmetic()
comparisons()
subscripts()
slots()
strings()
