# generator.send(value) from compiled code to a generator whose code is compiled resumes it without
# gen_send, gen_send_ex2 or the eval hook, so it does their work itself. What that work shows must be
# CPython's: the value sent arriving at the yield, a return (bare StopIteration for None, the value in
# StopIteration otherwise), sending to a just-created, running, exhausted or closed generator, StopIteration
# raised inside (RuntimeError, chained), other exceptions with their tracebacks, sys.exc_info() inside, a
# bound `send` kept in a variable, and frames kept alive after the generator finished.
import sys
import traceback


def running_average():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


def accumulate_until(limit):
    total = 0
    while total < limit:
        total += yield total
    return "reached %d" % total


def accumulate_then_none(limit):
    total = 0
    while total < limit:
        total += yield total


def echo_types():
    received = None
    while True:
        received = yield type(received).__name__


def raises_stop_iteration():
    yield 1
    yield 2
    raise StopIteration("inner")


def fails_on(bad):
    while True:
        value = yield
        if value == bad:
            raise KeyError("bad value %r" % (value,))


def sends_to_itself(holder):
    value = yield "started"
    while True:
        value = yield holder[0].send(value)  # the running generator: ValueError


def exc_info_inside():
    while True:
        yield repr(sys.exc_info()[1])


def drive_average(n):
    gen = running_average()
    next(gen)
    last = None
    for i in range(n):
        last = gen.send(i % 17)
    return round(last, 6)


def drive_until(gen_function, limit):
    gen = gen_function(limit)
    next(gen)
    sent = 0
    while True:
        try:
            gen.send(7)
            sent += 1
        except StopIteration as stop:
            return sent, stop.args, stop.value


def main():
    print("average", drive_average(3000))
    print("until value", drive_until(accumulate_until, 7000))
    print("until None", drive_until(accumulate_then_none, 7000))

    gen = echo_types()
    next(gen)
    seen = []
    for value in [1, 2.0, "s", None, [1], (2,), {3: 4}, 10**30] * 200:
        seen.append(gen.send(value))
    print("types", seen[:8], len(seen))

    send = running_average().send
    try:
        send(5)
    except TypeError as error:
        print("fresh with a value:", error)
    fresh = running_average()
    print("fresh with None:", fresh.send(None))
    for i in range(1500):
        result = fresh.send(i)
    print("then", result)

    done = accumulate_until(3)
    next(done)
    for i in range(3):
        try:
            done.send(5)
        except StopIteration as stop:
            print("exhausted", i, stop.args)

    closed = running_average()
    next(closed)
    closed.close()
    try:
        closed.send(1)
    except StopIteration as stop:
        print("closed", stop.args)

    for _ in range(1200):
        gen = raises_stop_iteration()
        next(gen)
        gen.send(None)
        try:
            gen.send(None)
        except RuntimeError as error:
            message, cause = str(error), error.__cause__
    print("StopIteration inside:", message, "| cause:", repr(cause))

    failing = fails_on(-5)
    next(failing)
    for i in range(1500):
        failing.send(i)
    try:
        failing.send(-5)
    except KeyError:
        text = traceback.format_exc()
        print(text.replace(__file__, "PROGRAM"))
    try:
        failing.send(1)
    except StopIteration:
        print("after the error: exhausted")

    holder = [None]
    holder[0] = sends_to_itself(holder)
    print(next(holder[0]))
    try:
        holder[0].send(1)
    except ValueError as error:
        print("running:", error)

    inside = exc_info_inside()
    next(inside)
    try:
        raise ZeroDivisionError("outer")
    except ZeroDivisionError:
        for _ in range(1100):
            seen_inside = inside.send(None)
    print("exc_info inside:", seen_inside, "outside after:", sys.exc_info())

    bound = running_average()
    bound_send = bound.send
    bound_send(None)
    for i in range(1100):
        value = bound_send(i * 2)
    print("bound send", value)

    frames = []
    for _ in range(1100):
        gen = accumulate_until(10)
        next(gen)
        frames.append(gen.gi_frame)
        try:
            gen.send(20)
        except StopIteration as stop:
            last_stop = stop.value
    print("frames", len(frames), frames[-1] is None, last_stop, gen.gi_frame, gen.gi_running)

    uncaught = fails_on(-1)
    next(uncaught)
    for i in range(1100):
        uncaught.send(i)
    uncaught.send(-1)


main()
