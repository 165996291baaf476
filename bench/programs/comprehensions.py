"""comprehensions: list/dict/set comprehensions and generator expressions.

Exercises: the implicit nested functions created for comprehensions
(MAKE_FUNCTION + CALL per comprehension in 3.11), LIST_APPEND / MAP_ADD /
SET_ADD, filtered and nested comprehensions, sum()/any()/max() over
generator expressions.
"""
import sys


def round_(data, r):
    squares = [x * x % 1009 for x in data]
    evens = [x for x in squares if x % 2 == 0]
    pairs = [(a, b) for a in range(r % 7 + 3) for b in range(a) if (a ^ b) & 1]
    index = {x: i for i, x in enumerate(evens)}
    residues = {x % 97 for x in squares}
    s1 = sum(x for x in squares if x > 500)
    big = any(x > 1000 for x in squares)
    m = max((x * 3) % 211 for x in evens) if evens else 0
    inverted = {v: k for k, v in index.items() if k % 3 == 1}
    matrix = [[(i * j + r) % 13 for j in range(8)] for i in range(8)]
    trace = sum(matrix[i][i] for i in range(8))
    return len(evens) + len(pairs) + len(index) + len(residues) + s1 + big + m + len(inverted) + trace


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 42000
    data = [(i * 7919) % 10007 for i in range(200)]
    acc = 0
    for r in range(rounds):
        acc = (acc * 31 + round_(data, r)) % 1000000007
        data[r % 200] = (data[r % 200] + r) % 10007
    print("comprehensions rounds=%d acc=%d" % (rounds, acc))


main()
