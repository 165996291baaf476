# UNPACK_SEQUENCE sites specialised for 2-tuples / tuples / lists receiving other iterables and
# wrong lengths; swaps in hot loops.

def unpack2(v):
    a, b = v
    return a, b
def unpack3(v):
    a, b, c = v
    return c, b, a
inputs2 = [(1, 2), [3, 4], "xy", range(2), {5: 0, 6: 0}, iter([7, 8]), (i for i in (9, 10)), b"AB", (None, ())]
print([unpack2(v) for v in inputs2])
inputs3 = [(1, 2, 3), [4, 5, 6], "abc", range(3), {"x", "y", "z"} and (7, 8, 9)]
print([unpack3(v) for v in inputs3])
for v in [(1,), [1, 2, 3], "abc", 5, None, iter(range(5))]:
    try:
        print(unpack2(v))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
a, b = 0, 1
for i in range(60):
    a, b = b, a + b
print(a, b)
x, y, z = 1, 2, 3
for i in range(10):
    x, y, z = z, x, y
print(x, y, z)
pts = [(i, i * i) for i in range(10)] + [[10, 100]]
sx = sy = 0
for px, py in pts:
    sx += px
    sy += py
print(sx, sy)
