# The specialized tier keeps float and int locals unboxed while compiled code runs (docs/deopt.md): every
# observer of the frame must still see exact values. Each scenario runs hot loops so that the loops are
# compiled with speculations (at -X jit-threshold=20) while the unboxed locals are stale.
import math
import sys


def observe_caller():
    f_locals = sys._getframe(1).f_locals
    return tuple(sorted((k, v) for k, v in f_locals.items() if isinstance(v, (int, float))))


def callee_reads_locals(n):
    x = 0.5
    y = 1.25
    seen = []
    for i in range(n):
        x = x * 1.0001 + 0.25
        y = y - x * 0.5
        if i % 37 == 0:
            seen.append(observe_caller())
    return x, y, seen[-3:]


class Spy:
    log = []

    def __del__(self):
        f_locals = sys._getframe(1).f_locals  # the frame dropping the last reference
        Spy.log.append(tuple(sorted((k, v) for k, v in f_locals.items() if isinstance(v, (int, float)))))


def finalizer_reads_locals(n):
    acc = 0.0
    k = 0
    for i in range(n):
        acc = acc + 0.5 * acc + 1.0
        acc = acc * 0.25
        k = k + 3
        if i % 41 == 0:
            spy = Spy()
            spy = None  # its __del__ runs here, with acc and k unboxed
    return acc, k, Spy.log[-2:]


def type_changes(values):
    out = []
    total = 0.0
    for v in values:
        total = total + v  # float, then an int, a big int, a str
        out.append(total)
    return out


def float_specials(n):
    results = []
    for special in (float("nan"), -0.0, float("inf"), -float("inf"), 1e308, 5e-324):
        x = special
        for _ in range(n):
            x = x * 1.0 + 0.0
            y = x - x
            z = x * -1.0
        results.append((repr(x), repr(y), repr(z), math.copysign(1.0, z), x == x, y < 1.0))
    return results


def int_overflow(n):
    a = 1
    b = 0
    for i in range(n):
        a = a * 3 + 1
        b = b + a - i
    return a, b


def raises_with_unboxed(n):
    x = 1.0
    count = 0
    try:
        for i in range(n):
            x = x * 1.5 + 2.0
            count = count + 1
            if i == n - 3:
                raise ValueError("stop at %d" % i)
    except ValueError as error:
        frame = error.__traceback__.tb_frame
        seen = {k: v for k, v in frame.f_locals.items() if k in ("x", "count", "i")}
        return str(error), sorted(seen.items())
    return None


def tracer_mid_loop(n):
    events = []

    def tracer(frame, event, arg):
        if event == "line" and frame.f_code.co_name == "tracer_mid_loop":
            values = frame.f_locals
            events.append((frame.f_lineno - tracer_mid_loop.__code__.co_firstlineno, values.get("x"), values.get("i")))
        return tracer

    def switch_on():
        sys._getframe(1).f_trace = tracer
        sys.settrace(tracer)

    x = 0.0
    for i in range(n):
        x = x + 0.75 * 2.0
        x = x - 0.125
        if i == n - 2:
            switch_on()
    sys.settrace(None)
    return x, events[:6], len(events)


def unbound_after_delete(n):
    s = 0.0
    for i in range(n):
        s = s + 1.5
    del s
    try:
        return s
    except UnboundLocalError as error:
        return str(error)


for rounds in (1, 2):
    print(callee_reads_locals(300))
    print(finalizer_reads_locals(300))
    print(type_changes([0.5] * 60 + [1, 2, 10**30, 0.25]))
    try:
        print(type_changes([0.5] * 60 + ["s"]))
    except TypeError as error:
        print("TypeError", error)
    print(float_specials(50))
    print(int_overflow(60))
    print(raises_with_unboxed(200))
    print(tracer_mid_loop(100))
    print(unbound_after_delete(100))
