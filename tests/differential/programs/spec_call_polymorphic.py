# One call site calling every kind of callable: Python functions, closures, generators, builtins,
# classes (with __init__/__new__), bound/unbound methods, method descriptors, partials,
# callable instances, classmethods, staticmethods - with positional and keyword arguments.
import functools

def pyfunc(a, b=10):
    return ("pyfunc", a, b)
def make_closure(k):
    def inner(a, b=0):
        return ("closure", a, b, k)
    return inner
def genfunc(a, b=1):
    yield ("gen", a, b)
class K:
    def __init__(self, a, b=None):
        self.args = (a, b)
    def __repr__(self):
        return "K%r" % (self.args,)
    def meth(self, a, b=None):
        return ("meth", a, b)
    @classmethod
    def cm(cls, a, b=None):
        return ("cm", cls.__name__, a, b)
    @staticmethod
    def sm(a, b=None):
        return ("sm", a, b)
class New:
    def __new__(cls, a, b=None):
        return ("new returned tuple", a, b)
class CallMe:
    def __call__(self, a, b=None):
        return ("callme", a, b)
k = K(0)
callables = [pyfunc, make_closure("c"), lambda a, b=5: ("lambda", a, b), K, New, k.meth, K.cm, K.sm, k.cm,
             functools.partial(pyfunc, b=99), CallMe(), max, min, divmod, pow, complex, int.__add__,
             str.join if False else str.__add__, dict, list.__len__ if False else (lambda a, b=0: ("pad", a))]

def invoke(f, *args, **kw):
    return f(*args, **kw)

def direct_site(fs):
    out = []
    for f in fs:
        try:
            out.append(f(3, 4))
        except TypeError as e:
            out.append("TypeError: %s" % e)
    return out
for r in direct_site(callables):
    print(r)
def kw_site(fs):
    out = []
    for f in fs:
        try:
            out.append(f(3, b=4))
        except TypeError as e:
            out.append("TypeError: %s" % e)
    return out
for r in kw_site(callables):
    print(r)
print(list(genfunc(1)), list(invoke(genfunc, 2, b=3)))
print(invoke(K.meth, k, 1, b=2), invoke(getattr(k, "meth"), 5))
for i in range(6):
    f = [len, abs, str.upper, repr, type, bool][i]
    print(f.__name__ if hasattr(f, "__name__") else f, f("x" if i in (0, 2, 3, 4, 5) else -4))
def recursive_dispatch(n, table):
    if n == 0:
        return []
    return [table[n % len(table)](n)] + recursive_dispatch(n - 1, table)
print(recursive_dispatch(8, [str, float, lambda v: v * v, bin, K]))
