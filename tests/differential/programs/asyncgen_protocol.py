# Async generators: ASYNC_GEN_WRAP, GET_AITER, GET_ANEXT, END_ASYNC_FOR, async comprehensions,
# asend/athrow/aclose, driven by a one-task driver and by hand.

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

async def agen(n):
    try:
        for i in range(n):
            await sleep0()
            print("  agen yields", i)
            received = yield i
            if received is not None:
                print("  agen received", received)
    finally:
        print("  agen finally")

async def main():
    async for v in agen(3):
        print("async for got", v)
    print([v async for v in agen(4) if v % 2 == 0])
    print({v: v * v async for v in agen(2)})
    print({v async for v in agen(2)})
    g = agen(5)
    print("anext", await g.__anext__(), await anext(g))
    print("asend", await g.asend("hello"))
    try:
        await g.athrow(ValueError("thrown in"))
    except ValueError as e:
        print("athrow propagated", e)
    g2 = agen(5)
    await anext(g2)
    await g2.aclose()
    print("aclosed")
    try:
        await anext(g2)
    except StopAsyncIteration:
        print("StopAsyncIteration after aclose")
    async def nested():
        async for v in agen(2):
            for w in range(v + 1):
                yield (v, w)
    print([x async for x in nested()])
    total = 0
    async for v in agen(3):
        if v == 1:
            continue
        total += v
    print("total", total)
    async for v in agen(10):
        if v == 2:
            break
    print("broke out")
    print(await anext(agen(0), "default"))

run(main())

async def plain_agen():
    yield 1
    yield 2
g = plain_agen()
aw = g.__anext__()
try:
    aw.send(None)
except StopIteration as e:
    print("manual anext value", e.value)
aw = g.asend(None)
try:
    aw.send(None)
except StopIteration as e:
    print("manual asend value", e.value)
try:
    g.__anext__().send(None)
except StopAsyncIteration:
    print("manual exhausted")
