# collections.deque / ChainMap / Counter arithmetic, heapq, bisect, array, struct.
from collections import deque, ChainMap, Counter
import heapq
import bisect
import array
import struct

dq = deque(range(5), maxlen=6)
dq.append(5); dq.append(6); dq.appendleft(-1); dq.rotate(2)
print(dq, dq.maxlen, dq.popleft(), dq.pop(), dq.count(3), list(reversed(dq)))
dq.extendleft("ab")
print(dq, dq[0], dq[-1])
defaults = {"color": "red", "size": 1}
user = {"size": 3}
cm = ChainMap(user, defaults)
print(cm["color"], cm["size"], len(cm), sorted(cm), cm.new_child({"color": "blue"})["color"])
cm["new"] = 1
print(user, defaults)
c1, c2 = Counter("aabbbc"), Counter("abccd")
print(sorted((c1 + c2).items()), sorted((c1 - c2).items()), sorted((c1 & c2).items()), sorted((c1 | c2).items()))
print(c1.most_common(1), c1.total(), sorted(Counter({"x": -1, "y": 2}).items()))
h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, (v % 3, v))
print([heapq.heappop(h) for _ in range(len(h))])
print(heapq.nlargest(3, range(20), key=lambda v: v % 7), heapq.nsmallest(2, [5, 2, 8]), list(heapq.merge([1, 4], [2, 3])))
grades = [60, 70, 80, 90]
print([("FDCBA"[bisect.bisect(grades, s)]) for s in [33, 60, 77, 95]])
arr = array.array("i", range(10))
arr[2] = -5
arr.extend([100, 200])
print(arr, arr.itemsize, arr.tolist()[-3:], arr.tobytes()[:8], sum(arr))
fa = array.array("d", [1.5, 2.5])
fa *= 2
print(fa, array.array("b", b"\x01\xff"))
rec = struct.pack(">HiQ3s", 513, -2, 2 ** 40, b"abc")
print(rec, struct.unpack(">HiQ3s", rec), struct.calcsize("<bhiq"), struct.calcsize("@bhiq"))
for fields in struct.iter_unpack("<hh", bytes(range(8))):
    print(fields)
