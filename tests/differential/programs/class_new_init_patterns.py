# __new__/__init__ interplay: __new__ returning a different type (no __init__), caching instances,
# __init__ returning non-None, __init_subclass__, object.__new__ argument errors, __call__ on class.

class Cached:
    _cache = {}
    def __new__(cls, key):
        if key in cls._cache:
            print("  cache hit", key)
            return cls._cache[key]
        inst = super().__new__(cls)
        cls._cache[key] = inst
        return inst
    def __init__(self, key):
        print("  __init__ runs for", key)
        self.key = key
a1 = Cached("a")
a2 = Cached("a")
print(a1 is a2)

class Shapeshifter:
    def __new__(cls, v):
        if v < 0:
            return "a string instead"
        return super().__new__(cls)
    def __init__(self, v):
        print("  Shapeshifter.__init__", v)
        self.v = v
print(Shapeshifter(1).v, Shapeshifter(-1))

class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
class NoArgs:
    pass
try:
    NoArgs(1, 2)
except TypeError as e:
    print("TypeError:", e)
class NewOnly:
    def __new__(cls, *a):
        return super().__new__(cls)
print(type(NewOnly(1, 2)).__name__)
class InitOnly:
    def __init__(self, *a):
        self.a = a
print(InitOnly(1, 2).a)
class Point:
    __slots__ = ("x", "y")
    def __new__(cls, x, y):
        self = object.__new__(cls)
        self.x, self.y = x, y
        return self
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
print([Point(i, -i) for i in range(3)])
class Registry:
    subclasses = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Registry.subclasses.append(cls.__name__)
class A(Registry): pass
class B(A): pass
print(Registry.subclasses)
class Factory(type):
    def __call__(cls, *args):
        print("  metaclass __call__ intercepts", cls.__name__, args)
        if args and args[0] == "skip":
            return None
        return super().__call__(*args)
class Made(metaclass=Factory):
    def __init__(self, *a):
        self.a = a
print(Made(1).a, Made("skip"))
import copy
class Tracked:
    count = 0
    def __new__(cls, *a, **k):
        cls.count += 1
        return super().__new__(cls)
    def __init__(self, v=0):
        self.v = v
t = Tracked(5)
t2 = copy.copy(t)
print(Tracked.count, t2.v)
