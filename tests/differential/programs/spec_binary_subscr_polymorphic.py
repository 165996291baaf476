# One BINARY_SUBSCR / STORE_SUBSCR site fed many container types, negative and out-of-range
# indices, big-int indices, bool indices and custom __getitem__ - specialisations must deopt.

class Sq:
    def __getitem__(self, k):
        if isinstance(k, int) and k >= 5:
            raise IndexError("Sq index out of range")
        return ("sq", k)
class Store(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, ("wrapped", v))

def get(c, k):
    return c[k]

def put(c, k, v):
    c[k] = v
    return c

cases = [([1, 2, 3], 0), ([1, 2, 3], -1), ((4, 5, 6), 2), ((4, 5, 6), -3), ({"a": 1}, "a"), ({1: "x"}, 1),
         ({1: "x"}, True), ("hello", 1), ("hello", -2), (b"bytes", 0), (bytearray(b"ba"), 1), (range(10), 7),
         (Sq(), 3), (Sq(), "key"), ([10, 20, 30], True), ([10, 20], slice(None, None, -1)), ("abc", slice(1, None))]
for c, k in cases:
    print(type(c).__name__, repr(k), "->", repr(get(c, k)))
bad = [([1, 2, 3], 3), ([1], -2), ((1,), 5), ("ab", 2), ({}, "missing"), ([1], "s"), ([1], 2 ** 70), (5, 0),
       (Sq(), 9), (None, 1), ({}, [1]), (range(3), 3)]
for c, k in bad:
    try:
        get(c, k)
    except (IndexError, KeyError, TypeError) as e:
        print(type(c).__name__, repr(k), "->", type(e).__name__, e)
print(put([0, 0, 0], 1, "x"), put([0, 0, 0], -1, "y"), put({}, "k", 1), put(Store(), "s", 2), put(bytearray(3), 0, 65))
for c, k in [((1, 2), 0), ("str", 0), ([1], 5), ([1], -5), (bytearray(1), 1), (frozenset(), 1)]:
    try:
        put(c, k, 1)
    except (TypeError, IndexError) as e:
        print(type(c).__name__, repr(k), "->", type(e).__name__, e)
try:
    put(bytearray(1), 0, 300)
except ValueError as e:
    print("ValueError:", e)

def hot(lst):
    total = 0
    for i in range(len(lst)):
        total += lst[i] * lst[-1 - i]
        lst[i] = lst[i] + 1
    return total, lst[:5]
print(hot(list(range(100))), hot([1.5] * 10), hot([2 ** 70, 1, 2]))
try:
    hot([1, 2, "x"])
except TypeError as e:
    print("TypeError:", e)
m = [[i * j for j in range(5)] for i in range(5)]
s = 0
for i in range(5):
    for j in range(5):
        s += m[i][j] * m[j][i]
        m[i][j] -= 1
print(s, m[4])
d = {}
for i in range(50):
    d[i % 7] = d.get(i % 7, 0) + i
    d[str(i % 3)] = i
print(d)
