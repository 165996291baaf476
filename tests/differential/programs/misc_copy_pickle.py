# copy.copy / copy.deepcopy (memo, cycles, __copy__/__deepcopy__, __reduce__) and pickle round
# trips of builtins, nested structures, recursive lists and user classes (all protocols).
import copy
import pickle

class Node:
    def __init__(self, v, children=()):
        self.v = v
        self.children = list(children)
    def __eq__(self, o):
        return isinstance(o, Node) and (self.v, self.children) == (o.v, o.children)
    def __repr__(self):
        return "Node(%r, %r)" % (self.v, self.children)
class Custom:
    def __init__(self):
        self.log = []
    def __copy__(self):
        c = Custom()
        c.log = self.log + ["copied"]
        return c
    def __deepcopy__(self, memo):
        c = Custom()
        c.log = self.log + ["deep-copied"]
        return c
class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __reduce__(self):
        return (Reduced, (self.a * 2, self.b))
    def __repr__(self):
        return "Reduced(%r, %r)" % (self.a, self.b)

orig = {"list": [1, [2, 3]], "tuple": (4, [5]), "node": Node(1, [Node(2)])}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["list"][1].append("x")
orig["node"].children.append(Node(3))
print(shallow["list"], deep["list"], shallow["node"] is orig["node"], deep["node"])
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc[0])
c = Custom()
print(copy.copy(c).log, copy.deepcopy(c).log, copy.deepcopy(Reduced(1, "b")))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    data = [1, 2.5, "s", b"b", None, True, (1, 2), {"k": {1, 2}}, 2 ** 100, Node(5, [Node(6)]), Reduced(3, "r")]
    back = pickle.loads(pickle.dumps(data, protocol=proto))
    print(proto, back == data[:9] + back[9:], back[9] == data[9], back[10])
rec = []
rec.append(rec)
r2 = pickle.loads(pickle.dumps(rec))
print(r2[0] is r2)
try:
    pickle.dumps(lambda: 1)
except (pickle.PicklingError, AttributeError) as e:
    print(type(e).__name__)
print(pickle.loads(pickle.dumps(frozenset({3, 1}))) == frozenset({1, 3}), pickle.loads(pickle.dumps(range(1, 9, 2))))
