# BUILD_LIST/TUPLE/SET/MAP/CONST_KEY_MAP/SLICE, LIST_EXTEND, SET_UPDATE, DICT_UPDATE,
# DICT_MERGE, LIST_TO_TUPLE via star-unpacking in displays and calls.

def displays(a, b, *rest, **kw):
    l1 = [a, b, a + b]
    l2 = [*rest, a, *rest]
    l3 = [1, 2, 3, 4, 5]
    t1 = (a, b)
    t2 = (*rest, b)
    t3 = (*l1, *t1, *rest)
    s1 = {a, b, a}
    s2 = {*rest, *l1}
    s3 = {1, 2, 3, 1}
    d1 = {"a": a, "b": b}
    d2 = {"x": 1, **kw, "y": 2}
    d3 = {**kw}
    d4 = {a: b, b: a}
    d5 = {"k1": 1, "k2": 2, "k3": 3, "k4": a}
    print(l1, l2, l3)
    print(t1, t2, t3)
    print(sorted(s1), sorted(s2), sorted(s3))
    print(d1, d2, d3, d4, d5)
    return len(l2) + len(t3)

print(displays(1, 2))
print(displays(3, 4, 5, 6, 7, z=9, w=8))
print(displays(*[10, 20], *(30,), **{"q": 1}, r=2))

def call_with_dup(**kw):
    return kw
try:
    call_with_dup(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    call_with_dup(a=1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    call_with_dup(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    print({**[1, 2]})
except TypeError as e:
    print("TypeError:", e)
try:
    print([*5])
except TypeError as e:
    print("TypeError:", e)

seq = list(range(20))
i, j, k = 3, 15, 4
print(seq[i:j], seq[i:j:k], seq[::k], seq[j:i:-k], seq[-3:], seq[:-17], seq[::-1][:3])
sl = slice(2, 12, 3)
print(seq[sl], sl.indices(20), slice(None).indices(5))
seq[2:5] = ["a", "b"]
print(seq)
seq[::4] = "VWXYZ"
print(seq)
del seq[1:8:2]
print(seq)
print((1, 2, 3)[1:], "abcdef"[::2], b"xyz"[1:2], range(10)[2:8:2])
print({1, 2} | {*"ab"}, [*"hi", *b"\x01\x02", *range(3), *{"k": 1}])
print(tuple([*range(3)]), (*range(2),), [*()], {**{}})
big = {"key%d" % n: n for n in range(5)}
merged = {**big, "key2": "two", **{"key9": 9}}
print(merged)
def consts():
    return {"alpha": 1, "beta": 2.5, "gamma": None, "delta": (1, 2), "eps": "e"}
print(consts(), consts() is consts())
