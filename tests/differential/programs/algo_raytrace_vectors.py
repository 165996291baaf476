# A tiny ray tracer with a Vec class using operator overloading (float-heavy, allocation-heavy),
# rendering a 40x20 ASCII image of two spheres.
import math

class Vec:
    __slots__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y, self.z + o.z)
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y, self.z - o.z)
    def __mul__(self, k): return Vec(self.x * k, self.y * k, self.z * k)
    __rmul__ = __mul__
    def dot(self, o): return self.x * o.x + self.y * o.y + self.z * o.z
    def norm(self):
        l = math.sqrt(self.dot(self))
        return Vec(self.x / l, self.y / l, self.z / l)
    def __repr__(self):
        return "Vec(%.3f, %.3f, %.3f)" % (self.x, self.y, self.z)

class Sphere:
    def __init__(self, c, r):
        self.c, self.r = c, r
    def hit(self, origin, d):
        oc = origin - self.c
        b = oc.dot(d)
        cc = oc.dot(oc) - self.r * self.r
        disc = b * b - cc
        if disc < 0:
            return None
        t = -b - math.sqrt(disc)
        return t if t > 1e-6 else None

scene = [Sphere(Vec(0, 0, -3), 1.0), Sphere(Vec(1.5, 0.5, -4), 0.8), Sphere(Vec(0, -101, -3), 100)]
light = Vec(-1, 1, 1).norm()
shades = " .:-=+*#%@"
rows = []
hits = 0
for j in range(20):
    line = []
    for i in range(40):
        d = Vec((i - 20) / 20, (10 - j) / 10, -1).norm()
        origin = Vec(0, 0, 0)
        best = None
        for s in scene:
            t = s.hit(origin, d)
            if t is not None and (best is None or t < best[0]):
                best = (t, s)
        if best is None:
            line.append(" ")
            continue
        hits += 1
        p = origin + d * best[0]
        n = (p - best[1].c).norm()
        lam = max(0.0, n.dot(light))
        line.append(shades[min(9, int(lam * 9.99))])
    rows.append("".join(line).rstrip())
print("\n".join(rows))
print(hits, Vec(1, 2, 3) + Vec(1, 1, 1) * 2, 2 * Vec(1, 0, 0), Vec(3, 4, 0).norm())
