# A variable changes type mid-loop: int -> float -> big int -> str -> list; also argument types
# changing between calls of the same (possibly specialised) function.

def evolve():
    x = 1
    trace = []
    for i in range(20):
        if i < 5:
            x = x + 1
        elif i < 8:
            x = x + 0.5
        elif i == 8:
            x = int(x) * 2 ** 80
        elif i < 12:
            x = x * 3 + 1
        elif i == 12:
            x = str(x)[:6]
        elif i < 16:
            x = x + "!"
        elif i == 16:
            x = list(x)
        else:
            x = x + [i]
        trace.append(repr(x)[:40])
    return trace
for line in evolve():
    print(line)

def add(a, b):
    return a + b
def mul(a, b):
    return a * b
cases = [(1, 2), (1.5, 2), (2 ** 70, 3), ("ab", "cd"), ([1], [2]), ((1,), (2,)), (True, True),
         (1 + 2j, 1), (3, 4.5), (-(2 ** 63), -1)]
for a, b in cases:
    print(repr(a), repr(b), repr(add(a, b)), repr(mul(a, 2) if not isinstance(a, complex) else mul(a, b)))
for a, b in cases[:3] * 2:
    print(add(a, b) == add(b, a))

def accumulate(seq):
    total = seq[0]
    for v in seq[1:]:
        total += v
    return total
print(accumulate([1, 2, 3]), accumulate([1, 2.5, 3]), accumulate([2 ** 62, 2 ** 62, 2 ** 62]),
      accumulate(["a", "b"]), accumulate([[1], [2]]), accumulate([1, True, False]))

def compare_loop(vals):
    out = []
    prev = vals[0]
    for v in vals[1:]:
        out.append(prev < v)
        prev = v
    return out
print(compare_loop([1, 2, 1.5, 2 ** 64, 3, -1.0, float("inf")]))
try:
    print(compare_loop([1, 2, "3"]))
except TypeError as e:
    print("TypeError:", e)
def index_loop(container, keys):
    return [container[k] for k in keys]
print(index_loop([10, 20, 30], [0, -1, True]), index_loop({1: "a", "x": "b", 1.0: "c"}, [1, "x"]),
      index_loop("hello", [1, slice(1, 3)]))
n = 0
for i in range(70):
    n = n * 2 + 1
    if i in (30, 31, 62, 63, 64):
        print(i, n, type(n).__name__)
f = 1.0
for i in range(12):
    f *= 1e30
print(f, type(f).__name__)
