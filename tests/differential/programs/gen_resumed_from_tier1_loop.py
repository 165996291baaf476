# A loop running in tier 1 (its function not compiled yet: the loop is short, the function is called
# often) over a generator whose code is already compiled resumes the generator in its compiled code
# directly, as compiled loops do. What the loop sees must be CPython's: values, exhaustion with and
# without a return value, exceptions leaving the generator (with their tracebacks), StopIteration
# raised inside (RuntimeError, chained), and a generator exhausted or closed before the loop.
import sys
import traceback


def evens(n):
    for i in range(n):
        yield i * 2
    return "done"


def fails_at(n, where):
    for i in range(n):
        if i == where:
            raise ValueError("bad item %d" % i)
        yield i


def stops_inside(n):
    for i in range(n):
        if i == 2:
            raise StopIteration("inside")
        yield i


def consume(gen):
    total = 0
    for v in gen:
        total += v
    return total


def consume_guarded(make, *args):
    try:
        return consume(make(*args))
    except (ValueError, RuntimeError) as error:
        lines = traceback.format_exception(type(error), error, error.__traceback__)
        return "%s: %s | cause=%r | %d traceback lines" % (type(error).__name__, error, error.__cause__, len(lines))


totals = [consume(evens(5)) for _ in range(3000)]
print(sum(totals), totals[0], totals[-1])
print([consume_guarded(fails_at, 5, k % 6) for k in range(40)][:8])
print([consume_guarded(stops_inside, 4) for _ in range(40)][:2])

finished = evens(3)
print(consume(finished), consume(finished))
closed = evens(3)
closed.close()
print(consume(closed))
halfway = evens(4)
print(next(halfway), consume(halfway))

try:
    consume(fails_at(3, 1))
except ValueError:
    traceback.print_exc(file=sys.stdout)

consume(fails_at(4, 2))  # uncaught: the traceback on stderr and exit status 1 must match
