"""nbody: float-heavy loops.

Exercises: float arithmetic (BINARY_OP on floats), attribute-free tuple/list
indexing, nested for-loops over small lists, local-variable traffic.
A small gravitational N-body system (a sun and four planets with made-up
orbits) is advanced with a simple symplectic Euler integrator; the total
energy before and after is the checksum.
"""
import sys


def make_system():
    # (x, y, z, vx, vy, vz, mass) -- invented bodies, not real ephemerides.
    pi = 3.141592653589793
    solar_mass = 4.0 * pi * pi
    bodies = [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, solar_mass]]
    specs = [
        (1.0, 0.0, 0.1, 0.003),
        (0.0, 2.5, -0.2, 0.0009),
        (-4.1, 0.7, 0.05, 0.00031),
        (3.3, -3.9, 0.3, 0.00012),
    ]
    for (x, y, z, m) in specs:
        r = (x * x + y * y + z * z) ** 0.5
        v = (solar_mass / r) ** 0.5
        # velocity perpendicular to radius in the xy plane
        vx = -y / r * v
        vy = x / r * v
        bodies.append([x, y, z, vx, vy, 0.01 * v, m * solar_mass])
    # zero the total momentum by adjusting the sun
    px = py = pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    sun = bodies[0]
    sun[3] = -px / solar_mass
    sun[4] = -py / solar_mass
    sun[5] = -pz / solar_mass
    return bodies


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        bi = bodies[i]
        e += 0.5 * bi[6] * (bi[3] * bi[3] + bi[4] * bi[4] + bi[5] * bi[5])
        for j in range(i + 1, n):
            bj = bodies[j]
            dx = bi[0] - bj[0]
            dy = bi[1] - bj[1]
            dz = bi[2] - bj[2]
            e -= bi[6] * bj[6] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, steps, dt):
    n = len(bodies)
    pairs = [(bodies[i], bodies[j]) for i in range(n) for j in range(i + 1, n)]
    for _ in range(steps):
        for (b1, b2) in pairs:
            dx = b1[0] - b2[0]
            dy = b1[1] - b2[1]
            dz = b1[2] - b2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            m1 = b1[6] * mag
            m2 = b2[6] * mag
            b1[3] -= dx * m2
            b1[4] -= dy * m2
            b1[5] -= dz * m2
            b2[3] += dx * m1
            b2[4] += dy * m1
            b2[5] += dz * m1
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 500000
    bodies = make_system()
    e0 = energy(bodies)
    advance(bodies, steps, 0.001)
    e1 = energy(bodies)
    print("nbody steps=%d e0=%.9f e1=%.9f" % (steps, e0, e1))


main()
