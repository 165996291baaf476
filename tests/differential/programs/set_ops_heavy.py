# set / frozenset operations; prints are sorted so hash order never matters.

a = {x * 3 % 17 for x in range(20)}
b = set(range(0, 17, 2))
print(sorted(a), sorted(b))
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= a | b, a < a, {1} < {1, 2}, a.isdisjoint({100}), b.issuperset({2, 4}))
s = set()
for i in range(50):
    s.add(i % 7)
    if i % 11 == 0:
        s.discard(i % 7)
print(sorted(s))
s.update([10, 11], {12})
s.difference_update({0, 1})
s.intersection_update(range(5, 20))
s.symmetric_difference_update({5, 99})
print(sorted(s), len(s), s.pop() in range(100))
fs = frozenset("hello")
print(sorted(fs), len(fs), "h" in fs, fs | {"z"} == frozenset("helloz"), hash(fs) == hash(frozenset("oleh")))
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {1}.remove(2)
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
words = "one two three two one four five four".split()
seen = set()
order = []
for w in words:
    if w not in seen:
        seen.add(w)
        order.append(w)
print(order, len(seen))
print(sorted({(i, j) for i in range(3) for j in range(3) if i != j}))
print({1, 2, 3} == {3, 2, 1}, {1, 2} != frozenset({1, 2}), set("aab") == {"a", "b"})
ints = {5, 3, 9, 1, 7, 2 ** 40, -3}
print(sorted(ints), min(ints), max(ints), sum(ints))
x = {1, 2}
y = x
x |= {3}
x -= {1}
print(sorted(x), y is x)
