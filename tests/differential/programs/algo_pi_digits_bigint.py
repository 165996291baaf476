# Pi digits via a Gibbons-style spigot (big-int arithmetic), e via series, sqrt(2) via Newton on big ints.

def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out

d = pi_digits(120)
print("".join(map(str, d[:1])) + "." + "".join(map(str, d[1:])))

def e_digits(n):
    scale = 10 ** (n + 10)
    total = 0
    term = scale
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total)[: n + 1]
print(e_digits(80))

def isqrt_newton(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
s2 = isqrt_newton(2 * 10 ** 160)
print(s2)
import math
print(s2 == math.isqrt(2 * 10 ** 160), s2 * s2 <= 2 * 10 ** 160 < (s2 + 1) ** 2)
print(math.factorial(60), math.comb(100, 50), math.gcd(2 ** 100 - 1, 2 ** 60 - 1), math.lcm(12, 18, 2 ** 40))
h = 0
for i in range(1, 300):
    h = (h * 1000003 + i ** 7) % (2 ** 127 - 1)
print(h)
