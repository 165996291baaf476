# int/float/str conversions and int methods: bases, bit ops, to/from bytes, int max str digits,
# round/trunc/floor on big values, bool arithmetic.
import math
import sys

for s, base in [("ff", 16), ("0xff", 0), ("0o17", 0), ("0b101", 0), ("z", 36), ("-42", 10), ("  7  ", 10), ("1_000", 10)]:
    print(repr(s), base, int(s, base))
for bad in ["", "1.5", "0x", "12z", "١٢٣"]:
    try:
        print(repr(bad), int(bad))
    except ValueError as e:
        print("ValueError:", e)
print(int(3.99), int(-3.99), int(True), int(1e20), float("1e500"), float("-inf"), float(" 2.5 "), float("nan") != 0)
for v in [0, 1, 255, 256, -1, 2 ** 64 - 1, -(2 ** 63)]:
    print(v, v.bit_length(), v.bit_count(), hex(v), v.to_bytes(9, "big", signed=True).hex())
print(sys.int_info.bits_per_digit, sys.get_int_max_str_digits())
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print("ValueError:", str(e)[:60])
sys.set_int_max_str_digits(6000)
print(len(str(big)))
sys.set_int_max_str_digits(4300)
print((2 ** 100).__round__(-10), round(123456789, -3), round(-2.5), round(0.5), round(1.5), math.floor(-0.5))
print(divmod(-7, 2), divmod(7, -2), divmod(-7.5, 2), (-7) // 2, -7 % 2, 7 % -2, (-7.5) % 2)
print(abs(-2 ** 70), pow(-2, 3), pow(2, 0.5), pow(-8, 1 / 3) if False else "skip", 2 ** -1, (-2) ** 2, -2 ** 2)
print(True + 1, True * 3.5, sum([True, True, False]), True & False, True | 2, ~True, -True)
print(float.is_integer(3.0), (7.25).as_integer_ratio(), (10).as_integer_ratio(), int.from_bytes(b"\x00\x10", "big"))
print(math.isqrt(10 ** 20 + 1), math.gcd(0, 0), math.gcd(-12, 18), math.prod(range(1, 15)), math.perm(10, 3))
print(str(123), repr(-0.0), str(1e16), str(1e15), repr(1 / 3), str(2.0 ** 0.5), format(1e-5), format(123456789.0))
print(oct(-8), bin(-5), hex(-255), format(-255, "#010x"), format(255, "b"), f"{2**40:_d}", f"{-12.5:+08.2f}")
x = 1
for i in range(200):
    x = (x * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    if i % 50 == 0:
        print(i, x, x >> 33, x.bit_length())
