# Loops that become hot in the middle of one call: with a threshold above 0, tier 1 runs them first and
# enters compiled code at the loop header (OSR), carrying locals and the loop's stack values over (the
# for-loop iterator, a with-statement's __exit__, an enclosing loop's iterator). Run at threshold 0 too.
import sys


class Manager:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False


def for_range(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def nested_for(n):
    rows = []
    for i in range(n):
        row = 0
        for j in range(i):
            row += j ^ i
        rows.append(row)
    return sum(rows), rows[-3:]


def while_loop(n):
    a, b, count = 0, 1, 0
    while count < n:
        a, b = b, (a + b) % 1000003
        count += 1
    return a


def loop_inside_with(n):
    with Manager("w") as m:
        acc = []
        for i in range(n):
            if i % 97 == 0:
                acc.append(m.name + str(i))
    return acc


def loop_inside_try_finally(n):
    seen = 0
    try:
        for item in [x % 7 for x in range(n)]:
            if item == 3:
                continue
            seen += item
            if seen > 10 ** 9:
                break
        else:
            print("no break")
    finally:
        print("finally", seen)
    return seen


def while_true_return(limit):
    i = 0
    while True:
        i += 3
        if i > limit:
            return i


def closure_in_loop(n):
    cells = []
    total = 0
    for i in range(n):
        def get(i=i):
            return i + total
        if i % 250 == 0:
            cells.append(get)
        total += 1
    return [c() for c in cells]


def delete_in_loop(n):
    out = 0
    for i in range(n):
        tmp = i * 2
        out += tmp
        del tmp
    return out


def iterate_dict_and_string(n):
    d = {str(k): k for k in range(n)}
    s = 0
    for key, value in d.items():
        s += len(key) + value
    letters = 0
    for ch in "abc" * n:
        if ch == "b":
            letters += 1
    return s, letters


def deep_stack_loop(n):
    # The inner loop's header has the outer iterator and a partial list display below it.
    return [sum(j for j in range(i % 5)) for i in range(n)] + [len([k for k in range(n)])]


print(for_range(5000))
print(nested_for(120))
print(while_loop(4000))
print(loop_inside_with(400))
print(loop_inside_try_finally(3000))
print(while_true_return(10000))
print(closure_in_loop(1000))
print(delete_in_loop(3000))
print(iterate_dict_and_string(800))
print(deep_stack_loop(300)[-5:])

# Module-level loop: the module's code object runs once, its loop gets hot.
acc = 0
for k in range(4000):
    acc = (acc * 31 + k) % 65521
print("module loop", acc)
print(sys.getrecursionlimit() > 0)
