# Private name mangling (__x -> _Class__x) in attributes, methods, class bodies, nested classes,
# functions inside methods and comprehension scopes; __qualname__ of nested definitions.

class Outer:
    __secret = "outer secret"
    def __init__(self):
        self.__value = 1
        self._Outer__other = 2
    def reveal(self):
        return self.__secret, self.__value, self.__other
    def __private_method(self):
        return "private method"
    def call_private(self):
        return self.__private_method()
    def nested_func(self):
        def helper():
            return self.__value * 10
        return helper()
    def in_comprehension(self):
        return [self.__value + i for i in range(3)]
    class Inner:
        __inner_secret = "inner"
        def get(self):
            return self.__inner_secret
        def qual(self):
            return type(self).__qualname__
    def lam(self):
        return (lambda: self.__secret.upper())()

o = Outer()
print(o.reveal(), o.call_private(), o.nested_func(), o.in_comprehension(), o.lam())
print(sorted(k for k in vars(o)), sorted(k for k in vars(Outer) if "secret" in k or "private" in k))
print(Outer.Inner().get(), Outer.Inner().qual(), Outer.Inner.get.__qualname__, Outer.nested_func.__qualname__)
try:
    o.__value
except AttributeError as e:
    print("AttributeError:", e)
print(o._Outer__value, getattr(o, "_Outer__secret"))
class Sub(Outer):
    def try_parent_private(self):
        try:
            return self.__value
        except AttributeError as e:
            return "AttributeError: %s" % e
print(Sub().try_parent_private(), Sub().reveal())
class _Underscore:
    def __m(self):
        return "mangled with stripped leading underscore"
    def call(self):
        return self.__m()
print(_Underscore().call(), [k for k in vars(_Underscore) if k.startswith("_Underscore")])
class Dunder:
    __dunder__ = "not mangled"
    def get(self):
        return self.__dunder__
print(Dunder().get())
def f():
    class Local:
        def method(self):
            def deeper():
                return "x"
            return deeper.__qualname__
    return Local().method(), Local.__qualname__
print(f())
class WithGlobalName:
    __mangled_global = 5
    def read(self):
        return globals().get("__mangled_global", "absent from globals"), self.__mangled_global
print(WithGlobalName().read())
