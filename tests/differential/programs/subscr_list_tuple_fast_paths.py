# BINARY_SUBSCR on lists and tuples and STORE_SUBSCR on lists with int keys, which compiled code answers
# inline for exact containers and small non-negative exact int indexes: every other case (negative and
# out-of-range indexes, big ints, bools, int and list subclasses, slices, other key types, mutation while
# indexing, __del__ of replaced items) must behave as in CPython.
class MyList(list):
    def __getitem__(self, i):
        return ("MyList", list.__getitem__(self, i))

    def __setitem__(self, i, v):
        print("MyList set", i, v)
        list.__setitem__(self, i, v)


class MyTuple(tuple):
    pass


class Index(int):
    pass


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def read(seq, key):
    try:
        return seq[key]
    except (IndexError, TypeError, KeyError) as e:
        return type(e).__name__ + ": " + str(e)


def write(seq, key, value):
    try:
        seq[key] = value
        return seq
    except (IndexError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)


keys = [0, 1, 2, 4, 5, 6, -1, -5, -6, 2**30 - 1, 2**30, 2**31, -(2**31), 2**64, True, False, Index(1),
        slice(1, 3), 1.0, "1", None]
containers = [[10, 20, 30, 40, 50], (10, 20, 30, 40, 50), [], (), MyList([1, 2, 3]), MyTuple((1, 2, 3)),
              "abcde", {0: "zero", 1: "one"}, range(5)]
for container in containers:
    print(type(container).__name__, [read(container, key) for key in keys])

for key in keys:
    print(repr(key), write([1, 2, 3, 4, 5, 6, 7], key, "x"))
print(write((1, 2), 0, "x"))
print(write(MyList([1, 2, 3]), 1, "y"))

# The replaced item is released at once; the stored item stays alive.
items = [Noisy("a"), Noisy("b")]
for i in range(2):
    items[i] = Noisy("new" + str(i))
    print("stored", i)
print([x.name for x in items])
del items

# Hot loops over a list that changes length under the loop.
data = list(range(10))
total = 0
i = 0
while i < 12:
    total += read(data, i) if i < len(data) else 0
    if i == 5:
        del data[7:]
    i += 1
print(total, data)

grid = [[0] * 4 for _ in range(4)]
for r in range(4):
    for c in range(4):
        grid[r][c] = r * c
        grid[r][c] += grid[c][r]
print(grid)
t = tuple(range(8))
print(sum(t[k] for k in range(8)), t[7], t[-8])
