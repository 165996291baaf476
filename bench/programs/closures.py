"""closures: cell variables in hot loops.

Exercises: LOAD_DEREF / STORE_DEREF (nonlocal counters updated in a loop),
LOAD_CLOSURE / MAKE_FUNCTION with closures, calling closures returned from
factories, and loops in an outer function whose locals are cells because
an inner function captures them.
"""
import sys


def make_counter(step):
    count = 0

    def bump():
        nonlocal count
        count += step
        return count

    return bump


def make_accumulator():
    total = 0
    calls = 0

    def add(x):
        nonlocal total, calls
        total += x
        calls += 1
        if total > 1000000:
            total -= 999983
        return total

    def stats():
        return total, calls

    return add, stats


def captured_loop(n):
    # i, acc and mult are cells because `peek` captures them; the loop
    # below therefore runs entirely on LOAD_DEREF/STORE_DEREF.
    acc = 0
    mult = 3
    i = 0

    def peek():
        return acc + i * mult

    while i < n:
        acc = (acc + i * mult) % 1000003
        if i % 7 == 0:
            mult = (mult + 1) % 11
        i += 1
    return acc, peek()


def compose_chain(n):
    fs = []
    for k in range(8):
        def f(x, k=k):
            return (x * (k + 3) + k) % 65521
        fs.append(f)

    def run(x):
        for g in fs:
            x = g(x)
        return x

    v = 1
    for _ in range(n):
        v = run(v)
    return v


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000000
    c = make_counter(3)
    last = 0
    for _ in range(n):
        last = c()
    add, stats = make_accumulator()
    for i in range(n):
        add(i & 255)
    acc, peek = captured_loop(n * 2)
    chain = compose_chain(n // 8)
    total, calls = stats()
    print("closures n=%d last=%d total=%d calls=%d acc=%d peek=%d chain=%d"
          % (n, last, total, calls, acc, peek, chain))


main()
