# A for loop in compiled code over a generator whose code is compiled resumes it without gen_iternext,
# gen_send_ex2 or the eval hook, so it does their work itself. What that work shows must be CPython's:
# exhaustion with and without a return value, StopIteration raised inside (RuntimeError, chained), other
# exceptions leaving the generator, a generator re-entered while running, closed or exhausted before
# the loop, frames kept alive after the generator finished, sys.exc_info() inside and outside, and
# tracebacks through the generator.
import gc
import sys
import traceback


def numbers(n):
    for i in range(n):
        yield i


def returns_value(n):
    yield from range(n)
    return "done"


def raises_stop_iteration(n):
    for i in range(n):
        yield i
    raise StopIteration("inner")


def raises_value_error(n):
    for i in range(n):
        if i == n - 1:
            raise ValueError("bad item %d" % i)
        yield i


def reenters(holder):
    yield 1
    for _ in holder[0]:  # next() of the running generator: ValueError
        yield 2


def keeps_frame(store):
    frame = sys._getframe()
    store.append(frame)
    yield frame.f_lineno
    yield frame.f_lineno


def exc_info_inside():
    yield sys.exc_info()[0]
    try:
        raise KeyError("in generator")
    except KeyError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


def with_finally(log):
    try:
        yield "a"
        yield "b"
    finally:
        log.append("finally")


def sum_all(iterable):
    total = 0
    for value in iterable:
        total += value
    return total


def collect(iterable):
    out = []
    for value in iterable:
        out.append(value)
    return out


def main():
    # plain exhaustion, many times (the loop and the generator both get compiled)
    print(sum(sum_all(numbers(k)) for k in range(300)))
    print(collect(returns_value(4)))
    for _ in range(3):
        try:
            collect(raises_stop_iteration(3))
        except RuntimeError as e:
            print("RuntimeError:", e, "| cause:", repr(e.__cause__), "| context is cause:",
                  e.__context__ is e.__cause__)
    try:
        sum_all(raises_value_error(5))
    except ValueError:
        traceback.print_exc(file=sys.stdout)
    holder = []
    gen = reenters(holder)
    holder.append(gen)
    try:
        collect(gen)
    except ValueError as e:
        print("ValueError:", e)
    print(collect(gen))  # finished by the error: nothing more

    closed = numbers(5)
    next(closed)
    closed.close()
    print("closed:", collect(closed))
    exhausted = numbers(2)
    collect(exhausted)
    print("again:", collect(exhausted))
    never_started = numbers(3)
    print("fresh:", collect(never_started), never_started.gi_frame)

    store = []
    print("lines:", collect(keeps_frame(store)))
    frame = store.pop()
    print("kept frame:", frame.f_code.co_name, frame.f_lineno, frame.f_back, sorted(frame.f_locals))
    del frame
    gc.collect()

    print([t.__name__ if t else None for t in collect(exc_info_inside())])
    try:
        raise OSError("outer")
    except OSError:
        print([t.__name__ if t else None for t in collect(exc_info_inside())])
        print("outer still:", sys.exc_info()[0].__name__)

    log = []
    print(collect(with_finally(log)), log)
    partial = with_finally(log)
    for value in partial:
        break
    del partial
    gc.collect()
    print(log)

    # a generator that is an iterator's subclass or a wrapped iterator still takes tp_iternext
    class Wrapped:
        def __init__(self, n):
            self.inner = numbers(n)

        def __iter__(self):
            return self

        def __next__(self):
            return next(self.inner) * 10

    print(collect(Wrapped(4)))
    # nested loops over the same generator share it
    shared = numbers(6)
    pairs = []
    for a in shared:
        for b in shared:
            pairs.append((a, b))
            break
    print(pairs)


main()
