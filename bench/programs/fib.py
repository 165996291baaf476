"""fib: deep, cheap recursion.

Exercises: CALL of a plain Python function (recursive), small-int compare
and add, return-value handling; a second mutually-recursive pair
(is_even/is_odd style Hofstadter-like sequences) to vary the call shape.
"""
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def female(n):
    if n == 0:
        return 1
    return n - male(female(n - 1))


def male(n):
    if n == 0:
        return 0
    return n - female(male(n - 1))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 36
    f = fib(n)
    s = 0
    for k in range(60 * n):
        s += female(k % 20) * 3 + male(k % 17)
    print("fib n=%d fib=%d hof=%d" % (n, f, s))


main()
