# Custom __hash__/__eq__ objects as dict keys and set members: deliberate hash collisions,
# __eq__ call counts, mutable keys gone wrong, unhashable classes (__hash__ = None).

class Key:
    eq_calls = 0
    def __init__(self, name, h):
        self.name, self.h = name, h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        Key.eq_calls += 1
        return isinstance(other, Key) and self.name == other.name
    def __repr__(self):
        return "Key(%s)" % self.name

d = {}
for i in range(8):
    d[Key("k%d" % i, i % 2)] = i
print(len(d), Key.eq_calls > 0)
Key.eq_calls = 0
print(d[Key("k5", 1)], d.get(Key("k9", 1), "absent"), Key("k2", 0) in d)
print(sorted(k.name for k in d), [v for v in d.values()])
s = {Key("a", 7), Key("a", 7), Key("b", 7)}
print(len(s), sorted(k.name for k in s))
class Unhashable:
    __hash__ = None
try:
    {Unhashable(): 1}
except TypeError as e:
    print("TypeError:", e)
class EqOnly:
    def __eq__(self, o):
        return True
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
class Mutable:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return self.v == o.v
m = Mutable(1)
dd = {m: "stored"}
m.v = 2
print(dd.get(Mutable(1)), dd.get(Mutable(2)), len(dd), m in dd)
print(hash(1) == hash(1.0) == hash(True), {1: "a", 1.0: "b", True: "c"}, {0, 0.0, False, -0.0})
print(hash((1, 2)) == hash((1, 2)), hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(-1), hash(-2))
class BadHash:
    def __hash__(self):
        return "not an int"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class Raises:
    def __hash__(self):
        return 1
    def __eq__(self, o):
        raise RuntimeError("eq exploded")
dr = {Raises(): 1}
try:
    dr[Raises()]
except RuntimeError as e:
    print("RuntimeError:", e)
