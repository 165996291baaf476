# Name instructions on their error paths. Unbound names in dict namespaces (LOAD_NAME, DELETE_NAME,
# DELETE_GLOBAL, DELETE_FAST, DELETE_DEREF, LOAD_CLASSDEREF), and namespaces with a __getitem__ of their
# own (a metaclass __prepare__ mapping, a dict subclass with __missing__, non-dict builtins), where the
# mapping's code runs exactly once per lookup and the NameError comes after it. NameError.name and the
# "Did you mean" suggestion are checked through traceback printing.
import sys
import traceback


def show(exc):
    print(type(exc).__name__, "|", exc, "|", getattr(exc, "name", "-"))


# --- module level: LOAD_NAME and DELETE_NAME in the module's dict
try:
    undefined_module_name
except NameError as e:
    show(e)
x = 1
del x
try:
    del x
except NameError as e:
    show(e)
    traceback.print_exc(file=sys.stdout)


def del_global():
    global gone
    gone = 1
    del gone
    del gone


try:
    del_global()
except NameError as e:
    show(e)
    traceback.print_exc(file=sys.stdout)


def del_fast(flag):
    a = 1
    if flag:
        del a
    del a
    return "deleted"


print(del_fast(False))
try:
    del_fast(True)
except UnboundLocalError as e:
    show(e)


def del_deref():
    c = [1]

    def inner():
        return c

    print(inner())
    del c
    try:
        inner()
    except NameError as e:
        show(e)
    del c


try:
    del_deref()
except UnboundLocalError as e:
    show(e)
    traceback.print_exc(file=sys.stdout)


# --- class bodies whose namespace is a mapping of its own
class LoggingMapping:
    def __init__(self):
        self.d = {}
        self.log = []

    def __getitem__(self, key):
        self.log.append("get " + key)
        return self.d[key]

    def __setitem__(self, key, value):
        self.log.append("set " + key)
        self.d[key] = value

    def __delitem__(self, key):
        self.log.append("del " + key)
        del self.d[key]


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return LoggingMapping()

    def __new__(mcls, name, bases, ns):
        print(name, ns.log)
        return super().__new__(mcls, name, bases, dict(ns.d))


def outer():
    free = "free value"

    class K(metaclass=Meta):
        a = 1
        b = a + 1
        c = len("abc")
        d = free
        e: int = 5
        del a
        try:
            a
        except NameError as exc:
            show(exc)
        try:
            del zz
        except NameError as exc:
            show(exc)

    return K


K = outer()
print(K.b, K.c, K.d, K.e, K.__annotations__)


def outer_unbound(custom):
    if custom:
        class L(metaclass=Meta):
            try:
                late
            except NameError as exc:
                show(exc)
    else:
        class L:
            try:
                late
            except NameError as exc:
                show(exc)
            late2 = 3
    late = 1
    return L, late


outer_unbound(True)
outer_unbound(False)


class Preset(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        return dict(kwargs)

    def __new__(mcls, name, bases, ns, **kwargs):
        return super().__new__(mcls, name, bases, ns)


def classderef_from_dict(n, preset):
    value = n * 2

    class M(metaclass=Preset, **preset):
        value_copy = value
        total = 0
        for i in range(n):
            total += value

    return M.value_copy, M.total


print([classderef_from_dict(n, {} if n % 2 else {"value": -n}) for n in range(4)])


# --- exec with a dict subclass that has __missing__ as locals: the lookup runs __missing__ once
class Defaulting(dict):
    def __missing__(self, key):
        print("missing", key)
        if key.startswith("auto_"):
            return key.upper()
        raise KeyError(key)


src = """
v = auto_value
w = len
try:
    nothere
except NameError as e:
    err = (type(e).__name__, str(e), e.name)
del v
try:
    del v
except NameError as e:
    err2 = str(e)
"""
ns = Defaulting()
exec(src, {}, ns)
print(sorted(ns.items(), key=lambda kv: kv[0]))


# --- builtins that are not a dict
class Builtins:
    def __getitem__(self, key):
        print("builtins get", key)
        if key in ("len", "Exception"):
            return getattr(__builtins__, key)
        raise KeyError(key)


g = {"__builtins__": Builtins()}
exec("r1 = len('ab')\ntry:\n    r2 = nope\nexcept Exception as e:\n    r2 = e\n", g)
print(g["r1"], type(g["r2"]).__name__, g["r2"])

# --- the last one is uncaught: CPython's traceback with its suggestion
prnt("done")
