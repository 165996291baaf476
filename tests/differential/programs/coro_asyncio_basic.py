# async def coroutines driven by asyncio.run: GET_AWAITABLE, SEND, RETURN_GENERATOR, gather order.
import asyncio

async def leaf(name, n):
    total = 0
    for i in range(n):
        total += i
        await asyncio.sleep(0)
        print("  leaf", name, "step", i)
    return name, total

async def middle(name):
    r1 = await leaf(name + ".a", 2)
    r2 = await leaf(name + ".b", 3)
    return [r1, r2]

async def failing():
    await asyncio.sleep(0)
    raise ValueError("failing coroutine")

async def main():
    print("main start")
    r = await middle("m")
    print("middle ->", r)
    results = await asyncio.gather(leaf("g1", 2), leaf("g2", 3), middle("g3"))
    print("gather ->", results)
    try:
        await failing()
    except ValueError as e:
        print("caught", e)
    res = await asyncio.gather(failing(), leaf("ok", 1), return_exceptions=True)
    print("return_exceptions ->", [repr(x) for x in res])
    t = asyncio.ensure_future(leaf("task", 2))
    await asyncio.sleep(0)
    print("task done?", t.done())
    print("task result", await t)
    q = asyncio.Queue()
    async def producer():
        for i in range(4):
            await q.put(i)
            print("  put", i)
        await q.put(None)
    async def consumer():
        got = []
        while True:
            v = await q.get()
            if v is None:
                return got
            got.append(v * 10)
            print("  got", v)
    _, got = await asyncio.gather(producer(), consumer())
    print("consumer ->", got)
    return "main done"

print(asyncio.run(main()))

async def simple():
    return 42
c = simple()
try:
    c.send(None)
except StopIteration as e:
    print("manual drive value", e.value)
c2 = simple()
c2.close()
print(type(c2).__name__)
async def awaits_non_awaitable():
    await 5
try:
    awaits_non_awaitable().send(None)
except TypeError as e:
    print("TypeError", e)
