# One FOR_ITER site iterating lists, tuples, ranges (incl. big/negative steps), strings, dicts,
# sets, generators, custom iterators, __getitem__ sequences, files-like objects, iterators
# that raise mid-way, and lists mutated during iteration.

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
class OldSeq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 11
class Bad:
    def __iter__(self):
        yield 1
        raise ValueError("iterator broke")
import io

def consume(it):
    out = []
    for v in it:
        out.append(v)
    return out

sources = [[1, 2, 3], (4, 5), range(3), range(10, 0, -3), range(2 ** 64, 2 ** 64 + 3), range(-5, 5, 4), "héllo",
           {"a": 1, "b": 2}, {"a": 1}.values(), {"k": "v"}.items(), sorted({3, 1, 2}), (x * 2 for x in range(3)),
           Countdown(4), OldSeq(), iter([9, 8]), enumerate("ab"), zip("ab", "cd"), map(str, range(3)), reversed([1, 2, 3]),
           io.StringIO("line1\nline2\n"), b"AB", bytearray(b"z"), memoryview(b"mv"), [], ()]
for s in sources:
    print(type(s).__name__, consume(s))
try:
    consume(Bad())
except ValueError as e:
    print("ValueError:", e)
try:
    consume(5)
except TypeError as e:
    print("TypeError:", e)
lst = [1, 2, 3]
seen = []
for v in lst:
    seen.append(v)
    if v < 6:
        lst.append(v + 3)
print(seen, lst)
lst = list(range(10))
for v in lst:
    if v % 2 == 0:
        lst.remove(v)
print(lst)
d = {1: 1}
try:
    for k in d:
        d[k + 1] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
it = iter(range(5))
for v in it:
    if v == 1:
        print("skipping", next(it))
print("exhausted", list(it))
total = 0
for i in range(1000):
    total += i
for i in range(2 ** 62, 2 ** 62 + 500, 7):
    total += i & 0xFF
print(total)
