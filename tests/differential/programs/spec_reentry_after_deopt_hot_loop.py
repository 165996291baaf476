"""Specialized tier: one long activation that deoptimizes and goes back to compiled code at the next loop head.

A failed guard hands the frame to tier 1, which returns to the compiled exit at the next back-edge; the exit
tail-calls the loop's entry (no native frame nesting). Cases: a one-off type blip, a type change that makes
a guard fail on every later iteration (re-entries until the deopt limit recompiles the code), an inner loop
whose deopt resumes the outer one, a try/except around the failing operation, a generator's loop, a frame
looked at by a callee after the re-entry, and a loop that deoptimizes on its very last iteration.
"""
import sys


def blip(n, k):
    count = 0
    for i in range(n):
        x = i if i != k else float(i)
        if x > -1:
            count += 1
    return count


def switch(n):
    total = 0
    for i in range(n):
        total += i if i < n // 2 else i + 0.5
    return total


def nested(rows, cols):
    grand = 0
    for r in range(rows):
        row = 0
        for c in range(cols):
            v = c if (r, c) != (3, 7) else 2.5
            row = row + v * 2
        grand = grand + row
    return grand


def guarded_division(n):
    out = 0
    errors = 0
    for i in range(n):
        d = i % 97 if i != 500 else 5.0
        try:
            out += 1000 // (d - 5)
        except ZeroDivisionError as e:
            errors += 1
            out += len(str(e))
    return out, errors


def gen_values(n):
    acc = 0
    for i in range(n):
        acc = acc + (i if i != n // 3 else 0.25)
        yield acc


def line_of_caller():
    return sys._getframe(1).f_lineno


def watched(n):
    seen = set()
    total = 0
    for i in range(n):
        total = total + (1 if i != 300 else 1.5)
        if i % 200 == 0:
            seen.add(line_of_caller())
    return total, sorted(seen)


def last_iteration(n):
    s = 0
    for i in range(n):
        s += i if i != n - 1 else "x" * 0 or 0.5
    return s


print(blip(20000, 10000))
print(switch(20000))
print(nested(12, 400))
print(guarded_division(3000))
print(sum(gen_values(5000)))
print(watched(1500))
print(last_iteration(4000))
