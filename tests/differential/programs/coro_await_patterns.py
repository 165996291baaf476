# await in unusual places: inside f-strings, comprehensions (async comprehensions with await),
# conditional expressions, argument lists, subscripts, with/try/finally, chained awaits.

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

async def val(x):
    await sleep0()
    return x

class AsyncObj:
    async def method(self, v):
        return await val(v * 2)
    def __await__(self):
        return val("awaited object").__await__()

async def main():
    print(f"{await val(1)} and {await val('two')!r} and {await val(3.14159):.2f}")
    print([await val(i) for i in range(3)], {await val(k): await val(k * k) for k in range(3)})
    print(await val(1) if await val(True) else await val(2), max(await val(3), await val(9)))
    d = {"k": "value"}
    print(d[await val("k")], (await val([10, 20]))[1], await AsyncObj().method(21), await AsyncObj())
    try:
        await val(1 / await val(0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    finally:
        print("finally sees", await val("await in finally"))
    total = 0
    for i in range(5):
        total += await val(i) * await val(i)
    print("sum of squares", total)
    async def nested(n):
        if n == 0:
            return "bottom"
        return "(" + await nested(n - 1) + ")"
    print(await nested(5))
    x = await val(await val(await val("triple")))
    print(x)
    fns = [val, lambda v: val(v + 1)]
    print([await f(10) for f in fns])
    print(sum([await val(i) async for i in agen(4)]), [i async for i in agen(3) if await val(i % 2)])
async def agen(n):
    for i in range(n):
        yield await val(i)
run(main())
