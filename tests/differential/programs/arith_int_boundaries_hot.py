# Integer arithmetic across machine-word boundaries inside hot loops: values near 2**30, 2**31,
# 2**62, 2**63, 2**64 with +, -, *, //, %, <<, negation and comparisons. A JIT using machine
# ints must detect overflow exactly.
bounds = [2 ** 30, 2 ** 31, 2 ** 32, 2 ** 62, 2 ** 63, 2 ** 64]

def around(b):
    return [b - 2, b - 1, b, b + 1, -b - 1, -b, -b + 1]

def hot(vals):
    acc = []
    for a in vals:
        for b in (1, 2, 3, -1, 7):
            acc.append((a + b, a - b, a * b, a // b, a % b, -a, a << 1, a >> 1, a < a + b, a * a))
    return acc

for b in bounds:
    rows = hot(around(b))
    print(b, rows[0][:4], rows[-1][5:8], len(rows), sum(r[2] for r in rows) % 1000003, sum(r[9] for r in rows) % 998244353)

def sum_to_overflow():
    x = 2 ** 62 - 10
    steps = []
    for i in range(20):
        x += 1
        steps.append(x)
    return steps[8:12], type(steps[-1]).__name__, steps[-1] - 2 ** 62
print(sum_to_overflow())
def mul_chain():
    x = 3
    out = []
    for i in range(45):
        x *= 3
        if i > 35:
            out.append(x)
    return out
print(mul_chain())
def neg_edge():
    m = -(2 ** 63)
    return -m, abs(m), m - 1, m // -1, m * -1, m % 7, divmod(m, -3)
print(neg_edge())
def shifts():
    out = []
    for s in range(58, 70):
        v = 1 << s
        out.append((v >> (s - 2), (v - 1) & 0xFF, v.bit_length()))
    return out
print(shifts())
def counter_loop():
    i = 2 ** 63 - 5
    n = 0
    while i < 2 ** 63 + 5:
        i += 1
        n += 1
    return i, n
print(counter_loop())
total = 0
for i in range(10000):
    total += i * i * i
print(total, total > 2 ** 40)
