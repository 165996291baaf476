# An exception escaping a coroutine chain driven by hand with .send(): traceback shows the
# await chain (no asyncio frames involved).
import types

@types.coroutine
def pause():
    yield "paused"

async def leaf(values):
    total = 0
    for v in values:
        await pause()
        total += 100 // v
        print("leaf total", total)
    return total

async def middle():
    r = await leaf([5, 4, 0, 2])
    return r * 2

async def top():
    return await middle()

c = top()
while True:
    print("driver got", c.send(None))
