"""Specialized tier: direct calls while a profiler is switched on and off, and from several threads.

A direct call is made only while no tracer or profiler is active (CPython reports every call to one): a
profile function installed in the middle of a hot loop must see each later call of the callee, with and
without default arguments, then nothing once removed. Four threads then run the same compiled callers and
callees (methods with defaults, recursion) at once, switching the GIL between direct calls, and a recursion
limit lowered below the recursion's depth stops it with RecursionError.
"""
import sys
import threading


def g(x, k=3):
    return x * k if x > 1 else k


def loop(n, events):
    def profile(frame, event, arg):
        if frame.f_code.co_name == "g":
            events.append(event)

    s = 0
    for i in range(n):
        s += g(i) + g(i, 2)
        if i == n // 2:
            sys.setprofile(profile)
        elif i == 3 * n // 4:
            sys.setprofile(None)
    return s


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Scaler:
    def scale(self, x, y=2):
        return x * y if x > 0 else y


def work(k, out):
    scaler = Scaler()
    s = 0
    for i in range(20000):
        s += scaler.scale(i) + fib(i % 12) + k
    out[k] = s


def main():
    events = []
    print("profiled", loop(4000, events), len(events), events[:4])
    out = {}
    threads = [threading.Thread(target=work, args=(k, out)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("threads", sorted(out.items()))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(60)
    try:
        fib(100)
    except RecursionError as exc:
        print("recursion", str(exc))
    finally:
        sys.setrecursionlimit(limit)


main()
