# Generators: YIELD_VALUE, RETURN_GENERATOR, send/throw/close, StopIteration values,
# yield from (GET_YIELD_FROM_ITER, SEND), generator state inspection.


def getgeneratorstate(g):
    # same logic as inspect.getgeneratorstate, without importing inspect
    if g.gi_running:
        return "GEN_RUNNING"
    if g.gi_suspended:
        return "GEN_SUSPENDED"
    if g.gi_frame is None:
        return "GEN_CLOSED"
    return "GEN_CREATED"

def counter(n):
    print("  counter start")
    i = 0
    while i < n:
        got = yield i
        print("  counter got", got)
        if got is not None:
            i = got
        i += 1
    return "done:%d" % i

g = counter(5)
print(getgeneratorstate(g))
print(next(g))
print(getgeneratorstate(g))
print(g.send(None))
print(g.send(2))
try:
    while True:
        print(g.send(None))
except StopIteration as e:
    print("StopIteration value", e.value)
print(getgeneratorstate(g))

def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("  caught in gen", e)
        yield "recovered"
    finally:
        print("  gen finally")

g = guarded()
print(next(g), g.throw(ValueError("boom")))
g.close()
g = guarded()
print(next(g))
g.close()
print(getgeneratorstate(g))
g = guarded()
try:
    g.throw(KeyError("early"))
except KeyError as e:
    print("KeyError propagated", e)

def inner():
    x = yield "inner-1"
    print("  inner received", x)
    y = yield "inner-2"
    print("  inner received", y)
    return x + y

def outer():
    r = yield from inner()
    print("  inner returned", r)
    r2 = yield from [10, 20]
    print("  list yield from returns", r2)
    yield from range(3)
    return r

g = outer()
print(next(g), g.send(5), g.send(7), next(g), next(g), list(g))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
print(sum(itertools.takewhile(lambda v: v < 1000, fib())))

def bad():
    yield 1
    raise StopIteration("inside")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)

def gen_return_early(flag):
    if flag:
        return "early"
    yield "never"
try:
    next(gen_return_early(True))
except StopIteration as e:
    print("early StopIteration", e.value)
running = None
def self_ref():
    yield running.gi_running
running = self_ref()
print(next(running), running.gi_running)
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
print(type(counter).__name__, type(counter(1)).__name__, counter.__code__.co_flags & 0x20 != 0)
