# Structural pattern matching: MATCH_CLASS, MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS, GET_LEN,
# literal/capture/wildcard/value/or/as/guard patterns, star patterns, **rest.
from dataclasses import dataclass
from enum import Enum

class Color(Enum):
    RED = 1
    GREEN = 2

@dataclass
class Point:
    x: int
    y: int

class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r
    def __repr__(self):
        return "Circle(%r, %r)" % (self.center, self.r)

def classify(obj):
    match obj:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 0.0:
            return "zero"
        case int(n) if n < 0:
            return "negative int %d" % n
        case int() | float() as num:
            return "number %r" % (num,)
        case "quit" | "exit":
            return "command " + obj
        case str(s) if len(s) > 5:
            return "long string"
        case str():
            return "short string"
        case Color.RED:
            return "red"
        case Color():
            return "other color"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=yy):
            return "on y axis at %d" % yy
        case Point(x, y) if x == y:
            return "diagonal %d" % x
        case Point():
            return "point"
        case Circle(Point(x=cx, y=cy), r=radius):
            return "circle at %d,%d r=%d" % (cx, cy, radius)
        case []:
            return "empty sequence"
        case [x]:
            return "singleton %r" % (x,)
        case [1, 2, *rest]:
            return "starts 1,2 rest=%r" % (rest,)
        case [first, *_, last] if first == last:
            return "same ends %r" % (first,)
        case (a, b):
            return "pair %r %r" % (a, b)
        case [_, _, *mid, _] if len(mid) > 1:
            return "long seq mid=%r" % (mid,)
        case {"type": "user", "name": str(name), **rest}:
            return "user %s extra=%r" % (name, sorted(rest))
        case {"type": "group", "members": [*members]}:
            return "group of %d" % len(members)
        case {}:
            return "some mapping"
        case _:
            return "other %s" % type(obj).__name__

samples = [None, True, False, 0, 0.0, -5, 7, 2.5, "quit", "exit", "abcdefg", "ab", Color.RED, Color.GREEN,
           Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2), Circle(Point(1, 2), 5), [], [9], (9,),
           [1, 2, 3, 4], [5, 6, 5], (7, 8), "xy", [1, 2], [3, 4, 5, 6, 7], {"type": "user", "name": "ann", "age": 3},
           {"type": "group", "members": ("a", "b")}, {"type": "other"}, {}, {1, 2}, b"ab", bytearray(b"x"),
           range(2), 3 + 4j]
for s in samples:
    print(repr(s), "->", classify(s))

def commands(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["take", *items] if items:
            return "taking " + ", ".join(items)
        case ["drop", item, *_]:
            return "dropping " + item
        case [verb]:
            return "verb only: " + verb
        case _:
            return "unknown"
for c in ["go north", "go up", "take a b c", "take", "drop x y", "look", ""]:
    print(repr(c), "->", commands(c))
LIMIT = 10
class Consts:
    LIMIT = 10
def value_pattern(v):
    match v:
        case Consts.LIMIT:
            return "at limit"
        case [Consts.LIMIT, *_]:
            return "seq starting at limit"
        case {"k": Consts.LIMIT}:
            return "mapping with limit"
    return "no match"
print([value_pattern(v) for v in [10, 11, [10, 1], {"k": 10}, {"k": 9}]])
class NoMatchArgs:
    pass
try:
    match NoMatchArgs():
        case NoMatchArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
match {"a": 1, "b": 2}:
    case {"a": 1, **kw}:
        print("kw", kw)
match 5:
    case x:
        print("capture at module level", x)
match (1, (2, (3, 4))):
    case (a, (b, (c, d))):
        print("nested", a + b + c + d)
