# UNPACK_SEQUENCE (tuple/list/other iterables, nested) and UNPACK_EX (starred targets).

def unpack(seq):
    a, b, c = seq
    return a, b, c

print(unpack((1, 2, 3)), unpack([4, 5, 6]), unpack("xyz"), unpack(range(3)), unpack({7: 0, 8: 0, 9: 0}))
for bad in [(1, 2), (1, 2, 3, 4), 5]:
    try:
        unpack(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

def gen(n):
    for i in range(n):
        print("  yield", i)
        yield i
try:
    x, y = gen(3)
except ValueError as e:
    print("ValueError", e)
first, *middle, last = range(10)
print(first, middle, last)
*init, tail = "hello"
print(init, tail)
head, *rest = [1]
print(head, rest)
a, b, *c, d, e = 1, 2, 3, 4
print(a, b, c, d, e)
try:
    a, b, *c, d, e = 1, 2, 3
except ValueError as ex:
    print("ValueError", ex)
(p, q), [r, (s, t)] = (1, 2), [3, "st"]
print(p, q, r, s, t)
for i, (x, *ys) in enumerate([(1, 2, 3), (4,), "abc"]):
    print(i, x, ys)
m, n = n, m = 1, 2
print(m, n)
x = y = z = [0]
print(x is z)
pairs = [(i, i * i) for i in range(5)]
total = 0
for k, v in pairs:
    total += k * v
print(total)
t = 1, 2
u, v = t
v, u = u, v
print(u, v)
a, b, c = c, a, b = 10, 20, 30
print(a, b, c)
lst = [0, 0, 0]
lst[0], lst[1], lst[2] = "abc"
print(lst)
class O:
    pass
o = O()
o.x, o.y = divmod(17, 5)
print(o.x, o.y)
d = {}
d["a"], *d["rest"] = range(4)
print(d)
def swap3(a, b, c):
    a, b, c = c, a, b
    return a, b, c
print(swap3(1, 2, 3))
def swap4(a, b, c, d):
    a, b, c, d = d, c, b, a
    return a, b, c, d
print(swap4(1, 2, 3, 4))
