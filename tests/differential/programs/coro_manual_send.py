# Coroutines driven by hand with .send()/.throw(): custom awaitables with __await__,
# types.coroutine generator-based awaitables.
import types

class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        print("  suspend", self.tag)
        got = yield self.tag
        print("  resumed", self.tag, "with", got)
        return got * 2

@types.coroutine
def raw_yield(v):
    x = yield ("raw", v)
    return x

async def worker(k):
    total = 0
    for i in range(k):
        total += await Suspend("w%d" % i)
    r = await raw_yield(total)
    print("  raw returned", r)
    try:
        await Suspend("will-throw")
    except KeyError as e:
        print("  worker caught", repr(e))
    return total + r

c = worker(3)
print("first:", c.send(None))
val = 1
try:
    while True:
        out = c.send(val)
        print("yielded:", out)
        val += 1
        if out == "will-throw":
            out = c.throw(KeyError("injected"))
            print("after throw:", out)
except StopIteration as e:
    print("finished with", e.value)

async def never_finishes():
    await Suspend("forever")
    print("never printed")
c = never_finishes()
c.send(None)
c.close()
print("closed")

async def closer():
    try:
        await Suspend("x")
    finally:
        print("  closer finally runs on close")
c = closer()
c.send(None)
c.close()
async def ret():
    return "r"
try:
    ret().send(1)
except TypeError as e:
    print("TypeError", e)
co = ret()
try:
    co.send(None)
except StopIteration as e:
    print("value", e.value)
try:
    co.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
