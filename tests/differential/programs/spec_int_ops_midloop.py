# The specialized tier computes int & | ^ << >> // % on int64 (docs/deopt.md) and branches on the truth of
# unboxed ints and floats: Python's semantics must hold at every edge — floor division and modulo of
# negative numbers, zero divisors, negative and huge shift counts, results past 64 bits, INT64_MIN // -1,
# bools (an int subclass) — each loop compiled hot first (OSR), then meeting the edge.


def mix(a, b, n):
    acc = 0
    for _ in range(n):
        acc = (acc + (a // b) + (a % b) + (a & b) + (a | b) + (a ^ b)) & 0xFFFFFFFF
    return acc, a // b, a % b, a & b, a | b, a ^ b


def shifts(a, s, n):
    r = 0
    for _ in range(n):
        r = (a << s) ^ (a >> s)
    return r


def xorshift(n):
    state = 2463534242
    out = 0
    for _ in range(n):
        state ^= (state << 13) & 0xFFFFFFFF
        state ^= state >> 17
        state ^= (state << 5) & 0xFFFFFFFF
        if state & 1:
            out += 1
        else:
            out -= 2
    return state, out


def truth(x, n):
    count = 0
    for _ in range(n):
        y = x * 2
        if y:
            count += 1
        z = x - x
        if not z:
            count += 3
    return count


def collatz(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n >>= 1
        steps += 1
    return steps


def mixed(x, k, n):
    # float op int and int op float, on doubles: the int converted as CPython converts it.
    acc = 0.0
    for i in range(n):
        acc = acc + x * k - k / x + (k + i) * 0.5
        r = k / x
    return acc, r, x * k, k - x


def entry(i, j):
    # Loop-free: profiled in tier 1 for its last calls before the compile.
    s = i + j
    return 1.0 / ((s * (s + 1) >> 1) + i + 1)


def int64_min(x, y, n):
    # INT64_MIN made on int64 (two-digit operands), then divided by -1: CPython makes the big int.
    for _ in range(n):
        m = x * y
        q = m // -1
        r = m % -1
    return m, q, r


def main():
    out = []
    for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (2 ** 59, 7), (-(2 ** 59), 3), (6, 6), (5, 7)]:
        out.append(mix(a, b, 40))
    for a, b in [(7, 0), (True, 3), (7, False), (2 ** 70, 3), (7, 2 ** 70), (7.0, 2)]:
        try:
            out.append(mix(a, b, 40))
        except (ZeroDivisionError, TypeError) as e:
            out.append("%s: %s" % (type(e).__name__, e))
    for _ in range(3):
        out.append(shifts(12345, 3, 40))
    for a, s in [(1, 62), (1, 63), (1, 64), (3, 61), (-1, 63), (-5, 100), (5, 100), (2 ** 40, 30), (7, 0),
                 (-(2 ** 59), 4), (0, 200), (True, 2)]:
        out.append(shifts(a, s, 3))
    for a, s in [(7, -1), (7, -(2 ** 70))]:
        try:
            out.append(shifts(a, s, 3))
        except ValueError as e:
            out.append("ValueError: %s" % e)
    for _ in range(3):
        out.append(int64_min(-(2 ** 31), 2 ** 32, 60))
    out.append(xorshift(5000))
    for _ in range(3):
        out.append(mixed(1.5, 3, 50))
    for x, k in [(0.0, 3), (2.0, 0), (1.5, 2 ** 62), (1.5, 2 ** 70), (1.5, 10 ** 400), (float("nan"), 2),
                 (float("inf"), -1), (-0.0, 5), (3, 1.5), (1.5, True), (2 ** 53 + 1, 1.0), (1.0, 2 ** 53 + 1)]:
        try:
            out.append(mixed(x, k, 3))
        except (ZeroDivisionError, OverflowError) as e:
            out.append("%s: %s" % (type(e).__name__, e))
    out.append(sum(entry(i, j) for i in range(60) for j in range(60)))
    out.append(entry(2 ** 40, 2 ** 40))
    for x in [3, 0, -1, 2.5, 0.0, -0.0, float("nan"), 2 ** 61]:
        out.append(truth(x, 50))
    out.append(sum(collatz(k) for k in range(1, 3000)))
    for line in out:
        print(line)


main()
