# Generator pipelines with side effects showing lazy evaluation order.

def source(n):
    for i in range(n):
        print("source", i)
        yield i

def square(it):
    for v in it:
        print("  square", v)
        yield v * v

def only_odd(it):
    for v in it:
        if v % 2:
            print("    pass", v)
            yield v

pipe = only_odd(square(source(6)))
print("pipeline built")
for out in pipe:
    print("got", out)

def chunked(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) == size:
            yield tuple(buf)
            buf = []
    if buf:
        yield tuple(buf)
print(list(chunked(range(11), 3)))

def flatten(x):
    if isinstance(x, (list, tuple)):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, (5, 6)]], 7], [[[[8]]]]])))

def tree_walk(depth):
    if depth == 0:
        yield "leaf"
        return
    yield "node%d" % depth
    yield from tree_walk(depth - 1)
    yield from tree_walk(depth - 2) if depth > 1 else iter(())
print(list(tree_walk(5)))

def accumulate():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    yield "final %d" % total
acc = accumulate()
next(acc)
for v in [3, 4, 5]:
    print(acc.send(v))
print(acc.send(None))

import itertools
print(list(itertools.chain(source(2), "ab")))
print(list(itertools.accumulate(range(1, 8), lambda a, b: a * b)))
print([list(g) for k, g in itertools.groupby("aaabbcaa")])
print(list(itertools.product("ab", range(2))), list(itertools.permutations(range(3), 2)))
print(list(itertools.combinations("abcd", 2)), list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
