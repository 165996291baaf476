# match statements inside hot loops with guards and captures, matching objects whose class
# changes between iterations, and __match_args__ modified at runtime.
from dataclasses import dataclass

@dataclass
class Add:
    a: object
    b: object
@dataclass
class Mul:
    a: object
    b: object
@dataclass
class Neg:
    a: object

def ev(node, env):
    match node:
        case int() | float():
            return node
        case str(name):
            return env[name]
        case Add(x, Mul(y, z)) if y == 0 or z == 0:
            return ev(x, env)
        case Add(x, y):
            return ev(x, env) + ev(y, env)
        case Mul(x, y):
            return ev(x, env) * ev(y, env)
        case Neg(Neg(x)):
            return ev(x, env)
        case Neg(x):
            return -ev(x, env)
        case [op, *args] if op in ("sum", "max"):
            vals = [ev(a, env) for a in args]
            return sum(vals) if op == "sum" else max(vals)
        case {"let": name, "in": body, **rest}:
            return ev(body, {**env, name: rest.get("value", 0)})
        case _:
            raise ValueError("bad node %r" % (node,))

expr = Add(Mul("x", 3), Neg(Neg(Add("y", 0.5))))
results = []
for x in range(20):
    results.append(ev(expr, {"x": x, "y": x * 2}))
print(results)
print(ev(["sum", 1, 2, Add(3, Mul(0, "zz"))], {}), ev(["max", 5, Neg(-9)], {}), ev({"let": "q", "in": Mul("q", "q"), "value": 7}, {}))
try:
    ev(["min", 1], {})
except ValueError as e:
    print("ValueError:", e)
class P:
    __match_args__ = ("a",)
    def __init__(self):
        self.a, self.b = "A", "B"
def first_positional(o):
    match o:
        case P(v):
            return v
seen = []
for i in range(4):
    seen.append(first_positional(P()))
    P.__match_args__ = ("b",) if i % 2 == 0 else ("a",)
print(seen)
counts = {"tuple2": 0, "list3+": 0, "dict": 0, "other": 0}
for item in [(1, 2), [1, 2, 3], {"a": 1}, (1, 2, 3, 4), "str", [9], {}, (0, 0)] * 25:
    match item:
        case (_, _):
            counts["tuple2"] += 1
        case [_, _, _, *_]:
            counts["list3+"] += 1
        case {}:
            counts["dict"] += 1
        case _:
            counts["other"] += 1
print(counts)
