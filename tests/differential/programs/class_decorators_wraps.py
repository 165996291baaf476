# Decorators: with and without arguments, stacked (application order), functools.wraps
# metadata, class-based decorators, decorating methods/classmethods/properties, class decorators.
import functools

def trace(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        print("  call", fn.__name__, a, sorted(k.items()))
        r = fn(*a, **k)
        print("  ret ", fn.__name__, r)
        return r
    return wrapper

def repeat(times):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        wrapper.times = times
        return wrapper
    return deco

def tag(label):
    def deco(fn):
        print("  applying tag", label, "to", fn.__name__)
        fn.tags = getattr(fn, "tags", []) + [label]
        return fn
    return deco

@tag("outer")
@tag("inner")
@trace
def add(a, b=1):
    """Adds numbers."""
    return a + b

print(add(2, b=5), add.__name__, add.__doc__, add.tags, add.__wrapped__.__name__)

@repeat(3)
def shout(w):
    return w.upper()
print(shout("hey"), shout.times, shout.__name__)

class CountCalls:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)
@CountCalls
def square(x):
    return x * x
print([square(i) for i in range(4)], square.calls, square.__name__)

class Service:
    def __repr__(self):
        return "<Service>"
    @trace
    def method(self, v):
        return v * 10
    @classmethod
    @trace
    def cm(cls, v):
        return cls.__name__ + str(v)
    @property
    @trace
    def prop(self):
        return "prop value"
s = Service()
print(s.method(3), Service.cm(4), s.prop)

def add_repr(cls):
    def __repr__(self):
        return "%s(%s)" % (cls.__name__, ", ".join("%s=%r" % kv for kv in sorted(vars(self).items())))
    cls.__repr__ = __repr__
    return cls
@add_repr
class Rec:
    def __init__(self, **kw):
        self.__dict__.update(kw)
print(Rec(b=2, a="x"))
def deco_with_state():
    seen = []
    def deco(fn):
        seen.append(fn.__name__)
        return fn
    return deco, seen
register, registry = deco_with_state()
for name in ["alpha", "beta"]:
    exec("@register\ndef %s(): pass" % name, {"register": register})
print(registry)
