# The compact-int fast paths of runtime/NumericFastPaths.h beyond + - * (tier 1 inline, the generic
# helper too): & | ^ << >> // % / and their in-place forms, float arithmetic and comparisons with an int
# operand, and the int truth test of a conditional jump.
# Each next to the cases that must leave them: signs for floor division and modulo, zero divisors,
# negative shift counts, shifts past 64 bits, operands just outside one digit, bools and int subclasses.


class MyInt(int):
    def __and__(self, other):
        return ("mine", int(self) & other)


def binary_ops():
    values = [0, 1, -1, 2, -2, 3, -3, 7, -7, 13, -13, 31, 32, 33, 62, 63, 64, 100, 2**29, -(2**29),
              2**30 - 1, -(2**30) + 1, 2**30, -(2**30), 2**62, True, False]
    out = []
    for a in values:
        for b in values:
            out.append(a & b)
            out.append(a | b)
            out.append(a ^ b)
            for operation in (lambda: a << min(b, 99), lambda: a >> b, lambda: a // b, lambda: a % b, lambda: a / b):
                try:
                    out.append(operation())
                except (ValueError, ZeroDivisionError, OverflowError, MemoryError) as error:
                    out.append(type(error).__name__ + ": " + str(error))
            # the same operations written inline (each BINARY_OP its own site)
            try:
                out.append((a << b) if 0 <= b <= 40 else None)
                out.append(a >> b)
                out.append(a // b)
                out.append(a % b)
                out.append(a / b)
            except (ValueError, ZeroDivisionError) as error:
                out.append(type(error).__name__ + ": " + str(error))
    print("binary", len(out), sum(hash(v) for v in out if isinstance(v, (int, float))) % 1000003, out[-60:])


def in_place():
    total = 0
    x = 12345
    for i in range(1, 500):
        y = x
        y &= 0x3FFF
        y |= i
        y ^= 0x155
        y <<= i % 33
        y >>= i % 35
        y //= (i % 7) - 3 or 5
        y %= (i % 11) - 5 or 9
        total += y
        z = i
        z /= 7
        total += int(z * 1000)
        x = (x * 31 + i) % 1000003
    print("in place", total, x)


def truth_tests():
    counts = [0, 0, 0]
    for value in [0, 1, -1, 2**30, -(2**40), 0, True, False, MyInt(0), MyInt(5), 0.0, None, [], [0]]:
        if value:
            counts[0] += 1
        if not value:
            counts[1] += 1
        n = value if isinstance(value, int) else 3
        while n:
            counts[2] += 1
            n = n // 2 if n > 0 else -(-n // 2)
    print("truth", counts)


def identities():
    # Small ints come from CPython's cache, whichever path computed them.
    small = list(range(-5, 257))  # CPython's cached small ints
    a, b, c, d = 300, 301, 7, -7
    print("identities", (a ^ b) is small[1 + 5], (c // 2) is small[3 + 5], (d % 3) is small[2 + 5],
          (1 << c - 2) is small[32 + 5], (a & 0) is small[0 + 5], (d >> 10) is small[-1 + 5])
    print("subclass", MyInt(6) & 3, MyInt(6) | 3, type(MyInt(6) | 3).__name__)


def mixed():
    ints = [0, 1, -1, 3, -7, 2**30 - 1, -(2**30) + 1, 2**30, 2**53 + 1, 10**20, True]
    floats = [0.0, -0.0, 0.5, -2.25, 1e-300, 1e308, float("inf"), float("-inf"), float("nan"), 2.0**53]
    out = []
    for i in ints:
        for f in floats:
            for a, b in ((i, f), (f, i)):
                out.append(repr(a + b))
                out.append(repr(a - b))
                out.append(repr(a * b))
                try:
                    out.append(repr(a / b))
                except (ZeroDivisionError, OverflowError) as error:
                    out.append(type(error).__name__)
                out.append((a < b, a <= b, a == b, a != b, a > b, a >= b))
                if a < b:
                    out.append("lt")
                if a >= b:
                    out.append("ge")
    print("mixed", len(out), out[:50], out[-50:], out.count("lt"), out.count("ge"))


def errors():
    for a, b in [(1, 0), (-5, 0), (3, -1)]:
        for label, operation in (("//", lambda: a // b), ("%", lambda: a % b), ("/", lambda: a / b),
                                 ("<<", lambda: a << b), (">>", lambda: a >> b)):
            try:
                print(label, a, b, operation())
            except (ZeroDivisionError, ValueError) as error:
                print(label, a, b, type(error).__name__, error)


binary_ops()
in_place()
truth_tests()
identities()
mixed()
errors()
