# Every BINARY_OP on small ints, including negative operands and edge cases.

def table(a, b):
    print("a=%d b=%d" % (a, b))
    print("  +", a + b, " -", a - b, " *", a * b)
    if b:
        print("  /", a / b, " //", a // b, " %", a % b, " divmod", divmod(a, b))
    print("  &", a & b, " |", a | b, " ^", a ^ b)
    if b >= 0:
        print("  <<", a << (b % 20), " >>", a >> (b % 20), " **", a ** (b % 7))
    else:
        print("  ** neg", a ** b if a else "skip")

pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (13, 1), (1, 13), (100, 7), (-1, 2), (2, 0)]
for a, b in pairs:
    table(a, b)

def loop_sum(n):
    total = 0
    acc = 1
    for i in range(n):
        total = total + i * i - (i // 3) + (i % 5)
        acc = (acc * 31 + i) & 0xFFFF
        acc = acc ^ (i << 2)
        acc = acc | (i >> 1)
    return total, acc

for n in (0, 1, 10, 100, 1000):
    print(n, loop_sum(n))

# floor division and modulo sign rules
for a in range(-6, 7, 3):
    for b in (-4, -1, 1, 4):
        print(a, b, a // b, a % b, -a // b, (-a) % b)

# shifts
for s in range(0, 70, 9):
    print("1<<%d =" % s, 1 << s, " -5>>%d =" % (s % 8), -5 >> (s % 8))
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
try:
    print(5 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(pow(3, 4, 5), pow(-3, 3), pow(2, -2), 0 ** 0)
print(True + True, True * 5, False - 1, True << 3, True / 2)
