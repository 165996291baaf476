# Async generators left unfinished: asyncio.run() finalizes them (aclose) at shutdown; explicit
# aclose with await in finally; async generator raising; async for over a custom __aiter__.
import asyncio

async def ticker(name, log):
    try:
        i = 0
        while True:
            await asyncio.sleep(0)
            yield "%s-%d" % (name, i)
            i += 1
    finally:
        await asyncio.sleep(0)
        log.append(name + " finalized")

class AsyncRange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        await asyncio.sleep(0)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10

async def exploding():
    yield 1
    raise ValueError("async generator exploded")

log = []
async def main():
    t = ticker("explicit", log)
    print(await anext(t), await anext(t))
    await t.aclose()
    print("after explicit aclose:", log)
    t2 = ticker("abandoned", log)
    print(await anext(t2))
    globals()["keep"] = t2
    async for v in AsyncRange(3):
        print("AsyncRange", v)
    try:
        async for v in exploding():
            print("exploding yielded", v)
    except ValueError as e:
        print("caught", e)
    out = [v async for v in AsyncRange(4) if v > 10]
    print(out)
    t3 = ticker("broken-out", log)
    async for v in t3:
        if v.endswith("2"):
            break
    await t3.aclose()
    print("log before shutdown:", log)
    return "main finished"

print(asyncio.run(main()))
print("log after asyncio.run:", log)
