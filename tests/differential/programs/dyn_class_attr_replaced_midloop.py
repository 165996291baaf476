# Class attributes and methods replaced in the middle of a loop; instance dict shadowing;
# __class__ reassignment; base class modification - attribute caches must be invalidated.

class Shape:
    sides = 4
    def area(self):
        return self.w * self.h
    def __init__(self, w, h):
        self.w, self.h = w, h

s = Shape(2, 3)
log = []
for i in range(10):
    log.append((s.sides, s.area()))
    if i == 2:
        Shape.sides = 3
    if i == 4:
        Shape.area = lambda self: "replaced area"
    if i == 6:
        s.sides = "instance shadow"
    if i == 8:
        del s.sides
        del Shape.area
        Shape.area = lambda self: self.w + self.h
print(log)

class Base:
    def kind(self):
        return "base"
class Derived(Base):
    pass
d = Derived()
kinds = []
for i in range(6):
    kinds.append(d.kind())
    if i == 1:
        Derived.kind = lambda self: "derived override"
    if i == 3:
        del Derived.kind
        Base.kind = lambda self: "base changed"
print(kinds)

class Other:
    def kind(self):
        return "other"
    sides = "other sides"
obj = Derived()
res = []
for i in range(4):
    res.append(obj.kind())
    if i == 1:
        obj.__class__ = Other
print(res, type(obj).__name__)

class Root:
    pass
class Mixin(Root):
    def extra(self):
        return "mixin extra"
class Plain(Root):
    pass
p = Plain()
print(hasattr(p, "extra"))
Plain.__bases__ = (Mixin,)
print(p.extra(), [k.__name__ for k in Plain.__mro__])

class Counter:
    total = 0
    def add(self, v):
        Counter.total += v
        return Counter.total
c = Counter()
vals = []
for i in range(8):
    vals.append(c.add(i))
    if i == 3:
        Counter.add = lambda self, v: ("patched", v)
print(vals)
class Prop:
    @property
    def p(self):
        return "property"
pp = Prop()
seen = []
for i in range(5):
    seen.append(pp.p)
    if i == 1:
        Prop.p = "plain class attribute"
    if i == 3:
        Prop.p = property(lambda self: "new property")
print(seen)
class SlotsChange:
    __slots__ = ("a",)
sc = SlotsChange()
sc.a = 1
out = []
for i in range(4):
    out.append(sc.a)
    sc.a += 1
print(out)
