# Compiled code stores frame->prev_instr lazily, before the calls that can observe it. Every way Python code
# can look at a running (or finished) frame's position, from inside hot loops: f_lineno and f_lasti of the
# caller seen by callees reached through every kind of call out (plain calls, dunder methods of binary ops,
# comparisons and truth tests, finalizers run by a release, dict lookups, attribute getters, iteration),
# frame objects that outlive their frame, suspended generators, tracebacks of exceptions raised inline and
# by helpers, handled in the frame and not.
import gc
import sys


def where(depth=2):
    frame = sys._getframe(depth)
    return frame.f_code.co_name, frame.f_lineno, frame.f_lasti


seen = []


class Noisy:
    def __init__(self, value):
        self.value = value

    def __add__(self, other):
        seen.append(("add", where()))
        return Noisy(self.value + (other.value if isinstance(other, Noisy) else other))

    def __lt__(self, other):
        seen.append(("lt", where()))
        return self.value < other

    def __bool__(self):
        seen.append(("bool", where()))
        return self.value % 3 != 0

    def __eq__(self, other):
        seen.append(("eq", where()))
        return isinstance(other, Noisy) and other.value == self.value

    def __hash__(self):
        return hash(self.value)

    @property
    def doubled(self):
        seen.append(("getter", where()))
        return self.value * 2


class Finalized:
    def __del__(self):
        seen.append(("del", where()))


def plain_calls(n):
    total = 0
    for i in range(n):
        total += i * 2
        if i % 50 == 0:
            seen.append(("call", where(1)))
        total += len(str(i))
    return total


def dunders(n):
    acc = Noisy(0)
    for i in range(n):
        acc = acc + i
        if acc < 10**9 and i % 7 == 0:
            acc = acc + 1
        if Noisy(i):
            acc = acc + 0
    return acc.value


def finalizers(n):
    count = 0
    for i in range(n):
        x = Finalized() if i % 10 == 0 else i
        count += 1
        x = None
    return count


def dict_lookups(n):
    table = {Noisy(k): k for k in range(5)}
    total = 0
    for i in range(n):
        key = Noisy(i % 7)
        # Not table.get(): CPython runs a method descriptor's call in PRECALL once specialized, in CALL
        # before, and f_lasti shows which.
        total += table[key] if key in table else -1
    return total


def getters(n):
    total = 0
    objs = [Noisy(i) for i in range(4)]
    for i in range(n):
        total += objs[i % 4].doubled
    return total


def iterating(n):
    def produce():
        for k in range(n):
            if k % 25 == 0:
                seen.append(("next", where()))
            yield k

    return sum(v for v in produce())


def keep_frame(i):
    frame = sys._getframe()
    i += 1
    i *= 3
    return frame


def dead_frames(n):
    lines = set()
    for i in range(n):
        f = keep_frame(i)
        lines.add((f.f_lineno, f.f_lasti))
    return sorted(lines)


def suspended(n):
    def gen():
        total = 0
        for k in range(n):
            total += k
            yield total
            total -= 1
            yield total

    g = gen()
    out = []
    for _ in range(2 * n):
        next(g)
        out.append(g.gi_frame.f_lineno)
    return sorted(set(out))


def tracebacks(n):
    lines = []
    for i in range(n):
        try:
            values = [1, 2, 3]
            j = i % 5
            x = values[j]
            y = 10 // (j - 4 if j == 4 else 1)
            z = y + x
            if z > 1000:
                raise ValueError(z)
        except IndexError as e:
            tb = e.__traceback__
            lines.append(("index", tb.tb_lineno, tb.tb_lasti))
        except ZeroDivisionError as e:
            tb = e.__traceback__
            lines.append(("zero", tb.tb_lineno, tb.tb_lasti))
    return sorted(set(lines))


def unhandled(i):
    k = i * 2
    k -= i
    return [k][k]


def outer_unhandled(n):
    caught = []
    for i in range(n):
        try:
            unhandled(i % 2)
        except IndexError as e:
            tb = e.__traceback__
            while tb.tb_next is not None:
                tb = tb.tb_next
            caught.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti))
    return sorted(set(caught))


def main():
    gc.disable()
    print(plain_calls(400))
    print(dunders(300))
    print(finalizers(300))
    print(dict_lookups(200))
    print(getters(200))
    print(iterating(200))
    print(dead_frames(300))
    print(suspended(150))
    print(tracebacks(200))
    print(outer_unhandled(200))
    gc.enable()
    kinds = {}
    for kind, position in seen:
        kinds.setdefault(kind, set()).add(position)
    for kind in sorted(kinds):
        print(kind, sorted(kinds[kind]))
    unhandled(1)


main()
