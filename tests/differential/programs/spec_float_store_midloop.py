"""Specialized tier: list items read with constant indexes and float results stored back unboxed.

`b[3] -= dx * m` keeps the difference unboxed through the SWAPs to STORE_SUBSCR, which writes it into the
float it replaces when only the list refers to that float. Cases where it must not: the old float is also
held elsewhere (a saved reference, the same object in two items, a constant shared by `[0.5] * n`), the
item is a float subclass or not a float; negative and out-of-range constant indexes, tuples, nested
subscripts (`grid[r][c]`), a replaced item with a finalizer, the type of the stored value changing
mid-loop, and the sign of a NaN multiplied by a negative constant.
"""
import math


class Weight(float):
    pass


class Noisy:
    def __del__(self):
        print("noisy item released")


def integrate(bodies, steps, dt):
    for _ in range(steps):
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[-1] -= dt * b[0] * 0.001
    return [round(x, 9) for b in bodies for x in b]


def shared_items(n):
    b = [1.0, 2.0, 3.0, 4.0]
    saved = b[1]
    b[3] = b[2]  # one float in two items
    constant = [0.5] * 3
    for i in range(n):
        b[1] += 0.25
        b[2] -= 0.125
        b[3] *= 1.0
        constant[i % 3] += 0.0
    return saved, b, constant, constant[0] is constant[1]


def subclass_items(n):
    b = [Weight(1.5), 2.5, "x"]
    for i in range(n):
        b[1] = b[1] * 1.0001
        if i == n // 2:
            b[1] = Weight(b[1])
    b[0] += 1.0
    return type(b[0]).__name__, type(b[1]).__name__, round(b[1], 6)


def nested(rows, cols):
    grid = [[float(r * cols + c) for c in range(cols)] for r in range(rows)]
    for r in range(rows):
        for c in range(cols):
            grid[r][c] += grid[r][c - 1] * 0.5
    return sum(sum(row) for row in grid)


def tuples_and_bounds(n):
    t = (1.5, 2.5, 3.5)
    b = [0.0] * 4
    acc = 0.0
    for i in range(n):
        acc += t[0] * t[-1] - t[2]
        b[2] += acc * 1e-6
    try:
        b[7] += 1.0
    except IndexError as e:
        print("IndexError:", e)
    try:
        acc += t[5]
    except IndexError as e:
        print("IndexError:", e)
    return round(acc, 6), b


def type_changes(n):
    b = [0.0, 0.0]
    out = []
    for i in range(n):
        b[0] += 1.5
        if i == n // 2:
            b[0] = 7
        if i == n - 3:
            b[1] = Noisy()
            b[1] = 0.25  # the finalizer runs at this store
        b[1] += 0.5
    out.append(b)
    return out


def nan_signs(n):
    # The code generator would turn `x * -1.0`, `x / -1.0` and `-0.0 - x` into a negation, which flips a
    # NaN's sign bit; CPython's multiplication keeps the NaN as it is.
    x = float("nan")
    k = -1.0
    signs = []
    for i in range(n):
        signs = [math.copysign(1.0, x * -1.0), math.copysign(1.0, x * k), math.copysign(1.0, x / -1.0),
                 math.copysign(1.0, -0.0 - x), math.copysign(1.0, x * -1), math.copysign(1.0, -2.0 * x)]
    return signs


bodies = [[0.0, 1.0, 2.0, 0.5, -0.25, 1.0], [1.0, -1.0, 0.5, 0.125, 0.75, 2.0]]
print(integrate(bodies, 3000, 0.01))
print(shared_items(2000))
print(subclass_items(2000))
print(nested(30, 40))
print(tuples_and_bounds(2000))
print(type_changes(2000))
print(nan_signs(500))
