"""Specialized tier: guards on BINARY_OP / COMPARE_OP operand types that start failing mid-loop.

Each function first runs long enough with one type pair to be compiled with guards for it (the profile
or CPython's quickened instruction says so), then sees other types: float, big int (past one digit and
past 64 bits), str, bool, an int subclass, NaN / -0.0 / inf floats. A callee inspects its caller's frame
while the caller's arithmetic is in flight. Output must be identical everywhere.
"""
import math
import sys


class MyInt(int):
    def __add__(self, other):
        return MyInt(int(self) + int(other) + 1000)


def accumulate(values):
    total = values[0]
    for v in values[1:]:
        total = total + v
        total = total - 1
        total = total * 1
    return total


def compare_all(pairs):
    out = []
    for a, b in pairs:
        out.append((a < b, a <= b, a == b, a != b, a > b, a >= b))
    return out


def peek_caller():
    f = sys._getframe(1)
    return sorted(k for k in f.f_locals if not k.startswith("_"))


def inspected(n):
    acc = 0
    seen = None
    for i in range(n):
        acc = acc + i * 2
        if i == n - 1:
            seen = peek_caller()
    return acc, seen


def mixed_loop(n):
    x = 0
    for i in range(n):
        if i == n // 2:
            x = float(x)
        elif i == 3 * n // 4:
            x = int(x) + 2 ** 62
        x = x + i
        x = x * 1
    return x


for _ in range(30):
    accumulate([1, 2, 3, 4, 5])
    compare_all([(1, 2), (3, 3), (5, 4)])
    mixed_loop(10)

print(accumulate([1, 2, 3, 4, 5]))
print(accumulate([1.5, 2.25, 3.0]))
print(accumulate([2 ** 40, 2 ** 40, 7]))
print(accumulate([2 ** 70, -2 ** 70, 1]))
print(accumulate(["a", "b", "c"]) if False else "skip-str")
try:
    accumulate(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
print(accumulate([True, True, False]))
print(accumulate([MyInt(1), 2, 3]), type(accumulate([MyInt(1), 2, 3])).__name__)
print(accumulate([1, 2.5, 2 ** 65, -1]))

print(compare_all([(1, 2), (2 ** 40, 2 ** 40), (-5, 3)]))
print(compare_all([(1.0, 2.0), (float("nan"), 1.0), (-0.0, 0.0), (math.inf, -math.inf)]))
print(compare_all([(1, 2.0), (2.0, 1), (True, 1), ("a", "b")]))
try:
    compare_all([(1, "x")])
except TypeError as e:
    print("TypeError:", e)

print(inspected(50))
print(mixed_loop(1000))
print(mixed_loop(1000))
