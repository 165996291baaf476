"""exceptions: raise and catch inside hot loops.

Exercises: RAISE_VARARGS, exception-table lookup, try/except/else/finally,
custom exception classes with attributes, exceptions crossing one or more
Python frames, re-raise, and exception-driven control flow (dict KeyError,
int() ValueError, StopIteration from next()).
"""
import sys


class ParseError(Exception):
    def __init__(self, pos, code):
        Exception.__init__(self, pos, code)
        self.pos = pos
        self.code = code


class Overflow(ArithmeticError):
    pass


def checked_div(a, b):
    if b == 0:
        raise ZeroDivisionError("b is zero")
    return a // b


def deep(n, k):
    if n == 0:
        if k % 5 == 0:
            raise ParseError(k, k % 11)
        return k
    return deep(n - 1, k) + 1


def bounded_add(a, b):
    s = a + b
    if s > 50000:
        raise Overflow(s)
    return s


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2400000
    caught = 0
    finals = 0
    acc = 0
    codes = 0
    for i in range(n):
        try:
            acc += checked_div(i, i % 4)
        except ZeroDivisionError:
            caught += 1
        try:
            acc += deep(3, i)
        except ParseError as e:
            codes += e.code + e.pos % 3
        finally:
            finals += 1
        try:
            acc = bounded_add(acc % 60000, i % 1000)
        except Overflow as e:
            acc = e.args[0] - 50000
        else:
            acc += 1
    table = {}
    misses = 0
    for i in range(n // 2):
        key = i % 300
        try:
            table[key] += 1
        except KeyError:
            table[key] = 1
            misses += 1
    bad = 0
    tokens = ["12", "x3", "45", "", "7", "-8", "9z", "100"]
    for i in range(n // 4):
        try:
            acc += int(tokens[i % 8])
        except ValueError:
            bad += 1
    it_count = 0
    for i in range(n // 40):
        it = iter(range(i % 5))
        while True:
            try:
                next(it)
                it_count += 1
            except StopIteration:
                break
    print("exceptions n=%d caught=%d finals=%d codes=%d acc=%d misses=%d bad=%d it=%d"
          % (n, caught, finals, codes, acc, misses, bad, it_count))


main()
