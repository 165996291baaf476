# The specialized tier's guarded list/tuple subscripts (BINARY_SUBSCR_LIST_INT, _TUPLE_INT,
# STORE_SUBSCR_LIST_INT) and float `**` (docs/deopt.md): each loop gets hot with one shape, so it is
# compiled with speculations (OSR at a threshold above 0), then meets every case the guards exclude.
# Unboxed float locals are live across the subscripts: observers of the frame must see exact values.
import sys


class Loud:
    """An item whose deallocation looks at the frame that replaced it."""
    seen = []

    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        f_locals = sys._getframe(1).f_locals
        Loud.seen.append((self.tag, tuple(sorted((k, v) for k, v in f_locals.items()
                                                  if isinstance(v, float)))))


class MyList(list):
    pass


def body_like(n):
    # nbody's shape: floats read from lists, combined, written back with -= / +=.
    a = [1.0, 2.0, 3.0, 0.5]
    b = (0.25, 0.75, 1.5, 2.0)
    total = 0.0
    for i in range(n):
        dx = a[0] - b[1]
        dy = a[1] - b[2]
        d2 = dx * dx + dy * dy
        mag = 0.001 / (d2 * d2 ** 0.5)
        a[2] -= dx * mag
        a[3] += dy * mag
        total += a[2] * a[3]
        if i == n // 2:
            a[3] = Loud("half")      # the next `+=` replaces it: its __del__ sees dx, dy, d2, mag
            a[3] = 0.5
    return total, a, Loud.seen


def odd_indexes(n):
    data = [float(i) for i in range(10)]
    out = []
    for i in range(n):
        k = i % 10
        if i > n - 12:
            k = k - 10                # negative indexes: CPython wraps
        v = data[k]
        data[k] = v * 1.5
        if i == n - 3:
            k = True                  # a bool is an int subclass: not an exact int
            out.append(data[k])
        if i == n - 2:
            try:
                out.append(data[10])
            except IndexError as e:
                out.append("IndexError: %s" % e)
            try:
                data[2 ** 40] = 1.0
            except IndexError as e:
                out.append("IndexError: %s" % e)
    return data, out


def other_containers(n):
    seqs = [[1.0, 2.0], (3.0, 4.0), MyList([5.0, 6.0]), {0: 7.0, 1: 8.0}, "ab", range(2)]
    acc = []
    for i in range(n):
        s = seqs[0] if i < n - len(seqs) else seqs[i - (n - len(seqs))]
        acc.append(s[1])
        if isinstance(s, list) or isinstance(s, dict):
            s[0] = s[1]
    return acc[-8:], seqs


def powers(n):
    bases = [2.0, 0.5, 1.0000001]
    res = 0.0
    log = []
    for i in range(n):
        x = bases[i % 3]
        res = res + x ** 1.5 + x ** -0.25
        y = x
        y **= 2.0
        res += y
    cases = [(-8.0, 1.0 / 3.0), (0.0, -1.0), (0.0, 2.0), (-0.0, 0.5), (1e300, 2.0), (1e-300, 2.0),
             (float("inf"), 0.5), (float("nan"), 0.0), (1.0, float("nan")), (2.0, float("inf")),
             (0.5, float("-inf")), (-2.0, 2.0), (4.0, 0.5), (1e-160, 2.0), (2.0, 3)]
    for base, exponent in cases:
        for i in range(30):           # hot with the nice values first, then the case
            b, e = (2.0, 0.5) if i < 29 else (base, exponent)
            try:
                r = b ** e
            except (ZeroDivisionError, OverflowError, ValueError) as exc:
                r = "%s: %s" % (type(exc).__name__, exc)
        log.append(repr(r))
    return res, log


def read_at(seq, k, n):
    total = 0.0
    for _ in range(n):
        total = total + seq[k] * 0.5
    return total


def write_at(seq, k, n):
    x = 0.25
    for _ in range(n):
        x = x * 1.5 + 0.125
        seq[k] = x
    return x, seq[k]


def power(b, e, n):
    r = 0.0
    for _ in range(n):
        r = b ** e
    return r


def computed_index(seq, start, step, n):
    # The index is an unboxed int local (j = j + step): the subscript takes it as an int64.
    total = 0
    j = start
    for _ in range(n):
        total += seq[j] * 2
        seq[j] = total & 0xFF
        j = j + step
    return total, j


def byte_loop(buf, value, n):
    count = 0
    for k in range(n):
        if buf[k]:
            count += 1
        buf[k] = value
    return count, bytes(buf[:4])


def one_call_per_case():
    # Each loop is compiled after its first calls; every later call enters the compiled code, so each case
    # meets the guards afresh (a failed guard hands the rest of that activation to CPython).
    out = []
    for _ in range(3):
        out.append(read_at([1.0, 2.0, 3.0], 1, 50))
        out.append(write_at([1.0, 2.0, 3.0], 2, 50))
        out.append(power(2.0, 0.5, 50))
    for seq, k in [([1.0, 2.0], -1), ((1.0, 2.0), 1), ([1.0], 1), ([1.0, 2.0], True), (MyList([4.0, 5.0]), 0),
                   ([1.0, 2.0], 2 ** 62), ({1: 2.0}, 1), ("xy", 0)]:
        for f in (read_at, write_at):
            try:
                out.append((f.__name__, f(seq, k, 3)))
            except (IndexError, TypeError) as exc:
                out.append((f.__name__, type(exc).__name__, str(exc)))
    for _ in range(3):
        out.append(computed_index(list(range(100)), 0, 1, 90))
        out.append(byte_loop(bytearray(b"\x01\x00\x02" * 30), 7, 80))
    for seq, start, step, n in [(list(range(10)), 5, -1, 8), (list(range(10)), 0, 3, 5), (list(range(10)), 9, 1, 3),
                                (list(range(10)), 2 ** 62, 1, 2), ((1, 2, 3), 0, 1, 3), (bytearray(b"abc"), 0, 1, 3)]:
        try:
            out.append(computed_index(seq, start, step, n))
        except (IndexError, TypeError) as exc:
            out.append(("computed_index", type(exc).__name__, str(exc)))
    for buf, value in [(bytearray(b"xyz" * 30), 255), (bytearray(b"xyz" * 30), 256), (bytearray(b"xyz" * 30), -1),
                       (bytearray(b"xyz" * 30), True), (bytearray(b"xyz" * 30), 2.0), (bytearray(3), 1),
                       (bytes(90), 1), ([0] * 90, 300)]:
        try:
            out.append(byte_loop(buf, value, 80))
        except (IndexError, TypeError, ValueError) as exc:
            out.append(("byte_loop", type(exc).__name__, str(exc)))
    for b, e in [(-8.0, 1.0 / 3.0), (0.0, -1.0), (1e300, 2.0), (float("nan"), 0.0), (2.0, float("inf")),
                 (2.0, 3), (3, 2.0), (True, 0.5), (1e-160, 2.0)]:
        try:
            out.append(power(b, e, 3))
        except (ZeroDivisionError, OverflowError) as exc:
            out.append((type(exc).__name__, str(exc)))
    return out


print(body_like(3000))
print(odd_indexes(2000))
print(other_containers(200))
print(powers(2000))
print(one_call_per_case())
