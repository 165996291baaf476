# Parameters that no instruction stores are read unboxed from a per-activation cache after their first
# guarded read. The parameter's type differs between calls (int, float, bool, big int, str, an int
# subclass), a parameter is also captured by a closure (a cell), read in generators across suspensions,
# passed by default, and a loop over it is entered mid-way (OSR).
import sys


def count_up(start, limit, step):
    n = start
    total = 0
    while n < limit:
        total += n * step
        n += 1
    return total, n


def mixed(scale, offset, count):
    acc = 0.0
    for i in range(count):
        acc += i * scale + offset
    return acc


def captured(limit, factor):
    def inner(x):
        return x * factor + limit

    total = 0
    for i in range(limit):
        total += inner(i) - i * factor
    return total


def stepping(limit, step):
    i = 0
    while i < limit:
        yield i
        i += step


def with_default(n, k=3):
    total = 0
    for i in range(n):
        total += i % k
    return total


class Count(int):
    def __add__(self, other):
        return Count(int(self) + other + 1)


def report(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:  # the exception CPython raises at the same instruction
        print(label, type(e).__name__, e)


def main():
    for round_ in range(3):
        report("ints", lambda: count_up(0, 300, 2))
        report("float limit", lambda: count_up(0, 250.5, 3))
        report("bool step", lambda: count_up(0, 200, True))
        report("big limit", lambda: count_up(2**62 - 150, 2**62, 1))
        report("big step", lambda: count_up(0, 100, 2**70))
        report("float start", lambda: count_up(0.5, 120, 1))
        report("str limit", lambda: count_up(0, "x", 1))
        report("subclass step", lambda: count_up(0, 50, Count(2)))
        report("mixed", lambda: mixed(0.5, 2, 400))
        report("mixed ints", lambda: mixed(3, 1, 400))
        report("mixed big", lambda: mixed(2**65, 1, 50))
        report("captured", lambda: captured(200, 3))
        report("captured float", lambda: captured(150, 0.25))
        report("generator", lambda: sum(stepping(500, 3)))
        report("generator float", lambda: sum(stepping(100.5, 0.5)))
        report("default", lambda: with_default(300))
        report("default given", lambda: with_default(300, 7))
        report("default float", lambda: with_default(100, 2.5))
    g = stepping(60, 2)
    print([next(g) for _ in range(5)], sum(g))
    print(count_up(0, 10**6, 1)[1])
    count_up(0, 5, None)


main()
