# Calls between compiled functions: compiled code pushes the callee's frame itself and enters its native
# code. Everything a program can see of a call must stay as in python3.11: argument binding (defaults,
# methods, closures), frames (sys._getframe, f_back, f_lasti, frame objects that outlive the call),
# exceptions and tracebacks through several levels, recursion limits, callees changed between calls.
import sys
import traceback


def add(a, b):
    return a + b


def with_defaults(a, b=10, c=[1, 2]):
    return a + b + len(c)


def kw_only(a, *, scale=2):
    return a * scale


def star_args(*args):
    return len(args)


def binding_mix():
    total = 0
    for i in range(50):
        total += add(i, 1)
        total += with_defaults(i)
        total += with_defaults(i, 1)
        total += with_defaults(i, 1, [])
        total += with_defaults(i, c=[0])
        total += kw_only(i) + kw_only(i, scale=3)
        total += star_args(i, i) + star_args()
    print("binding", total)
    for bad in [lambda: add(1), lambda: add(1, 2, 3), lambda: with_defaults(), lambda: add(1, a=2)]:
        try:
            bad()
        except TypeError as error:
            print("TypeError:", error)


class Counter:
    def __init__(self, start):
        self.value = start

    def bump(self, by=1):
        self.value += by
        return self.value

    @staticmethod
    def twice(x):
        return 2 * x

    @classmethod
    def make(cls, start):
        return cls(start)


def methods():
    counter = Counter.make(5)
    bump = counter.bump
    for _ in range(20):
        counter.bump()
        bump(2)
        Counter.bump(counter, 3)
    print("methods", counter.value, Counter.twice(21), counter.twice(4))


def make_adder(n):
    def adder(x):
        return x + n

    return adder


def closures():
    adders = [make_adder(k) for k in range(5)]
    print("closures", [adder(10) for adder in adders])


def where_am_i():
    frame = sys._getframe()
    caller = frame.f_back
    return frame.f_code.co_name, caller.f_code.co_name, caller.f_lineno, caller.f_lasti >= 0


def keep_my_frame(value):
    local_marker = value * 2
    return sys._getframe()


def frames():
    print("frames", where_am_i())
    kept = [keep_my_frame(i) for i in range(3)]
    for frame in kept:
        print("kept", frame.f_code.co_name, frame.f_locals["local_marker"], frame.f_back.f_code.co_name,
              frame.f_lineno)
    frame = keep_my_frame(7)
    print("outlived", frame.f_locals, frame.f_back.f_code.co_name)


def fail(depth):
    if depth == 0:
        raise ValueError("bottom")
    return fail(depth - 1) + 1


def exceptions():
    try:
        fail(3)
    except ValueError:
        traceback.print_exc(file=sys.stdout)
    for depth in range(3):
        try:
            fail(depth)
        except ValueError as error:
            print("caught", depth, error, error.__traceback__.tb_next.tb_frame.f_code.co_name)


def recurse(n):
    return recurse(n + 1) + 1


def recursion_limit():
    try:
        recurse(0)
    except RecursionError as error:
        print("RecursionError:", error)
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(60)
    try:
        recurse(0)
    except RecursionError as error:
        print("small limit:", error)
    finally:
        sys.setrecursionlimit(old)


def callee(x):
    return x + 1


def other_callee(x):
    return x * 100


def redefined():
    global callee
    results = []
    for i in range(6):
        results.append(callee(i))
        if i == 1:
            callee.__code__ = other_callee.__code__
        if i == 3:
            callee = lambda x: -x
    with_defaults.__defaults__ = (1000, ())
    results.append(with_defaults(1))
    print("redefined", results)


def gen(n):
    yield from range(n)


def generators_and_builtins():
    print("generators", list(gen(4)), sum(gen(5)), max(map(add, [1, 2], [3, 4])))


def deep_uncaught(n):
    if n == 0:
        return {}["missing"]
    return deep_uncaught(n - 1)


binding_mix()
methods()
closures()
frames()
exceptions()
recursion_limit()
redefined()
generators_and_builtins()
deep_uncaught(4)
