# Metaclasses: __new__/__init__/__call__/__prepare__, __init_subclass__, __set_name__,
# __class_getitem__, class decorators, keyword arguments in class statements.

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("  prepare", name, kw)
        return {"__order__": []}
    def __new__(mcls, name, bases, ns, **kw):
        print("  meta new", name, [k for k in ns if not k.startswith("__")])
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.tag = kw.get("tag", "none")
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("  meta init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("  meta call", cls.__name__, args, kwargs)
        return super().__call__(*args, **kwargs)

class Base(metaclass=Meta, tag="base"):
    def __init__(self, v=0):
        self.v = v
    def __init_subclass__(cls, flavor="plain", **kw):
        print("  init_subclass", cls.__name__, flavor)
        cls.flavor = flavor

class Child(Base, tag="child", flavor="spicy"):
    pass

obj = Child(5)
print(obj.v, Child.tag, Child.flavor, type(Child).__name__, Base.tag)

class Field:
    def __set_name__(self, owner, name):
        print("  set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, inst, owner):
        if inst is None:
            return self
        return getattr(inst, self.name, "unset")
    def __set__(self, inst, value):
        setattr(inst, self.name, value * 10)

class Model:
    a = Field()
    b = Field()
m = Model()
m.a = 4
print(m.a, m.b, type(Model.a).__name__)

def register(cls):
    print("  decorating", cls.__name__)
    cls.registered = True
    return cls
@register
class Plugin:
    pass
print(Plugin.registered)

class Gen:
    def __class_getitem__(cls, item):
        return "Gen[%s]" % (item.__name__ if isinstance(item, type) else item)
print(Gen[int], Gen["x"], list[int], dict[str, list[int]])

class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class Conf(metaclass=Singleton):
    def __init__(self, x):
        print("  Conf init", x)
        self.x = x
c1, c2 = Conf(1), Conf(2)
print(c1 is c2, c2.x)
class AutoRepr(type):
    def __repr__(cls):
        return "<class %s via AutoRepr>" % cls.__name__
class R(metaclass=AutoRepr):
    pass
print(repr(R), R.__class__.__name__)
Dyn = Meta("Dyn", (), {"q": 1}, tag="dyn")
print(Dyn.tag, Dyn.q)
