# Exact ints around the one-digit boundary (2**30) and the small-int cache (-5..256), through every
# operator with a fast path (+, -, *, comparisons), in place and not, and their identities.
values = [0, 1, -1, 5, -5, 255, 256, 257, -6, 2**30 - 1, 2**30, -(2**30 - 1), -(2**30), 2**31, -(2**31),
          2**60, -(2**60), 2**62 - 1, 10**20, -(10**20)]


class Int(int):
    pass


for a in values:
    for b in values:
        s, d, p = a + b, a - b, a * b
        x = a
        x += b
        y = a
        y -= b
        z = a
        z *= b
        print(a, b, s, d, p, x == s, y == d, z == p, a < b, a <= b, a == b, a != b, a > b, a >= b)
one, two, three, two_hundred, fifty_six, c256, c128, c300, c44, c_5 = 1, 2, 3, 200, 56, 256, 128, 300, 44, -5
print(one + one is two, two_hundred + fifty_six is c256, c128 * two is c256, c300 - c44 is c256,
      -three - two is c_5, c256 + one is c256 + one)
print(type(Int(3) + 4).__name__, Int(3) < 4, (2**30 - 1) + 1, -(2**30 - 1) - 1, (2**30 - 1) * (2**30 - 1))
print(True + True, True * 3, False - 1, True < 2, type(True + True).__name__)
