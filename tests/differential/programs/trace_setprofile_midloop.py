# sys.setprofile switched on while a loop runs; call/return and c_call/c_return events printed.
import sys

events = []
def profiler(frame, event, arg):
    if event.startswith("c_"):
        events.append("%s %s" % (event, getattr(arg, "__name__", "?")))
    else:
        events.append("%s %s" % (event, frame.f_code.co_name))

def square(x):
    return x * x

def loop(n):
    acc = []
    for i in range(n):
        acc.append(square(i))
        if i == 1:
            sys.setprofile(profiler)
        if i == 3:
            sys.setprofile(None)
    return acc

print(loop(6))
for e in events:
    print(e)
events.clear()

class Obj:
    def __init__(self):
        self.v = len([1, 2])
    def method(self):
        return abs(-self.v)
sys.setprofile(profiler)
o = Obj()
o.method()
sorted([3, 1, 2], key=lambda v: -v)
sys.setprofile(None)
for e in events:
    print(e)
print(sys.getprofile())
events.clear()
def g():
    yield 1
    yield 2
sys.setprofile(profiler)
for _ in g():
    pass
sys.setprofile(None)
for e in events:
    print(e)
