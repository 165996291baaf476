# Zero-argument super() (uses __class__ cell) in methods, classmethods, properties,
# generators, nested functions and after the method is copied to another class.

class Base:
    def greet(self):
        return "Base.greet(%s)" % type(self).__name__
    @classmethod
    def make(cls):
        return "Base.make(%s)" % cls.__name__
    @property
    def prop(self):
        return "Base.prop"
    def gen(self):
        yield "Base.gen"
    def __init__(self, v):
        self.v = v

class Mid(Base):
    def greet(self):
        return "Mid>" + super().greet()
    @classmethod
    def make(cls):
        return "Mid>" + super().make()
    @property
    def prop(self):
        return "Mid>" + super().prop
    def gen(self):
        yield "Mid.gen"
        yield from super().gen()
    def __init__(self, v):
        super().__init__(v * 2)
    def nested(self):
        def helper():
            return __class__.__name__
        return helper()
    def uses_class_cell(self):
        return __class__

class Leaf(Mid):
    def greet(self):
        r = super().greet()
        return "Leaf>" + r
    def lam(self):
        f = lambda: super(Leaf, self).greet()
        return f()
    def in_comprehension(self):
        return [super().greet() for _ in range(1)]

x = Leaf(5)
print(x.greet())
print(Leaf.make(), x.prop, list(x.gen()), x.v)
print(x.nested(), x.uses_class_cell().__name__, x.lam())
try:
    print(x.in_comprehension())
except TypeError as e:
    print("TypeError:", e)

def outside(self):
    return super().greet()
try:
    outside(x)
except RuntimeError as e:
    print("RuntimeError:", e)

class Other(Leaf):
    greet = Mid.greet
print(Other(1).greet())
try:
    class Other2(Base):
        greet = Mid.greet
    Other2(1).greet()
except TypeError as e:
    print("TypeError:", e)
class WithNew:
    def __new__(cls, *a):
        inst = super().__new__(cls)
        inst.created_by = "WithNew.__new__"
        return inst
class SubNew(WithNew):
    def __new__(cls, *a):
        inst = super().__new__(cls, *a)
        inst.created_by += "+SubNew"
        return inst
print(SubNew(1, 2).created_by)
class Lst(list):
    def append(self, v):
        super().append(v * 10)
l = Lst()
for i in range(4):
    l.append(i)
print(l)
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
d = D()
d["a"] = 1
d["b"] = 2
print(d)
def reassigned_self():
    class S(Base):
        def greet(self):
            self = 5
            return super().greet()
    try:
        S(1).greet()
    except TypeError as e:
        print("TypeError:", e)
reassigned_self()
