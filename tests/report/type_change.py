"""A loop whose operands change type halfway: ints first, then floats (the example of docs/deopt.md)."""


def total(values):
    acc = 0
    for v in values:
        acc = acc + v
    return acc


def scaled(n):
    out = []
    for i in range(n):
        out.append(total([i, i + 1, i + 2]))
    return out


ints = [total(list(range(50))) for _ in range(100)]
floats = [total([0.5] * 50) for _ in range(20)]
print(sum(ints), sum(floats), sum(scaled(300)))
