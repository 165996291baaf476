# Generators whose code gets compiled: each next()/send() resumes the compiled code right after the yield
# the frame is suspended at, with the stack values (the sent value, iterators, operands) taken from the
# frame. Everything a generator can show must look as in CPython: sent values, return values, close(),
# throw(), yield from, frames and their line numbers while suspended, tracebacks, gc while running.
import gc
import inspect
import sys
import traceback


def counter(n):
    total = 0
    for i in range(n):
        sent = yield i * 2
        if sent is not None:
            total += sent
    return total


def stack_depths(items):
    # yields with values below them on the stack: a list iterator, operands of + and of a call
    for item in items:
        a = item + (yield item)
        b = max(1, (yield a), 3)
        yield [item, a, b]


def sent_objects():
    while True:
        value = yield
        value = None  # the sent list dies here; a collection must not see it on the frame's stack
        gc.collect()
        if value is None:
            yield "collected"


def self_referents(holder):
    # while a generator runs, a traversal of it sees no stack values (ceval's stacktop is -1 then)
    while True:
        value = yield
        yield sorted(type(r).__name__ for r in gc.get_referents(holder[0]))


def guarded(log):
    try:
        for i in range(1000):
            try:
                yield i
            except KeyError as e:
                log.append(("caught", e.args[0]))
    finally:
        log.append("finally")


def delegate(n):
    got = yield from counter(n)
    more = yield from [got, got + 1]
    yield ("done", got, more)


def pep479():
    yield 1
    raise StopIteration("inside")


def fails_late(n):
    for i in range(n):
        yield 10 // (n - 1 - i)


def where_am_i():
    frame = sys._getframe()
    for i in range(3):
        yield frame.f_lineno, frame.f_code.co_name, frame.f_back is not None


def floats(n):
    x = 0.0
    k = 1
    for i in range(n):
        x += 0.5
        k *= 3  # grows into a big int
        yield x, k % 1000


def nested(depth):
    if depth == 0:
        yield 0
        return
    for v in nested(depth - 1):
        yield v + 1
    yield from nested(depth - 1)


def run(size):
    print(list(counter(size))[-3:])
    g = counter(size)
    next(g)
    for k in range(size - 1):
        g.send(k)
    try:
        g.send(1)
    except StopIteration as stop:
        print("returned", stop.value)

    g = stack_depths([1, 2, 3] * (size // 3 + 1))
    out = [next(g)]
    try:
        while True:
            out.append(g.send(len(out)))
    except StopIteration:
        pass
    print(len(out), out[-4:])

    g = sent_objects()
    next(g)
    collected = 0
    for i in range(size):
        if g.send([i] * 3) == "collected":
            collected += 1
            next(g)
    print("collected", collected)

    holder = []
    g = self_referents(holder)
    holder.append(g)
    next(g)
    seen = set()
    for i in range(size):
        seen.add(tuple(g.send([i])))
        next(g)
    print(sorted(seen))

    log = []
    g = guarded(log)
    for i in range(size):
        next(g)
    print(inspect.getgeneratorstate(g), g.gi_frame.f_lineno, sorted(g.gi_frame.f_locals))
    print(g.throw(KeyError("k")))
    g.close()
    print(log[-3:], inspect.getgeneratorstate(g))

    print(list(delegate(size))[-4:])
    print(sum(x * x for x in range(size)), any(x > size for x in range(size)), max(x % 7 for x in range(size)))
    print(list(where_am_i()))
    print(list(floats(size))[-2:])
    print(sum(nested(6)))
    try:
        list(pep479())
    except RuntimeError:
        traceback.print_exc(file=sys.stdout)
    try:
        for v in fails_late(size):
            pass
    except ZeroDivisionError:
        traceback.print_exc(file=sys.stdout)


for size in (4, 60, 400):
    run(size)
gen = fails_late(3)
print(next(gen), next(gen))
next(gen)
