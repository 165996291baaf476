# Classes: LOAD_BUILD_CLASS, class bodies, inheritance, MRO, class/static methods, isinstance.

class Animal:
    kingdom = "animalia"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return "%s makes a sound" % self.name
    def describe(self):
        return "%s: %s" % (type(self).__name__, self.speak())
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def helper(x):
        return x * 2

class Dog(Animal):
    def speak(self):
        return "%s barks" % self.name

class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + " softly"

class Cat(Animal):
    sound = "meows"
    def speak(self):
        return "%s %s" % (self.name, self.sound)

zoo = [Animal("generic"), Dog("rex"), Puppy("bit"), Cat("tom"), Dog.create("made"), Puppy.create("p2")]
for a in zoo:
    print(a.describe(), isinstance(a, Dog), type(a).__mro__[1].__name__)
print(Animal.count, Animal.helper(21), zoo[1].helper(2), Dog.kingdom)
print([c.__name__ for c in Puppy.__mro__], issubclass(Puppy, Animal), issubclass(Cat, Dog))

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
try:
    class Bad(A, D):
        pass
except TypeError as e:
    print("TypeError:", e)

class Counter:
    instances = []
    def __init__(self):
        self.instances.append(self)
        self.n = len(self.instances)
for _ in range(3):
    Counter()
print([c.n for c in Counter.instances])
class WithDoc:
    """docstring here"""
    x: int = 5
print(WithDoc.__doc__, WithDoc.__qualname__, WithDoc.__module__, WithDoc.__annotations__)
def make_local_class(v):
    class Local:
        value = v
        def get(self):
            return self.value
    return Local
L1, L2 = make_local_class(1), make_local_class(2)
print(L1().get(), L2().get(), L1 is L2, L1.__qualname__)
o = Animal("dyn")
o.extra = 5
print(sorted(vars(o)), hasattr(o, "extra"), getattr(o, "missing", "default"))
setattr(o, "name", "renamed")
delattr(o, "extra")
print(o.speak(), hasattr(o, "extra"))
print(type("Dynamic", (Dog,), {"speak": lambda self: "dynamic!"})("d").describe())
class Empty:
    pass
print(Empty.__bases__, Empty().__class__.__name__, bool(Empty()), Empty.__name__)
