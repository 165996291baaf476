# Bridging generator-based coroutines (types.coroutine, yield from), native coroutines and a
# tiny hand-written event loop scheduling tasks round-robin with deterministic order.
import types
from collections import deque

@types.coroutine
def switch():
    yield "switch"

@types.coroutine
def legacy_worker(name, n):
    total = 0
    for i in range(n):
        yield "switch"
        total += i
        print("  legacy", name, i)
    return total

async def native(name, n):
    acc = []
    for i in range(n):
        await switch()
        acc.append("%s%d" % (name, i))
        print("  native", name, i)
    r = await legacy_worker(name + "-sub", 2)
    acc.append(r)
    return acc

def run(coros):
    ready = deque((i, c) for i, c in enumerate(coros))
    results = {}
    steps = 0
    while ready:
        i, c = ready.popleft()
        try:
            signal = c.send(None)
            assert signal == "switch"
            ready.append((i, c))
        except StopIteration as e:
            results[i] = e.value
        steps += 1
    return [results[i] for i in range(len(coros))], steps

print(run([native("a", 2), native("b", 3), legacy_worker("c", 2)]))

def gen_delegating_to_coroutine():
    r = yield from legacy_worker("from-gen", 2)
    return r * 100
g = gen_delegating_to_coroutine()
try:
    while True:
        print("gen yielded", g.send(None))
except StopIteration as e:
    print("gen result", e.value)
c = native("x", 1)
print(c.send(None))
try:
    c.throw(ValueError("into native"))
except ValueError as e:
    print("ValueError propagated:", e)
print(c.cr_frame, c.cr_running, c.cr_await)
c2 = native("y", 1)
c2.send(None)
print(c2.cr_await is not None, type(c2.cr_await).__name__, c2.cr_frame.f_code.co_name)
c2.close()
