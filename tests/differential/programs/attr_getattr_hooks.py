# __getattr__, __getattribute__, __setattr__, __delattr__, __dir__ hooks; LOAD_ATTR/STORE_ATTR/DELETE_ATTR.

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append("get " + name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self._log.append("set " + name)
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self._log.append("del " + name)
        delattr(self._target, name)

class Target:
    def __init__(self):
        self.a = 1
    def method(self, x):
        return self.a + x

t = Target()
p = Proxy(t)
print(p.a, p.method(10))
p.b = 5
print(t.b, p.b)
del p.b
print(hasattr(t, "b"), p._log)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)

class Spy:
    def __init__(self):
        self.seen = []
        self.x = 3
    def __getattribute__(self, name):
        if name != "seen":
            object.__getattribute__(self, "seen").append(name)
        return object.__getattribute__(self, name)
    def double(self):
        return self.x * 2
s = Spy()
print(s.x, s.double(), s.seen)

class Default:
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError("no attribute %r here" % name)
d = Default()
print(d.auto_hello, getattr(d, "auto_x"), hasattr(d, "other"))
try:
    d.other
except AttributeError as e:
    print("AttributeError:", e)

class Recorder:
    def __setattr__(self, name, value):
        print("  setattr", name, value)
        super().__setattr__(name, value * 2 if isinstance(value, int) else value)
r = Recorder()
for i in range(3):
    r.v = i
    r.v += 1
    print("  now", r.v)

class Dyn:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(Dyn()))
class GetattrRaisesOther:
    @property
    def prop(self):
        raise AttributeError("inside property")
    def __getattr__(self, name):
        return "fallback for " + name
print(GetattrRaisesOther().prop)
class Chain:
    def __init__(self, depth):
        self.depth = depth
        if depth:
            self.next = Chain(depth - 1)
c = Chain(5)
print(c.next.next.next.next.next.depth)
c.next.next.value = "deep"
print(c.next.next.value)
del c.next.next.value
print(hasattr(c.next.next, "value"))
