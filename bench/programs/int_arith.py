"""int_arith: mixed small-integer arithmetic in a hot loop.

Exercises: +, -, *, //, %, <<, >>, &, |, ^, comparisons and branches on
machine-sized ints; a tiny hand-written PRNG (xorshift-like, masked to 32
bits), a Collatz step counter, and gcd via the Euclidean algorithm.
"""
import sys

MASK = 0xFFFFFFFF


def xorshift(state):
    state ^= (state << 13) & MASK
    state ^= state >> 17
    state ^= (state << 5) & MASK
    return state


def collatz_len(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n >>= 1
        steps += 1
    return steps


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 350000
    state = 2463534242
    acc = 0
    gsum = 0
    longest = 0
    for i in range(1, n + 1):
        state = xorshift(state)
        a = state % 100000 + 1
        b = (state >> 8) % 77777 + 1
        gsum += gcd(a, b)
        c = collatz_len(i)
        if c > longest:
            longest = c
        acc = (acc * 7 + (a // b) - (a % 13) + (c | 3) - (b & 0x3F)) % 1000003
    print("int_arith n=%d acc=%d gsum=%d longest=%d" % (n, acc, gsum, longest))


main()
