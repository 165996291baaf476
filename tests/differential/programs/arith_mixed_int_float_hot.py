# Mixed int/float/bool arithmetic at the same sites inside hot loops (specialisations for
# int+int and float+float receiving the other type), including true division of ints,
# float floor division and float comparisons with ints.

def kernel(a, b):
    return a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, a < b, a == b

samples = [(3, 2), (3.0, 2), (3, 2.0), (3.5, 2.5), (True, 2), (7, True), (2 ** 70, 3.0), (-7, 2), (-7.0, 2), (1e16, 3)]
for _ in range(2):
    for a, b in samples:
        print(a, b, kernel(a, b))

def accumulate(n):
    i_total = 0
    f_total = 0.0
    mixed = 0
    for i in range(n):
        i_total += i
        f_total += i * 0.5
        mixed = mixed + (i if i % 2 else i * 0.25)
        if i % 100 == 0:
            mixed = int(mixed)
    return i_total, f_total, mixed
print(accumulate(1000))

def poly(x):
    return 3 * x ** 3 - 2 * x ** 2 + x - 7
print([poly(v) for v in (0, 1, 2, -1, 0.5, 1.5, 10 ** 6, 2.0 ** 40)])
def mean_var(xs):
    n = 0
    mean = 0
    m2 = 0
    for x in xs:
        n += 1
        d = x - mean
        mean += d / n
        m2 += d * (x - mean)
    return mean, m2 / (n - 1)
print(mean_var(range(1, 101)), mean_var([1, 2.5, 3, True, 4.75]))
print(10 / 4, 10 // 4, -10 / 4, -10 // 4, 10 % -4, 2 ** -1, 2 ** 0.5, (-8) ** (1 / 3) if False else 0, 7 / 7)
print(1 / 3 + 1 / 3 + 1 / 3 == 1, 0.1 * 3 == 0.3, 2 ** 53 + 1 == 2 ** 53 + 1.0, 10 ** 16 / 10 ** 15)
