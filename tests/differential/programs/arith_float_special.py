# Floats: nan, inf, -0.0, rounding, repr, mixed int/float arithmetic.
import math

nan = float("nan")
inf = float("inf")
nz = -0.0
vals = [0.0, nz, 1.5, -2.25, inf, -inf, nan, 1e308, 5e-324, 0.1]

for v in vals:
    print(repr(v), v == v, v != v, v < 1.0, v > -1.0, math.copysign(1.0, v), str(v))

print([repr(a + b) for a in (inf, -inf, nan, nz) for b in (inf, -inf, 0.0, nz)])
print(repr(nz + nz), repr(nz - nz), repr(0.0 * -1), repr(-0.0 * 0.0), repr(nz * nz))
print(repr(inf * 0.0), repr(inf - inf), repr(1e308 * 10), repr(-1e308 * 10))
print(repr(5e-324 / 2), repr(1 / inf), repr(-1 / inf))
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-0.0, 3), (1e150, 1e-10), (3, 0.1)]:
    print(a, b, a / b, a // b, a % b, divmod(a, b), a ** 2)
for op in (lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: 0.0 ** -1):
    try:
        print(op())
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError", e)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2))
print(int(2.9), int(-2.9), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1e16 + 1, 2 ** 53 + 1.0)
print(float(2 ** 1023), float(10 ** 20), 10 ** 20 / 3, 2 ** 60 / 2 ** 30)
try:
    print(float(2 ** 1024))
except OverflowError as e:
    print("OverflowError", e)
print(nan in [nan], nan == nan, [nan] == [nan], (nan,) == (nan,))
print(sorted([3.0, -0.0, 0.0, -1.0, inf, -inf]), max(0.0, -0.0), min(0.0, -0.0))
print(hash(-0.0) == hash(0.0), hash(1.0) == hash(1), hash(inf), hash(-inf))
print(math.isclose(0.1 * 3, 0.3), math.fsum([0.1] * 10), sum([0.1] * 10))
print(float.fromhex("0x1.8p1"), (3.75).hex(), (0.1).as_integer_ratio(), (2.5).is_integer())
print(f"{1/3:.5f} {1e10:e} {-0.0:+} {nan:f} {inf:>8} {12345.678:,.1f} {0.5:%}")
acc = 0.0
for i in range(1, 200):
    acc += (-1) ** i / i
    if i % 40 == 0:
        print(i, acc)
