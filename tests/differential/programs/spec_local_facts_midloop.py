"""Specialized tier: what compiled code remembers about locals within a block, and everything that ends it.

A subscript's container that a guard of the block already tested is not tested again while the local is not
stored; an unboxed local stored in the block is read back from its shadow without a test. Cases: the same
local subscripted many times (lists, tuples, through COPY/SWAP of augmented assignments), the local rebound
mid-block to another container type (a walrus inside the subscript, with the old object still on the
stack), a container type changing between iterations, an unboxed float stored over a non-numeric old value
(the boxed path) and read back, a local deleted and rebound, guards failing mid-block under deopt stress.
"""


def rows(n):
    grid = [[float(i + j) for j in range(4)] for i in range(3)]
    total = 0.0
    for k in range(n):
        r = grid[k % 3]
        r[0] += r[1] * 0.5
        r[1] -= r[2] * 0.25
        r[2] = r[0] - r[1] + r[3]
        total += r[0] + r[1] + r[2]
        if total > 1e9:
            total = 0.0
    return round(total, 6), [round(v, 6) for v in grid[0]]


def rebound_in_subscript(n):
    out = 0
    for k in range(n):
        a = [k, k + 1, k + 2]
        t = (0, 7, 9)
        first = a[0]
        # The old `a` (a list) is still on the stack when `a` becomes the tuple, which a guard then tests.
        second = a[(a := t)[0] * 0 + a[1] * 0]
        out += first + second + a[2]
    return out


def container_changes(n):
    out = []
    for k in range(n):
        c = [k, -k, 2 * k] if k % 3 else (k, k, k)
        if k % 50 == 49:
            c = "xyz"
        out.append(c[0] + c[2] if not isinstance(c, str) else c[0] + c[2])
    return len(out), out[-4:]


def shadow_over_object(n):
    x = "start"
    acc = 0.0
    for k in range(n):
        f = k * 0.5
        x = f * 2.0
        y = x + 1.0
        acc += y - x
        if k % 100 == 99:
            x = "reset"  # an object again: the next store boxes over a non-numeric old value
    return acc, x


def deleted_and_rebound(n):
    acc = 0.0
    for k in range(n):
        v = k * 1.5
        w = v + 1.0
        del v
        v = w * 2.0
        acc += v - w
    return acc


def main():
    print("rows", rows(5000))
    print("rebound", rebound_in_subscript(3000))
    print("changes", container_changes(3000))
    print("shadow", shadow_over_object(3000))
    print("deleted", deleted_and_rebound(3000))


main()
