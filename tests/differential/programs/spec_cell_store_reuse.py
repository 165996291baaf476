"""Specialized tier: ints and floats stored into cells (nonlocal variables, variables captured by an inner
function) from guarded arithmetic.

The result is written into the int or float the cell holds when nothing else refers to that object; it must
not be when something does: a saved reference (`before = count`), the same object in a list or in another
cell, a constant. Small ints stay CPython's cached objects (`is` can tell), values that need two digits
or are negative, int subclasses, bools and None in the cell, an empty cell, inner functions reading the
cell while the loop runs, and the types changing mid-loop.
"""


class Tally(int):
    pass


def counter(step):
    count = -3 * step

    def bump(times):
        nonlocal count
        for _ in range(times):
            count += step
        return count

    return bump


def saved_references(n):
    count = 1000
    total = 0.5
    saved = []

    def peek():
        return count, total

    for i in range(n):
        before = count
        count += 3
        total = total * 1.5 + 0.25
        if i % 97 == 0:
            saved.append((before, count, peek()))
    return before, count, round(total, 3), saved[-3:], len(saved)


def small_ints_and_signs(n):
    x = 300
    seen = []

    def show():
        return x

    for i in range(n):
        x -= 7  # through the small ints, to negative values of one digit
        if -10 < x < 10:
            seen.append((x, x is int(str(x)), show()))
    return x, seen


def big_values(n):
    x = (1 << 30) - 50
    y = 5.0

    def get():
        return x, y

    for i in range(n):
        x += 9  # crosses 2**30: two digits from there
        y *= -1.0001
    return get()


def shared_objects(n):
    a = 5000
    b = 0
    keep = []
    both = lambda: (a, b)  # noqa: E731
    i = 0
    while i < n:
        a += 1
        b = a  # b's cell and a's cell hold the same object
        a += 1
        if i % 50 == 0:
            keep.append(a)  # the list refers to the object in a's cell
        i += 1
    return both(), keep[:3], len(keep)


def odd_cell_values(n):
    v = Tally(10)
    flag = True
    empty_later = None

    def read():
        return v, flag

    out = []
    for i in range(n):
        v = v + 1  # a Tally plus an int is an int: the subclass object is not written into
        flag = flag + 1  # a bool plus an int
        if i == n // 2:
            v = None
            v = 2000
    out.append(read())
    del empty_later
    try:
        print(empty_later)
    except NameError as e:
        print("NameError:", e)
    return out, type(v).__name__


def type_changes(n):
    acc = 1

    def get():
        return acc

    for i in range(n):
        if i == n // 3:
            acc = acc * 0.5  # int -> float
        elif i == 2 * n // 3:
            acc = int(acc) + 10**20  # -> big int
        else:
            acc = acc + 3
    return get()


for n in (5, 300):
    bump = counter(1001)
    print([bump(k) for k in range(n)][-3:])
    print(saved_references(n))
    print(small_ints_and_signs(n))
    print(big_values(n))
    print(shared_objects(n))
    print(odd_cell_values(n))
    print(type_changes(n))
