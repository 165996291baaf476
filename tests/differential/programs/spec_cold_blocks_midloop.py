"""Cold blocks: code the tier-1 profile never saw run is compiled as an exit to tier 1 (docs/deopt.md).

Each part warms a loop up with one side of a branch only, then takes the other side: a cold block with
values on the stack, with unboxed int and float locals live across it, raising into a handler, ending a
generator-free loop early, a loop that was never entered getting hot, and a once-called function of many
sequential loops (each compiled when it gets hot). Output must match python3.11 exactly.
"""
import sys


def late_branch(n, switch_at):
    # The else side runs only from `switch_at` on: more often than the deopt limit, so it gets compiled.
    total = 0
    scale = 0.5
    acc = 0.0
    for i in range(n):
        if i < switch_at:
            total += i
            acc += scale
        else:
            total -= i * 3
            acc = acc * 0.5 + i
    return total, acc


def cold_with_stack(items, threshold):
    # The cold block starts with values on the stack: `pick(a, <cond> ...)`.
    def pick(a, b):
        return a * 10 + b

    out = 0
    for k, value in enumerate(items):
        out += pick(k, value if value < threshold else -value)
    return out


def cold_raise(values, limit):
    caught = []
    total = 0
    for v in values:
        try:
            if v > limit:
                raise ValueError("too big: %d" % v)
            total += v
        except ValueError as error:
            caught.append(str(error))
    return total, caught[:3], len(caught)


def cold_uncaught(values, limit):
    total = 0
    for v in values:
        if v > limit:
            total += int("not a number %d" % v)  # raises in a block that was cold
        total += v
    return total


def early_exit(data, needle):
    # The loop's exit and the code after it are cold while the loop warms up.
    position = -1
    checked = 0
    for index, item in enumerate(data):
        checked += 1
        if item == needle:
            position = index
            break
    after = position * 2 + checked
    return position, checked, after


def late_inner_loop(rows, start):
    # The inner loop never runs in the first rows, then runs long enough to get hot by itself.
    total = 0
    for row in range(rows):
        width = 0 if row < start else 200
        x = 0.0
        for col in range(width):
            x += col * 0.25
            total += col & 7
        total += int(x)
    return total


def many_loops(n):
    # Called once: each loop gets hot in turn; the code before each loop ran once.
    a = 0
    for i in range(n):
        a += i % 7
    b = 1.0
    for i in range(n):
        b = b * 1.0000001 + 0.5
    c = []
    for i in range(n):
        if i % 1000 == 0:
            c.append(i)
    d = 0
    k = 0
    while k < n:
        d ^= k * 31
        k += 3
    e = 0
    for x in c:
        for y in range(n // 10):
            e += (x + y) & 3
    f = 0
    for i in range(n):
        f += 1 if i & 1 else 2
    return a, round(b, 3), len(c), d, e, f


def type_changes_in_cold_block(n, at):
    # An unboxed int local becomes a float and then a str in a block that was cold.
    x = 0
    for i in range(n):
        if i == at:
            x = x + 0.5
        elif i == at + 1:
            x = str(x)
        elif i > at + 1:
            x = x + "!" if len(x) < 20 else x
        else:
            x += 2
    return x


def main():
    print(late_branch(3000, 2500))
    print(late_branch(3000, 10))
    print(cold_with_stack(list(range(2000)), 1800))
    print(cold_raise(list(range(1500)), 1200))
    try:
        print(cold_uncaught(list(range(1500)), 1400))
    except ValueError as error:
        print("ValueError:", error)
    print(early_exit(list(range(5000)), 4321))
    print(early_exit(list(range(5000)), -1))
    print(late_inner_loop(60, 40))
    print(many_loops(20000))
    print(type_changes_in_cold_block(3000, 2000))
    sys.stdout.flush()
    cold_uncaught(list(range(1500)), 1499 - 50)  # the traceback names the cold block's line


main()
