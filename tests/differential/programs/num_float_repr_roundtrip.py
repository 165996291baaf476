# Float repr shortest round-trip, float.hex, tricky decimal fractions, summation order,
# math functions with exact outputs, int<->float boundary cases.
import math

vals = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e-10, 123456789.123456789, 1e22, 1e23, 5e-324, 2.2250738585072014e-308,
        1.7976931348623157e308, 9007199254740993.0, 0.1 + 0.2, 100.0, 1.5e300 * 1.5e-300]
for v in vals:
    r = repr(v)
    print(r, float(r) == v, v.hex(), "%.17g" % v, str(v) == r)
print(sum([0.1] * 10), math.fsum([0.1] * 10), sum(sorted([1e16, 1.0, -1e16])), math.fsum([1e16, 1.0, -1e16]))
print(math.sqrt(2), math.exp(1), math.log(10), math.log2(1024), math.log10(1e-5), math.sin(math.pi / 6))
print(math.atan2(1, -1), math.hypot(3, 4, 12), math.degrees(math.pi), math.radians(180), math.cos(0))
print(math.frexp(1024.0), math.ldexp(0.5, 11), math.modf(-3.75), math.fmod(-7, 3), math.remainder(7, 4))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.copysign(3, -0.0), math.isinf(1e308 * 10), math.isnan(float("nan")))
for n in [2 ** 53 - 1, 2 ** 53, 2 ** 53 + 1, 2 ** 63, 10 ** 17 + 1]:
    f = float(n)
    print(n, f, int(f), int(f) == n, f == n, n < f, n > f)
print(round(0.125, 2), round(0.375, 2), round(2.5), round(-0.5), round(1e300), round(123.456, -1), round(5, -1))
print(1e308 + 1e308, -1e308 * 10, 1e-320 / 1e10, 1e-320 * 1e10)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
acc = 1.0
for i in range(1, 60):
    acc = acc * 1.1 - acc / 7.0 + math.sin(i)
print(repr(acc))
