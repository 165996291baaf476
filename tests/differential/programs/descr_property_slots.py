# Properties (getter/setter/deleter), data vs non-data descriptors, __slots__, attribute errors.

class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("  deleting celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temp(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print("AttributeError:", e)

class NonData:
    def __get__(self, inst, owner):
        return "non-data from descriptor"
class Data:
    def __get__(self, inst, owner):
        return "data from descriptor"
    def __set__(self, inst, v):
        print("  Data.__set__", v)
class Holder:
    nd = NonData()
    d = Data()
h = Holder()
print(h.nd, h.d)
h.__dict__["nd"] = "instance wins over non-data"
h.__dict__["d"] = "instance loses to data"
print(h.nd, h.d)
h.d = 5

class Slotted:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
s = Slotted(1)
print(s.x, hasattr(s, "__dict__"))
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.y
except AttributeError as e:
    print("AttributeError:", e)
s.y = 2
del s.x
print(s.y, hasattr(s, "x"))
class SubSlotted(Slotted):
    pass
ss = SubSlotted(5)
ss.anything = "subclass has dict"
print(ss.x, ss.anything)
class Cached:
    def __init__(self):
        self.calls = 0
    @property
    def value(self):
        self.calls += 1
        return self.calls * 10
c = Cached()
print([c.value for _ in range(3)], c.calls)
import functools
class Lazy:
    @functools.cached_property
    def heavy(self):
        print("  computing heavy")
        return 42
lz = Lazy()
print(lz.heavy, lz.heavy, lz.__dict__)
class ReadOnly:
    __slots__ = ()
    @property
    def k(self):
        return "k"
r = ReadOnly()
print(r.k)
try:
    r.k = 1
except AttributeError as e:
    print("AttributeError:", e)
for i in range(4):
    t.celsius = i * 10
    print("loop", t.celsius, round(t.fahrenheit, 1))
