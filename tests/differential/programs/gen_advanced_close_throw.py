# Generators: close() running finally blocks, throw() at various suspension points,
# GeneratorExit handling, generator returning in finally, yield inside try/except/else/finally,
# yield inside with, exception state inside generators.
import contextlib

def worker(log):
    try:
        log.append("start")
        x = yield 1
        log.append("got %r" % (x,))
        try:
            yield 2
        except ValueError as e:
            log.append("inner caught %s" % e)
            yield "after inner catch"
        else:
            log.append("inner else")
        finally:
            log.append("inner finally")
        yield 3
    except GeneratorExit:
        log.append("GeneratorExit")
        raise
    finally:
        log.append("outer finally")

for scenario in ("exhaust", "close_early", "throw_inner", "throw_outer", "close_mid"):
    log = []
    g = worker(log)
    try:
        if scenario == "exhaust":
            log.append(list(g))
        elif scenario == "close_early":
            next(g)
            g.close()
        elif scenario == "throw_inner":
            next(g); g.send("s"); log.append(g.throw(ValueError("v"))); log.append(next(g))
        elif scenario == "throw_outer":
            next(g)
            g.throw(KeyError("k"))
        elif scenario == "close_mid":
            next(g); next(g)
            g.close()
    except KeyError as e:
        log.append("KeyError escaped %s" % e)
    print(scenario, log)

def ignores_exit():
    while True:
        try:
            yield "tick"
        except GeneratorExit:
            yield "refusing"
g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def returns_in_finally():
    try:
        yield 1
    finally:
        return "finally return"
g = returns_in_finally()
next(g)
try:
    g.throw(ValueError)
except StopIteration as e:
    print("StopIteration value", e.value)

@contextlib.contextmanager
def cm(name):
    print("  enter", name)
    yield
    print("  exit", name)
def gen_with():
    with cm("in generator"):
        yield "a"
        yield "b"
print(list(gen_with()))
g = gen_with()
next(g)
g.close()
print("closed inside with")
def throw_types():
    while True:
        try:
            yield
        except Exception as e:
            print("  gen saw", type(e).__name__, e)
g = throw_types()
next(g)
g.throw(ValueError("instance"))
g.throw(TypeError)
g.throw(KeyError, KeyError("k2"))
g.close()
def yield_in_except():
    try:
        raise ValueError("ctx")
    except ValueError:
        yield "in handler"
        import sys
        yield sys.exc_info()[0].__name__
print(list(yield_in_except()))
def yield_from_closes_inner():
    def inner():
        try:
            yield 1
            yield 2
        finally:
            print("  inner finally")
    yield from inner()
g = yield_from_closes_inner()
next(g)
g.close()
def yield_from_throw():
    def inner():
        try:
            yield 1
        except KeyError:
            yield "inner handled"
    r = yield from inner()
    yield r
g = yield_from_throw()
next(g)
print(g.throw(KeyError), list(g))
