"""Specialized tier: calls of small arithmetic functions compiled inline, and everything that must undo them.

A global function whose code is a straight line of int/float operations on its parameters is inlined into a
hot caller (no frame); any guard failing on the way goes back to before the call. Cases: the plain inlined
call (int, float and mixed parameters, constants, a local inside the callee), the global rebound to another
function mid-loop, the function's __code__ replaced mid-loop, an int result overflowing int64 inside the
callee, a ZeroDivisionError and a ValueError raised inside the callee (tracebacks must show its frame), a
call at the recursion limit, a bound method and a keyword call (never inlined), arguments whose type changes
mid-loop, NaN / -0.0 / inf through the callee, and a parameter no operation uses.
"""
import math
import sys


def entry(i, j):
    s = i + j
    return 1.0 / ((s * (s + 1) >> 1) + i + 1)


def scaled(x, k):
    y = x * 2.5
    return y - k


def poly(a):
    return a * a * 3 + a * 7 - 11


def shifted(a, b):
    return (a << b) + 1


def first(a, unused):
    return a + 1  # `unused` has no operation to tell its type: never inlined


def kernel(n):
    acc = 0.0
    for i in range(n):
        for j in range(n):
            acc += entry(i, j) * 1.5
    return acc


def mixed(n):
    total = 0.0
    count = 0
    for k in range(n):
        total += scaled(k * 0.5, k)
        tag = "x" if k % 2 else None
        count += poly(k) + first(k, tag)
    return total, count


def alternate(a):
    return a * a * 3 + a * 7 - 11 + 1


def rebound_global(n):
    global poly
    out = []
    original = poly
    for k in range(n):
        if k == n // 2:
            poly = alternate
        out.append(poly(k))
    poly = original
    return sum(out), out[n // 2 - 1], out[n // 2]


def code_replaced(n):
    out = 0
    saved = poly.__code__
    for k in range(n):
        if k == n // 3:
            poly.__code__ = alternate.__code__
        out += poly(k)
    poly.__code__ = saved
    return out


def overflow(n):
    values = []
    for k in range(n):
        values.append(poly(k * 100000000 if k > n - 5 else k))
        values.append(shifted(k, 60 if k == n - 1 else 3))
    return values[-6:]


def divide(a, b):
    return a / b


def division_error(n):
    total = 0.0
    for k in range(n):
        total += divide(1.0, float(n - 1 - k) if k == n - 1 else float(k + 1))
    return total


def negative_shift(n):
    total = 0
    for k in range(n):
        total += shifted(k, -1 if k == n - 1 else 2)
    return total


def deep(depth, n):
    if depth > 0:
        return deep(depth - 1, n)
    total = 0
    for k in range(n):
        total += poly(k)
    return total


class Box:
    def poly(self, a):
        return a * 2 + 1


def not_inlined(n):
    box = Box()
    total = 0
    for k in range(n):
        total += box.poly(k) + scaled(x=float(k), k=k)
    return total


def changing_types(n):
    results = []
    for k in range(n):
        x = k if k < n - 8 else (k + 0.25 if k < n - 4 else 10 ** 30 + k)
        results.append(poly(x))
    return results[-9:]


def special_floats(n):
    out = []
    for k in range(n):
        x = [float("nan"), -0.0, float("inf"), 1e308][k % 4]
        out.append(scaled(x, 1))
    return [repr(v) for v in out[-4:]], math.copysign(1.0, scaled(-0.0, 0))


def main():
    print("kernel", round(kernel(60), 9))
    print("mixed", mixed(3000))
    print("rebound", rebound_global(3000))
    print("code_replaced", code_replaced(3000))
    print("overflow", overflow(3000))
    try:
        division_error(3000)
    except ZeroDivisionError as error:
        tb = error.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("ZeroDivisionError", error, names)
    try:
        negative_shift(3000)
    except ValueError as error:
        print("ValueError", error, error.__traceback__.tb_next.tb_frame.f_code.co_name)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        print("deep ok", deep(150, 2000))
        for extra in range(60, 0, -1):
            try:
                deep(200 - extra, 2000)
                print("deep fits at", 200 - extra)
                break
            except RecursionError:
                continue
    finally:
        sys.setrecursionlimit(limit)
    print("not_inlined", not_inlined(3000))
    print("changing_types", changing_types(3000))
    print("special_floats", special_floats(3000))
    division_error(3000)  # the uncaught traceback, through the callee


main()
