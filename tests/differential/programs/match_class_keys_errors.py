# MATCH_CLASS, MATCH_KEYS, MATCH_MAPPING/SEQUENCE and GET_LEN on their error paths and odd inputs: a
# pattern that is not a class, too many positional sub-patterns, __match_args__ that is not a tuple or
# holds a non-string, an attribute matched twice, attributes that raise, __instancecheck__ of a
# metaclass, duplicate keys through value patterns, mappings with a get() of their own (and a
# defaultdict, which must not grow), and __len__ that raises.
import collections
import sys
import traceback


def show(exc):
    print(type(exc).__name__, "|", exc)


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class NoArgs:
    pass


class ListArgs:
    __match_args__ = ["x"]


class BadArgs:
    __match_args__ = ("x", 3)
    x = 1


class Dup:
    __match_args__ = ("x",)
    x = 1


class Prop:
    @property
    def missing(self):
        raise AttributeError("not here")

    @property
    def broken(self):
        raise ValueError("broken property")


class Meta(type):
    def __instancecheck__(cls, instance):
        print("instancecheck", type(instance).__name__)
        return isinstance(instance, int)


class IntLike(metaclass=Meta):
    __match_args__ = ("real",)


class Holder:
    not_a_class = 42
    Point = Point


def classify(subject):
    match subject:
        case Point(0, 0):
            return "origin"
        case Point(x, y=0):
            return f"on x axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case int(n) if n < 0:
            return "negative"
        case IntLike(r):
            return f"intlike {r}"
        case str() | bytes():
            return "text"
        case [Point(), *rest]:
            return f"points {len(rest)}"
        case {"kind": "circle", "r": r, **others}:
            return f"circle {r} {sorted(others)}"
        case Holder.Point(1, 1):
            return "unreachable"
        case _:
            return "other"


for subject in (Point(0, 0), Point(3, 0), Point(2, 2), -5, 7, "s", b"b", [Point(1, 2), 3, 4],
                {"kind": "circle", "r": 2, "z": 1}, {"kind": "square"}, None):
    print(classify(subject))


def case_not_a_class(subject):
    match subject:
        case Holder.not_a_class():
            return "matched"


def case_int_two(subject):
    match subject:
        case int(1, 2):
            return "matched"


def case_no_args(subject):
    match subject:
        case NoArgs(1):
            return "matched"


def case_list_args(subject):
    match subject:
        case ListArgs(1):
            return "matched"


def case_bad_args(subject):
    match subject:
        case BadArgs(1, 2):
            return "matched"


def case_dup(subject):
    match subject:
        case Dup(1, x=1):
            return "matched"


def case_missing(subject):
    match subject:
        case Prop(missing=1):
            return "matched"


def case_broken(subject):
    match subject:
        case Prop(broken=1):
            return "matched"


for case, subject in ((case_not_a_class, 1), (case_int_two, 1), (case_int_two, "s"), (case_no_args, NoArgs()),
                      (case_no_args, 1), (case_list_args, ListArgs()), (case_bad_args, BadArgs()),
                      (case_dup, Dup()), (case_missing, Prop()), (case_broken, Prop())):
    try:
        print(case.__name__, case(subject))
    except Exception as e:
        show(e)


class Keys:
    A = "same"
    B = "same"
    C = "other"


def keys_case(subject):
    match subject:
        case {Keys.A: 1, Keys.C: 2}:
            return "a-c"
        case {Keys.A: 1, Keys.B: 2}:
            return "a-b"
    return "none"


print(keys_case({"same": 1, "other": 2}))
try:
    print(keys_case({"same": 1, "x": 0}))
except ValueError as e:
    show(e)
    traceback.print_exc(file=sys.stdout)


class LoggingMap(dict):
    def get(self, key, default=None):
        print("get", key)
        return super().get(key, default)


d = collections.defaultdict(list)
d["present"] = [1]
match d:
    case {"present": p, "absent": q}:
        print("both")
    case {"present": p}:
        print("present", p)
print(sorted(d))
match LoggingMap(a=1, b=2, d=4):
    case {"a": 1, "b": b, "c": c}:
        print("abc")
    case {"a": a, "b": b}:
        print("ab", a, b)


class BadLen:
    def __len__(self):
        raise RuntimeError("len failed")

    def __getitem__(self, i):
        return i


collections.abc.Sequence.register(BadLen)
try:
    match BadLen():
        case [a, b]:
            print("two")
except RuntimeError as e:
    show(e)
match collections.deque([1, 2, 3]):
    case [first, *_]:
        print("deque", first)
match {"k": 1}:
    case [x]:
        print("a mapping is not a sequence")
    case {"k": x}:
        print("mapping", x)

match 5:
    case Holder.not_a_class():
        pass
