# Deep yield-from delegation chains (150 levels): values, send() and throw() pass through every
# level; return values bubble up; close() finalizes every level in order.
import sys

log = []
def level(n):
    if n == 0:
        total = 0
        while True:
            try:
                v = yield total
            except KeyError as e:
                log.append("bottom caught %s" % e)
                v = 1000
            if v is None:
                return total
            total += v
    try:
        r = yield from level(n - 1)
        return r + 1
    finally:
        if n % 50 == 0:
            log.append("level %d finalized" % n)

g = level(150)
print(next(g))
for v in [1, 2, 3]:
    print(g.send(v))
print(g.throw(KeyError("k")))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
print(log)
log.clear()
g = level(150)
next(g)
g.send(5)
g.close()
print(log)
def count_frames():
    f = sys._getframe()
    n = 0
    while f:
        n += 1
        f = f.f_back
    return n
def chain(n):
    if n == 0:
        yield count_frames()
    else:
        yield from chain(n - 1)
base = count_frames()
print(next(chain(100)) - base)
def yield_from_iterables():
    yield from [1, 2]
    yield from (3, 4)
    yield from "ab"
    yield from range(2)
    yield from {"k": 1}
    yield from iter([None])
print(list(yield_from_iterables()))
