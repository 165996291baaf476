# CALL_FUNCTION_EX, DICT_MERGE, DICT_UPDATE, LIST_EXTEND, SET_UPDATE, BUILD_MAP/SET/CONST_KEY_MAP,
# MAP_ADD, SET_ADD, UNPACK_EX and BEFORE_WITH on their error paths and odd inputs: `*` of a non-iterable,
# `**` of a non-mapping, repeated keywords, mappings with keys() of their own, iterables that raise
# midway (CPython 3.11 never releases the keyword dict then: the __del__ below must not run), unhashable
# keys, dict sizes, starred-unpacking of lists, tuples, strings and iterators, and objects that are not
# context managers.
import collections
import sys
import traceback


def show(exc):
    print(type(exc).__name__, "|", exc)


def f(*args, **kwargs):
    return args, kwargs


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


class Mapping:
    def __init__(self, **items):
        self.items_ = items

    def keys(self):
        print("keys()")
        return list(self.items_)

    def __getitem__(self, key):
        print("getitem", key)
        return self.items_[key]


class BadKeys:
    def keys(self):
        raise AttributeError("keys broke")


def gen_raising():
    yield 1
    raise ValueError("midway")


def calls():
    print(f(*[1, 2], **{"a": 3}))
    print(f(*(1, 2), *range(2), x=1, **{"y": 2}, **{"z": 3}))
    print(f(**Mapping(m=1, n=2)))
    print(f(*"ab", **Mapping()))
    for args in (1, None, Noisy("star-arg")):
        try:
            f(*args)
        except TypeError as e:
            show(e)
    for kwargs in (1, [("a", 1)], BadKeys()):
        try:
            f(**kwargs)
        except TypeError as e:
            show(e)
    try:
        f(a=1, **{"a": 2})
    except TypeError as e:
        show(e)
    try:
        f(**{"a": 1}, **{"b": 2, "a": 3})
    except TypeError as e:
        show(e)
    try:
        f(**{"a": 1}, **Mapping(a=2))
    except TypeError as e:
        show(e)
    print(f(**collections.defaultdict(int, a=1)), f(**collections.OrderedDict(b=2)))
    try:
        f(**{"a": 1}, **collections.defaultdict(int, a=2))
    except TypeError as e:
        show(e)
    try:
        f(**{1: 2})
    except TypeError as e:
        show(e)
    try:
        f(*gen_raising(), **{"k": Noisy("leaked kwargs value")})
    except ValueError as e:
        show(e)
    try:
        f(*gen_raising())
    except ValueError as e:
        show(e)
        traceback.print_exc(file=sys.stdout)


calls()
print("after calls")


def containers():
    x = 1
    print([*range(3), *"ab"], {*range(3), *"ab"} == {0, 1, 2, "a", "b"}, (*[1], *[2]))
    print({**{"a": 1}, "b": 2, **Mapping(c=3)})
    for value in (1, None):
        try:
            [*value]
        except TypeError as e:
            show(e)
        try:
            {*value}
        except TypeError as e:
            show(e)
        try:
            {**value}
        except TypeError as e:
            show(e)
    try:
        {**BadKeys()}
    except TypeError as e:
        show(e)
    try:
        {"a": x, [1]: x}
    except TypeError as e:
        show(e)
    try:
        {x, [1], Noisy("set item")}
    except TypeError as e:
        show(e)
    try:
        {k: x for k in ([1], 2)}
    except TypeError as e:
        show(e)
    try:
        {k for k in (1, {})}
    except TypeError as e:
        show(e)
    small = {"a": x, "b": x}
    big = {"a": x, "b": x, "c": x, "d": x, "e": x, "f": x, "g": x}
    mixed = {"a": x, "b": x, "c": x, "d": x, "e": x, "f": x, 7: x}
    const = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": x}
    dup = {"k": Noisy("first value"), "k": 2}
    k = "abcdefgh"
    varkeys = {k[0]: x, k[1]: x, k[2]: x, k[3]: x, k[4]: x, k[5]: x, k[6]: x}
    varmixed = {k[0]: x, k[1]: x, k[2]: x, k[3]: x, k[4]: x, k[5]: x, 7: x}
    print(small, big, mixed, const, dup, varkeys, varmixed)
    print([sys.getsizeof(d) for d in (small, big, mixed, const, dup, varkeys, varmixed)])


containers()


def unpacking(seq):
    first, *rest, last = seq
    return first, rest, last, sys.getsizeof(rest)


def unpack_two_before(seq):
    a, b, *rest = seq
    return a, b, rest


for seq in ([1, 2, 3, 4, 5], (1, 2), "abcdefghijklmn", iter(range(30)), list(range(40)), (1,), 5, iter([1]),
            (i for i in range(1)), gen_raising(), range(3), {"k": 1, "j": 2}):
    try:
        print(unpacking(seq))
    except (ValueError, TypeError) as e:
        show(e)
for seq in (iter([1]), "", "ab", [Noisy("unpacked before the error")], gen_raising()):
    try:
        print(unpack_two_before(seq))
    except ValueError as e:
        show(e)
a, b, *c = range(5)
*d, = [1]
print(a, b, c, d)


class EnterOnly:
    def __enter__(self):
        return self


class ExitOnly:
    def __exit__(self, *exc):
        return False


class EnterRaises:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *exc):
        print("exit must not run")


class Manager:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        print("enter", self.tag)
        return self.tag

    def __exit__(self, *exc):
        print("exit", self.tag, exc[0])
        return self.tag == "swallow"


def with_statements():
    with Manager("a") as t, Manager("b") as u:
        print(t, u)
    with Manager("swallow"):
        raise KeyError("swallowed")
    for manager in (1, EnterOnly(), ExitOnly(), EnterRaises()):
        try:
            with manager:
                print("body must not run")
        except (TypeError, RuntimeError) as e:
            show(e)


with_statements()
with EnterOnly():
    pass
