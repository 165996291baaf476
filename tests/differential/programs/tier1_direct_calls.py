# Python-to-Python calls made by tier 1 (-X jit=interp runs every frame there): tier 1 pushes the callee's
# frame itself and runs it directly, as CPython 3.11 inlines calls. Everything a program can see must stay
# as in python3.11: binding (defaults, bound methods, closures), kwargs and generators on the normal path,
# frames (sys._getframe, f_back, f_lasti, frame objects outliving the call), recursion limits, callees
# rebound between calls, exceptions and tracebacks through several levels.
import sys
import traceback


def add(a, b):
    return a + b


def with_defaults(a, b=10, c=(1, 2)):
    return a + b + len(c)


def keywords(a, *, scale=2):
    return a * scale


def gen_squares(n):
    for i in range(n):
        yield i * i


def make_adder(k):
    def adder(x):
        return x + k

    return adder


class Counter:
    def __init__(self):
        self.count = 0

    def bump(self, by=1):
        self.count += by
        return self.count


def binding():
    total = 0
    adder = make_adder(7)
    counter = Counter()
    for i in range(200):
        total += add(i, 1) + with_defaults(i) + with_defaults(i, 1) + with_defaults(i, 2, [])
        total += keywords(i) + keywords(i, scale=3) + adder(i) + counter.bump() + counter.bump(by=2)
        total += sum(gen_squares(i % 5))
    print("binding", total, counter.count)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def recursion():
    print("depth", depth(300))
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(80)
    try:
        for attempt in range(3):
            try:
                depth(1000)
            except RecursionError as error:
                print("RecursionError", attempt, error)
        print("depth after", depth(40))
    finally:
        sys.setrecursionlimit(old)


def current_frame_info():
    frame = sys._getframe()
    caller = frame.f_back
    return frame.f_code.co_name, caller.f_code.co_name, caller.f_lineno, caller.f_lasti


def keep_frame():
    local_value = "kept"
    return sys._getframe()


def frames():
    for _ in range(3):
        print("frame", current_frame_info())
    kept = keep_frame()
    print("kept", kept.f_code.co_name, kept.f_locals["local_value"], kept.f_back is sys._getframe())
    chain = []
    walker = sys._getframe()
    while walker is not None:
        chain.append(walker.f_code.co_name)
        walker = walker.f_back
    print("chain", chain)


def target(x):
    return x + 1


def rebinding():
    global target
    results = []
    original = target
    for i in range(30):
        results.append(target(i))
        if i == 10:
            target = lambda x: x * 100  # noqa: E731
        if i == 20:
            original.__code__ = (lambda x: -x).__code__
            target = original
    print("rebinding", results)


def fails(n):
    if n == 0:
        raise ValueError("bottom reached")
    return fails(n - 1) + 1


def exceptions():
    for n in (0, 3):
        try:
            fails(n)
        except ValueError:
            lines = traceback.format_exc().splitlines()
            print("traceback", len(lines), lines[-1])
    fails(2)


binding()
recursion()
frames()
rebinding()
exceptions()
