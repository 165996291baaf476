"""Specialized tier: direct calls, and everything that must send a call site back to the generic call.

A CALL where tier 1 saw one Python code object pushes the callee's frame itself and calls its compiled code
when the callable is a function with that code; anything else takes the generic call. Cases: recursion (the
site calls its own code), mutual recursion, bound methods ([function, self, args] on the stack), closures
(new function objects with one code), the global rebound mid-loop to a function of another arity, a builtin
and a class, __code__ replaced mid-loop, exceptions raised in the callee (tracebacks show every frame), the
recursion limit reached through direct calls, a callee that makes a frame object of itself and keeps it, a
callee that reads its caller's frame, callees whose code objects are freed and replaced by new code
objects of other shapes (exec'd functions) while the caller stays compiled, and parameters left to their
defaults while __defaults__ is replaced.
"""
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


class Accumulator:
    def __init__(self):
        self.total = 0

    def add(self, value, weight):
        self.total += value * weight
        return self.total


def make_scaler(k):
    def scale(x):
        return x * k + 1
    return scale


# Each callee below branches, so that it is called, never inlined.
def two(a, b):
    return a * 31 + b if a > 0 else b


def three(a, b, c):
    return a + b + c if a > 0 else c


def step(x):
    return x + 1 if x >= 0 else 0


def other_step(x):
    return x - 1 if x >= 0 else 0


def call_step_loop(n):
    total = 0
    for i in range(n):
        total += step(i)
        if i == n // 2:
            # Another code with the same arity: the direct path must not run `step`'s code.
            step.__code__ = other_step.__code__
    return total


def rebinding_loop(n):
    global two
    saved = two
    out = []
    for i in range(n):
        try:
            out.append(two(i, 2))
        except TypeError as exc:
            out.append(str(exc))
        if i == n // 3:
            two = three  # now needs three arguments: TypeError from the generic call
        elif i == 2 * n // 3:
            two = abs if i % 2 else max  # a builtin
    two = saved
    return out[-3:], len(out)


def failing(x):
    if x % 97 == 96:
        raise ValueError("bad value %d" % x)
    return x


def failing_loop(n):
    caught = 0
    for i in range(n):
        try:
            failing(i)
        except ValueError:
            caught += 1
    return caught


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


kept_frames = []


def keeps_frame(x):
    if x % 50 == 0:
        kept_frames.append(sys._getframe())
    return x * 2


def reads_caller(x):
    caller = sys._getframe(1)
    return caller.f_locals.get("i", -1) + x


def frame_loop(n):
    total = 0
    for i in range(n):
        total += keeps_frame(i)
        total += reads_caller(i)
    return total


def exec_shapes(rounds):
    # A fresh code object per round, of changing arity; the previous one is freed before the next exists.
    results = []
    for r in range(rounds):
        namespace = {}
        params = ", ".join("p%d" % k for k in range(r % 3 + 1))
        exec("def g(%s):\n    return %s\n" % (params, " + ".join("p%d" % k for k in range(r % 3 + 1))), namespace)
        g = namespace["g"]
        del namespace
        args = tuple(range(r % 3 + 1))
        acc = 0
        for i in range(60):
            acc += call_any(g, args)
        results.append(acc)
        del g
    return sum(results), results[:4]


def scaled(x, factor=3, offset=(1, 2)):
    return x * factor + offset[0] if x >= 0 else offset


def defaults_loop(n):
    # Parameters left to their defaults, whose tuple is replaced mid-loop: longer, shorter (too few for the
    # call: TypeError from the generic call), then restored.
    saved = scaled.__defaults__
    total = 0
    errors = []
    for i in range(n):
        try:
            total += scaled(i)
            total += scaled(i, 2)
        except TypeError as exc:
            errors.append(str(exc))
        if i == n // 4:
            scaled.__defaults__ = (5, 7, (10, 20))
        elif i == n // 2:
            scaled.__defaults__ = ((4, 4),)
        elif i == 3 * n // 4:
            scaled.__defaults__ = saved
    same = scaled(-1) is saved[1]
    return total, len(errors), errors[:1], same


def call_any(f, args):
    if len(args) == 1:
        return f(args[0])
    if len(args) == 2:
        return f(args[0], args[1])
    return f(args[0], args[1], args[2])


def main():
    print("fib", [fib(k) for k in range(18)])
    print("parity", [is_even(k) for k in range(40)], is_odd(301))
    acc = Accumulator()
    for i in range(3000):
        acc.add(i, 3)
    print("method", acc.total)
    total = 0
    for k in range(2000):
        total += make_scaler(k % 7)(k)
    print("closures", total)
    print("step", call_step_loop(3000))
    print("rebinding", rebinding_loop(3000))
    print("failing", failing_loop(5000))
    try:
        deep(100000)
    except RecursionError as exc:
        print("recursion", type(exc).__name__, str(exc)[:40])
    print("deep", deep(500))
    print("frames", frame_loop(2000), len(kept_frames), kept_frames[-1].f_locals)
    print("exec shapes", exec_shapes(300))
    print("defaults", defaults_loop(4000))
    print(failing(96))


main()
