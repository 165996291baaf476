# list operations: append/extend/insert/pop/remove/sort/index/STORE_SUBSCR/DELETE_SUBSCR.

l = []
for i in range(30):
    if i % 3 == 0:
        l.append(i)
    elif i % 3 == 1:
        l.insert(0, i)
    else:
        l.extend([i, -i])
print(l)
print(len(l), l.index(4), l.count(2), l.pop(), l.pop(0), l)
l.remove(-2)
l.sort()
print(l)
l.sort(key=lambda v: (abs(v), v), reverse=True)
print(l)
l.reverse()
print(l[:10])
for idx in range(0, len(l), 4):
    l[idx] = l[idx] * 100
print(l)
del l[0]
del l[-1]
del l[2:4]
print(l)
m = [[0] * 4 for _ in range(4)]
for r in range(4):
    for c in range(4):
        m[r][c] = r * 4 + c
m[1][2] += 100
m[-1][-1] = -1
print(m)
print([row[::-1] for row in m], list(zip(*m)))
a = [3, 1, 2]
b = a
a = a + [4]
b += [5]
print(a, b)
print([1, 2] * 3, [[]] * 2, [1, 2] < [1, 3], [1, 2] == [1, 2.0], max([[1, 2], [1, 3], [0, 9]]))
try:
    l[100]
except IndexError as e:
    print("IndexError:", e)
try:
    l[100] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(5)
except ValueError as e:
    print("ValueError:", e)
try:
    l["x"]
except TypeError as e:
    print("TypeError:", e)
nums = [((i * 7919) % 101) - 50 for i in range(60)]
print(sorted(nums)[:10], sum(nums), min(nums), max(nums), sorted(nums, key=abs)[:5])
stack = []
for ch in "(()(()))()((":
    if ch == "(":
        stack.append(ch)
    elif stack:
        stack.pop()
print("unbalanced by", len(stack))
print(list(map(lambda x: x * 2, range(5))), list(filter(None, [0, 1, "", "a", None])))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]), list(reversed(range(5))))
import bisect
srt = []
for v in nums[:15]:
    bisect.insort(srt, v)
print(srt, bisect.bisect_left(srt, 0), bisect.bisect_right(srt, 0))
