# Method calls on instances whose attributes live in inline values (LOAD_METHOD_WITH_VALUES): the cached
# method must give way as soon as an instance attribute of the same name appears (in the shared keys or
# in a real __dict__), the instance's __dict__ is materialized, or the class's method is replaced.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def scale(self, k):
        return Point(self.x * k, self.y * k)


def total(points, rounds):
    s = 0
    for _ in range(rounds):
        for p in points:
            s += p.norm1() + p.scale(2).norm1()
    return s


points = [Point(i, -i) for i in range(20)]
print(total(points, 30))

points[3].norm1 = lambda: 1000  # an instance attribute shadows the method (shared keys grow)
print(total(points, 30))

vars(points[5])  # a real __dict__ for one instance
points[5].__dict__["scale"] = lambda k: Point(0, 0)
print(total(points, 30))

Point.norm1 = lambda self: self.x * 2  # the class's method replaced
print(total(points, 30))

del points[3].norm1
print(total(points, 30))


class Slotted:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


many = [Slotted(i) for i in range(50)]
print(sum(o.get() for o in many for _ in range(20)))
Slotted.get = lambda self: -self.v
print(sum(o.get() for o in many for _ in range(20)))
print(Point(1, 2).missing())
