"""Specialized tier: `for k in range(...)` loop variables kept as int64 while compiled code runs.

FOR_ITER's range path stores the item into the local's unboxed shadow (no int object); the frame gets the
boxed value wherever it can be observed. Cases: the variable read by a callee through the frame, after the
loop, after an empty range (unbound), reassigned to a str inside the loop, big and negative ranges (ranges
past int64 use another iterator type), a list or generator iterated by the same loop code, an exception
raised with the variable live (traceback locals), a generator that yields it, and nested loops.
"""
import sys


def peek_caller_local(name):
    return sys._getframe(1).f_locals.get(name, "<unbound>")


def marks(limit):
    flags = bytearray([1]) * (limit + 1)
    count = 0
    last = -1
    seen = []
    for k in range(2, limit + 1):
        if flags[k]:
            count += 1
            for j in range(k * k, limit + 1, k):
                flags[j] = 0
            if count % 150 == 0:
                seen.append((k, peek_caller_local("k"), peek_caller_local("j")))
            last = k
    return count, last, seen, k


def empty_then_read(n):
    total = 0
    for i in range(n):
        total += i * 2
    try:
        return total, i
    except UnboundLocalError as e:
        return total, "UnboundLocalError: " + str(e)


def reassigned(n):
    out = []
    for i in range(n):
        x = i * 3
        if i % 500 == 7:
            i = "seven"
            out.append((i, x))
        elif i % 1000 == 999:
            out.append(i + x)
    return out


def ranges(n):
    results = []
    for start, stop, step in ((2 ** 62, 2 ** 62 + n, 1), (n, -n, -3), (2 ** 64, 2 ** 64 + n, 7), (0, n, 1)):
        acc = 0
        for v in range(start, stop, step):
            acc = (acc + v * 3) % 1000003
        results.append((acc, v))
    return results


def same_loop_other_iterators(items):
    acc = 0
    for x in items:
        acc = (acc + x * 7) % 10007
    return acc


def raises_inside(n):
    for i in range(n):
        if i * i > 4 * n:
            try:
                raise ValueError("stop at %d" % i)
            except ValueError as e:
                tb = e.__traceback__
                return str(e), tb.tb_frame.f_locals["i"], peek_caller_local("i")
    return None


def gen_squares(n):
    for i in range(n):
        if i % 3 == 0:
            yield i * i


def nested(n):
    total = 0
    for a in range(n):
        for b in range(a, n):
            total += a * b - (a ^ b)
    return total


print(marks(30000))
print(empty_then_read(0), empty_then_read(3000))
print(reassigned(3000))
print(ranges(2000))
print(same_loop_other_iterators(range(5000)), same_loop_other_iterators(list(range(5000))),
      same_loop_other_iterators(x for x in range(5000)))
print(raises_inside(5000))
print(sum(gen_squares(6000)))
print(nested(150))
