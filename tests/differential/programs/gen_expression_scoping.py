# Generator expressions: first iterable evaluated eagerly, the rest lazily; closures over loop
# variables; generator expressions in class bodies; nested genexps; send into genexp.

def source(tag, n):
    print("  source", tag, "created")
    for i in range(n):
        yield i

g = (x * y for x in source("outer", 2) for y in source("inner", 2))
print("genexp created")
print(list(g))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
lazy = (1 / x for x in [1, 0])
print("lazy created", next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("ZeroDivisionError when consumed:", e)
n = 3
ge = (i * n for i in range(3))
n = 10
print(list(ge))
class C:
    data = [1, 2, 3]
    doubled = list(d * 2 for d in data)
    factor = 5
    try:
        scaled = list(d * factor for d in data)
    except NameError as e:
        scaled = "NameError: %s" % e
print(C.doubled, C.scaled)
nested = ((i, (j for j in range(i))) for i in range(3))
print([(i, list(js)) for i, js in nested])
ge = (x for x in range(3))
print(next(ge), ge.send(None), list(ge))
ge = (x for x in range(3))
print(ge.gi_running, ge.gi_frame is not None, ge.gi_code.co_name)
ge.close()
print(ge.gi_frame)
def make_gens():
    return [(lambda k=k: (k * j for j in range(2)))() for k in range(3)]
print([list(g) for g in make_gens()])
total = sum(x * x for x in range(100) if x % 3 == 0)
mx = max((len(s), s) for s in ["a", "bbb", "cc"])
print(total, mx, "".join(c.upper() for c in "gen"), tuple(x for x in "ab"), set(x % 3 for x in range(10)) == {0, 1, 2})
