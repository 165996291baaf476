"""sieve: integer loops over a bytearray and a list.

Exercises: while/for loops with small-int arithmetic, item assignment,
comparisons, range with step in pure-Python loops (the inner marking loop
is written out explicitly rather than with slice assignment).
Counts primes below N several times and sums a few of them.
"""
import sys


def sieve(limit):
    flags = bytearray([1]) * (limit + 1)
    flags[0] = 0
    flags[1] = 0
    i = 2
    while i * i <= limit:
        if flags[i]:
            j = i * i
            while j <= limit:
                flags[j] = 0
                j += i
        i += 1
    return flags


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 12500000
    flags = sieve(limit)
    count = 0
    acc = 0
    last = 0
    for k in range(limit + 1):
        if flags[k]:
            count += 1
            acc = (acc + k * count) % 1000000007
            last = k
    print("sieve limit=%d primes=%d last=%d acc=%d" % (limit, count, last, acc))


main()
