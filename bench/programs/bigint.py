"""bigint: arbitrary-precision integer arithmetic.

Exercises: multi-digit int add/mul/floordiv/mod/pow, shifts on big ints,
int-to-str conversion, integer square root by Newton's method, digits of e
via a big-int fixed-point series, and a long loop of modular arithmetic on
~256-bit ints (where interpreter overhead per operation still matters).
"""
import sys


def isqrt_newton(n):
    if n < 2:
        return n
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) >> 1
        if y >= x:
            return x
        x = y


def e_digits(digits):
    # e = sum 1/k!, in fixed point with `digits` decimal places plus guard.
    scale = 10 ** (digits + 10)
    term = scale
    total = 0
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return total // 10 ** 10


def fib_pair(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def factorial_mod_sum(n):
    f = 1
    s = 0
    for k in range(1, n + 1):
        f *= k
        s += f % 1000000007
    return f, s


def main():
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 24000
    e = e_digits(n)
    es = str(e)
    root = isqrt_newton(2 * 10 ** (2 * n))
    rs = str(root)
    fb = fib_pair(n * 8)
    fact, fs = factorial_mod_sum(n)
    p = pow(3, n * 10, (1 << 4099) - 1)
    # many operations on medium-sized (~256-bit) ints: interpreter-bound
    mix = 0
    x = 7
    prime = (1 << 255) - 19
    for i in range(n * 40):
        x = (x * x + i) % prime
        y = x >> 128
        mix ^= (y * 3 + (x & 0xFFFF)) & 0xFFFFFFFFFFFF
    print("bigint n=%d e=%s.. sqrt2=%s.. fibbits=%d factbits=%d fs=%d pbits=%d mix=%d"
          % (n, es[:12], rs[:12], fb.bit_length(), fact.bit_length(), fs % 1000000007,
             p.bit_length(), mix))


main()
