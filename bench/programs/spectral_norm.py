"""spectral_norm: float kernel with function calls in the inner loop.

Exercises: calls to a small pure-Python function from a tight loop,
integer-to-float mixing, float division and accumulation, list indexing.
Estimates the spectral norm of an infinite matrix defined by a formula
(power iteration on A^T A) -- the classic idea, written from scratch.
"""
import sys


def entry(i, j):
    s = i + j
    return 1.0 / ((s * (s + 1) >> 1) + i + 1)


def mul_a(v, out):
    n = len(v)
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += entry(i, j) * v[j]
        out[i] = acc


def mul_at(v, out):
    n = len(v)
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += entry(j, i) * v[j]
        out[i] = acc


def mul_ata(v, out, tmp):
    mul_a(v, tmp)
    mul_at(tmp, out)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 790
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(5):
        mul_ata(u, v, tmp)
        mul_ata(v, u, tmp)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print("spectral_norm n=%d norm=%.9f" % (n, (vbv / vv) ** 0.5))


main()
