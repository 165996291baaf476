# Stdlib class machinery executed under the JIT: dataclasses (order, frozen, default_factory,
# __post_init__), enum (auto, Flag, IntEnum, members iteration), namedtuple, typing.NamedTuple.
from dataclasses import dataclass, field, asdict, replace, FrozenInstanceError
from enum import Enum, IntEnum, Flag, auto
from collections import namedtuple
from typing import NamedTuple

@dataclass(order=True)
class Item:
    priority: int
    name: str = field(compare=False)
    tags: list = field(default_factory=list, compare=False)
    def __post_init__(self):
        self.name = self.name.strip()

items = [Item(3, " c "), Item(1, "a", ["x"]), Item(2, "b")]
print(sorted(items))
print(items[0] == Item(3, "other"), asdict(items[1]), replace(items[2], priority=9))

@dataclass(frozen=True)
class Pt:
    x: float
    y: float = 0.0
p = Pt(1.5)
try:
    p.x = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(p, hash(p) == hash(Pt(1.5, 0.0)), {p: "hashable"}[Pt(1.5)])

class Color(Enum):
    RED = auto()
    GREEN = auto()
    BLUE = "blue"
print(list(Color), Color.RED.value, Color["GREEN"], Color("blue"), Color.RED is Color(1), Color.BLUE.name)
try:
    Color(99)
except ValueError as e:
    print("ValueError:", e)
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, rw & Perm.W, ~Perm.R, Perm(7))
class Level(IntEnum):
    LOW = 1
    HIGH = 10
print(Level.LOW < Level.HIGH, Level.HIGH + 1, sorted([Level.HIGH, Level.LOW, 5]), int(Level.HIGH))
Point3 = namedtuple("Point3", ["x", "y", "z"], defaults=[0])
q = Point3(1, 2)
print(q, q._asdict(), q._replace(z=9), q.x + q.y, Point3._fields, tuple(q), q[1])
class Emp(NamedTuple):
    name: str
    salary: int = 100
    def raise_(self, pct):
        return self._replace(salary=self.salary * (100 + pct) // 100)
e = Emp("ann")
print(e, e.raise_(10), Emp._field_defaults, isinstance(e, tuple))
x, y = Emp("bob", 5)
print(x, y)
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
    def total(self):
        return self.val + sum(c.total() for c in self.children)
tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(tree.total(), tree)
