# sys._getframe(), f_back chains, f_code names, f_lineno, f_globals identity, frames of
# generators and coroutines, frames inspected by callees.
import sys

def chain_names(limit=10):
    f = sys._getframe(1)
    names = []
    while f is not None and len(names) < limit:
        names.append("%s:%d" % (f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return names

def a():
    return b()
def b():
    x = [chain_names()]
    x.append(c())
    return x
def c():
    return chain_names()
for line in a():
    print(line)

def whoami():
    return sys._getframe(1).f_code.co_name
def caller_one():
    return whoami()
class K:
    def method(self):
        return whoami()
    @property
    def prop(self):
        return whoami()
print(caller_one(), K().method(), K().prop, (lambda: whoami())(), [whoami() for _ in "x"])

def depth():
    n = 0
    f = sys._getframe()
    while f.f_back:
        n += 1
        f = f.f_back
    return n
def recurse(k):
    if k == 0:
        return depth()
    return recurse(k - 1)
print([recurse(k) for k in range(5)])

def gen():
    f = sys._getframe()
    yield f.f_code.co_name, f.f_back.f_code.co_name
    yield f.f_lineno
g = gen()
print(next(g), next(g), g.gi_frame.f_code.co_name, g.gi_frame.f_lineno)

def caller_locals_peek():
    secret = 42
    other = "peek me"
    return peek()
def peek():
    fl = sys._getframe(1).f_locals
    return sorted((k, v) for k, v in fl.items())
print(caller_locals_peek())
print(sys._getframe().f_code.co_name, sys._getframe().f_globals is globals(), sys._getframe(0).f_back)
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)

def loop_lines():
    lines = []
    for i in range(3):
        lines.append(sys._getframe().f_lineno)
        lines.append(sys._getframe().f_lineno)
    return lines
print(loop_lines())
def builtin_frames():
    return list(map(lambda _: sys._getframe(1).f_code.co_name, range(2)))
print(builtin_frames())
def insp():
    out = []
    f = sys._getframe()
    while f is not None and len(out) < 3:
        out.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return out
def insp_caller():
    return insp()
print(insp_caller())
print(sys._getframe().f_code.co_filename == __file__)
