"""Specialized tier: unboxed float and int locals stay unboxed across loops over lists and tuples, and are
written back exactly when code that can look at the frame runs.

A list's iterator at the end lets go of the list: when it held the last reference, the list and its items
are freed and an item's __del__ reads the caller's locals (which must hold the current values then). When
the list is shared, nothing runs and the locals need not be written back. iter() of a class with __iter__
runs Python code that also reads them; iter() of a list or tuple does not. Closures (LOAD_DEREF of a cell)
read in the loop do not run code either.
"""
import sys


class Witness:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        caller = sys._getframe(1)
        seen = {k: v for k, v in caller.f_locals.items() if k in ("x", "y", "n")}
        print("freed", self.tag, "in", caller.f_code.co_name, sorted(seen.items()))


class Counting:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        caller = sys._getframe(1)
        print("iter sees x =", round(caller.f_locals.get("x", -1.0), 6))
        return iter(self.items)


def last_reference_freed(rounds):
    x = 0.5
    y = 0.0
    n = 0
    for r in range(rounds):
        for w in [1.5, 2.5, Witness(r)]:  # the iterator holds the only reference to this list
            if isinstance(w, float):
                x = x * 1.25 + w
                n += 1
        y += x * 0.5
        w = None
    return round(x, 6), round(y, 6), n


def shared_list(rounds):
    items = [0.25, 0.5, 0.75]
    keep = [Witness("kept")]
    x = 1.0
    n = 0
    for _ in range(rounds):
        for v in items:  # shared: nothing is freed at the end
            x = x * 0.5 + v
            n += 1
        for t in (1, 2):
            n += t
    del keep
    return round(x, 6), n


def custom_iterables(rounds):
    x = 2.0
    for r in range(rounds):
        for v in Counting([0.5, r * 1.0]):
            x = x * 0.75 + v
        for v in (0.25, 0.125):
            x += v
    return round(x, 6)


def closure_in_loop(rounds):
    scale = 1.5
    x = 0.0

    def bump():
        return scale

    for r in range(rounds):
        for v in [0.5, 1.0]:
            x += v * scale
        x -= bump() * 0.5
    return round(x, 6)


def generator_source(rounds):
    def gen(k):
        yield 1.0
        yield k * 0.5
        print("generator ends; x is", round(sys._getframe(1).f_locals["x"], 6))

    x = 0.0
    for r in range(rounds):
        for v in gen(r):
            x = x * 0.5 + v
    return round(x, 6)


for n in (3, 40):
    print(last_reference_freed(n))
    print(shared_list(n))
    print(custom_iterables(n))
    print(closure_in_loop(n))
    print(generator_source(n))
