# ABCs (abstract methods, TypeError on instantiation, register, __subclasshook__) and subclasses
# of builtins whose overridden dunders must be honoured by specialised operations.
from abc import ABC, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    def describe(self):
        return "%s with area %.2f" % (type(self).__name__, self.area())
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
class Incomplete(Shape):
    pass
try:
    Incomplete()
except TypeError as e:
    print("TypeError:", e)
print(Sq(3).describe(), isinstance(Sq(1), Shape))
class Duck:
    def area(self):
        return 1
Shape.register(Duck)
print(isinstance(Duck(), Shape), issubclass(Duck, Shape))

class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + int(o) + 1000)
    def __repr__(self):
        return "MyInt(%d)" % int(self)
class MyList(list):
    def __getitem__(self, i):
        return ("MyList item", list.__getitem__(self, i))
    def __len__(self):
        return 99
class MyDict(dict):
    def __getitem__(self, k):
        return "MyDict[%r]" % (k,)
    def __contains__(self, k):
        return True
class MyStr(str):
    def __eq__(self, o):
        return True
    __hash__ = str.__hash__
    def upper(self):
        return "custom upper"
class MyFloat(float):
    def __mul__(self, o):
        return "MyFloat mul"

def hot(a, b, lst, d, s, f):
    out = []
    for i in range(3):
        out.append((a + b, lst[0], len(lst), d["k"], "zz" in d, s == "other", s.upper(), f * 2))
    return out
for row in hot(1, 2, [5], {"k": 1}, "s", 1.5):
    print(row)
for row in hot(MyInt(1), 2, MyList([5]), MyDict(k=1), MyStr("s"), MyFloat(1.5)):
    print(row)
print(MyInt(5) + 1, 1 + MyInt(5), sum([MyInt(1), MyInt(2)]), type(MyInt(3) * 2).__name__)
class Celsius(float):
    def __new__(cls, v):
        if v < -273.15:
            raise ValueError("too cold")
        return super().__new__(cls, v)
print(Celsius(20) + 1, type(Celsius(20) + 1).__name__)
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(Upper("abc"), Upper("abc") + "d", len(Upper("xy")), isinstance(Upper("q"), str))
class OrderedTuple(tuple):
    def __new__(cls, *items):
        return super().__new__(cls, sorted(items))
print(OrderedTuple(3, 1, 2), OrderedTuple(3, 1, 2)[0])
