# exec/eval with custom globals and locals mappings: LOAD_NAME/STORE_NAME/DELETE_NAME through a
# non-dict locals mapping, builtins injected via __builtins__, eval of expressions in loops.
import collections

class LoggingNS(dict):
    def __init__(self):
        super().__init__()
        self.log = []
    def __getitem__(self, k):
        self.log.append("get " + k)
        return super().__getitem__(k)
    def __setitem__(self, k, v):
        self.log.append("set " + k)
        super().__setitem__(k, v)
    def __delitem__(self, k):
        self.log.append("del " + k)
        super().__delitem__(k)

class Mapping(collections.abc.MutableMapping):
    def __init__(self):
        self.d = {}
        self.log = []
    def __getitem__(self, k):
        self.log.append("get " + k)
        if k == "magic":
            return 42
        return self.d[k]
    def __setitem__(self, k, v):
        self.log.append("set " + k)
        self.d[k] = v
    def __delitem__(self, k):
        self.log.append("del " + k)
        del self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)

src = """
a = 1
b = a + magic
for i in range(3):
    a += i
del b
c = [a, i]
"""
loc = Mapping()
g = {"magic": -1}
exec(src, g, loc)
print(loc.d, loc.log)
loc2 = LoggingNS()
loc2["magic"] = 100
exec(src, {}, loc2)
print(dict(loc2), loc2.log)
g2 = {"__builtins__": {"len": lambda x: "fake len", "range": range}}
exec("r = len('abc')\nq = [x for x in range(2)]", g2)
print(g2["r"], g2["q"])
try:
    exec("print('no print builtin')", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
env = {"x": 0}
vals = []
for k in range(5):
    env["x"] = k
    vals.append(eval("x * x + 1", env))
print(vals, eval("y", {}, {"y": "from locals"}))
code = compile("z = w * 2", "<string>", "exec")
for w in range(3):
    ns = {"w": w}
    exec(code, ns)
    print(ns["z"], end=" ")
print()
class Defaulting(dict):
    def __missing__(self, k):
        return "missing:" + k
print(eval("unknown_name", {}, Defaulting()))
try:
    print("non-exact dict as globals+locals:", eval("unknown_name", Defaulting()))
except NameError as e:
    print("NameError:", e)
try:
    print("LOAD_GLOBAL with dict-subclass globals:", eval("(lambda: unknown_global)()", Defaulting()))
except NameError as e:
    print("NameError:", e)
def f():
    exec("inner_var = 5")
    return "inner_var" in locals()
print(f())
