# nonlocal state shared between closures, generators and coroutines; cells captured by
# generators that outlive their defining function; cells modified while a generator is suspended.

class _Yield:
    """A minimal awaitable with one suspension point (an event loop's sleep(0))."""
    def __await__(self):
        yield "tick"


def sleep0():
    return _Yield()


def run(coro):
    """Drive a coroutine to completion by hand (a one-task event loop)."""
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

def make_stream():
    state = {"n": 0}
    count = 0
    def gen():
        nonlocal count
        while count < 5:
            count += 1
            yield count
    def bump(k):
        nonlocal count
        count += k
    def peek():
        return count
    return gen, bump, peek

gen, bump, peek = make_stream()
g = gen()
print(next(g), next(g), peek())
bump(1)
print(next(g), peek())
print(list(g), peek())

def outlives():
    items = []
    def producer():
        for i in range(3):
            items.append(i)
            yield len(items)
    return producer(), items
p, items = outlives()
print(list(p), items)

async def coro_counter():
    total = 0
    async def add(v):
        nonlocal total
        await sleep0()
        total += v
    pending = [add(i) for i in range(10)]
    while pending:
        for c in list(pending):
            try:
                c.send(None)
            except StopIteration:
                pending.remove(c)
    return total
print(run(coro_counter()))

def cell_in_genexpr():
    k = 2
    ge = (x * k for x in range(4))
    first = next(ge)
    k = 10
    return first, list(ge)
print(cell_in_genexpr())
def counter_factory():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc
incs = [counter_factory() for _ in range(3)]
print([f() for f in incs for _ in range(2)])
def recursive_closure(n):
    memo = {}
    def f(k):
        if k in memo:
            return memo[k]
        r = k if k < 2 else f(k - 1) + f(k - 2)
        memo[k] = r
        return r
    return f(n), len(memo)
print(recursive_closure(60))
