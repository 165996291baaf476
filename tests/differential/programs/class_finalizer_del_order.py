# __del__ timing under reference counting: objects die exactly when their last reference goes,
# at `del`, at rebinding, at function return, when containers are cleared, and weakref callbacks.
import weakref

class Res:
    def __init__(self, name):
        self.name = name
        print("  create", name)
    def __del__(self):
        print("  destroy", self.name)

print("step 1")
a = Res("a")
del a
print("step 2")
b = Res("b1")
b = Res("b2")
print("step 3")
def scoped():
    local = Res("local")
    print("  in function")
scoped()
print("step 4")
lst = [Res("l%d" % i) for i in range(3)]
lst.pop(1)
print("  popped")
lst.clear()
print("step 5")
d = {"k": Res("dict-value")}
d["k"] = None
print("step 6")
def gen():
    r = Res("in-generator")
    yield 1
    yield 2
g = gen()
next(g)
del g
print("step 7")
class Node:
    pass
n = Node()
wr = weakref.ref(n, lambda ref: print("  weakref callback, alive:", ref() is not None))
print("  weakref alive:", wr() is n)
del n
print("  after del, weakref:", wr())
print("step 8")
def make_and_return():
    return Res("returned")
x = make_and_return()
print("  got", x.name)
x = None
print("step 9")
try:
    r = Res("exc-holder")
    raise ValueError(r)
except ValueError as e:
    print("  handling", e.args[0].name)
del r
print("  handler done")
print("step 10")
wd = weakref.WeakValueDictionary()
objs = [Res("w%d" % i) for i in range(3)]
for o in objs:
    wd[o.name] = o
del o
objs.pop()
print("  remaining keys", sorted(wd.keys()))
objs = None
print("  after clear", sorted(wd.keys()))
del b
print("end of program")
