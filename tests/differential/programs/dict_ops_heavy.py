# dict operations: insertion order, update, setdefault, pop, views, deletion, merging.

d = {}
for i in range(40):
    key = "k%02d" % ((i * 17) % 40)
    d[key] = i
print(list(d)[:8], len(d))
for i in range(0, 40, 3):
    del d["k%02d" % i]
print(list(d.items())[:6], len(d))
d["k00"] = "back"
print(list(d)[-3:])
print(d.get("k01"), d.get("nope"), d.get("nope", 7), d.setdefault("new", []), d.setdefault("k01", "x"))
d["new"].append(1)
print(d.pop("new"), d.pop("missing", None), d.popitem(), len(d))
keys = d.keys()
vals = d.values()
items = d.items()
d["zz"] = 26
print(len(keys), "zz" in keys, 26 in vals, ("zz", 26) in items)
print(sorted(keys & {"k01", "k02", "k99"}), sorted(keys - {"k01"})[:3])
inv = {v: k for k, v in d.items() if isinstance(v, int)}
print(sorted(inv.items())[:5])
e = dict(a=1, b=2)
e.update({"c": 3}, d=4)
e.update([("e", 5)])
print(e, e | {"a": 100}, {"z": 0} | e)
try:
    d["missing"]
except KeyError as ex:
    print("KeyError:", ex)
try:
    del d["missing"]
except KeyError as ex:
    print("KeyError:", ex)
try:
    {}.popitem()
except KeyError as ex:
    print("KeyError:", ex)
try:
    d[[1]] = 2
except TypeError as ex:
    print("TypeError:", ex)
try:
    for k in d:
        d["added" + k] = 1
except RuntimeError as ex:
    print("RuntimeError:", ex)
class Missing(dict):
    def __missing__(self, key):
        print("  __missing__", key)
        return key * 2
m = Missing(a=1)
print(m["a"], m["bc"], m.get("q"), "bc" in m)
from collections import defaultdict, OrderedDict, Counter
dd = defaultdict(list)
for w in "apple banana avocado blueberry cherry".split():
    dd[w[0]].append(w)
print(dict(dd))
od = OrderedDict.fromkeys("abcde", 0)
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(last=False))
c = Counter("mississippi")
print(c.most_common(3), c["s"], c["z"], sorted(c.elements())[:6])
print({1: "a", True: "b", 1.0: "c"}, {(1, 2): "t", frozenset({3}): "f"})
print(dict(zip("abc", range(3))), dict.fromkeys([1, 2], "v"), {} == dict(), {1: 2} == {1: 2.0})
nested = {}
for i in range(10):
    nested.setdefault(i % 3, {}).setdefault(i % 2, []).append(i)
print(nested)
