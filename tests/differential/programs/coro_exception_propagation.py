# Exceptions crossing await boundaries, try/finally around awaits, await inside except/finally,
# asyncio task cancellation (deterministic, no timeouts), exception groups from TaskGroup.
import asyncio

async def fail_after(n, exc):
    for _ in range(n):
        await asyncio.sleep(0)
    raise exc

async def chain(depth):
    if depth == 0:
        await fail_after(1, KeyError("deep"))
    try:
        await chain(depth - 1)
    finally:
        await asyncio.sleep(0)
        print("  finally at depth", depth)

async def cleanup_in_except():
    try:
        await fail_after(0, ValueError("first"))
    except ValueError as e:
        await asyncio.sleep(0)
        print("  awaited inside except for", e)
        return "handled"

async def cancellable(log):
    try:
        while True:
            await asyncio.sleep(0)
            log.append("tick")
    except asyncio.CancelledError:
        log.append("cancelled")
        raise
    finally:
        log.append("finally")

async def main():
    try:
        await chain(3)
    except KeyError as e:
        print("caught", repr(e))
    print(await cleanup_in_except())
    log = []
    t = asyncio.create_task(cancellable(log))
    for _ in range(3):
        await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled", t.cancelled(), log)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(1, ValueError("tg1")))
            tg.create_task(fail_after(2, TypeError("tg2")))
    except* ValueError as eg:
        print("TaskGroup ValueErrors", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TaskGroup TypeErrors", [str(e) for e in eg.exceptions])
    results = await asyncio.gather(*(fail_after(i, OSError(i)) for i in range(3)), return_exceptions=True)
    print([repr(r) for r in results])
    async def shielded():
        await asyncio.sleep(0)
        return "shielded result"
    print(await asyncio.shield(shielded()))
    ev = asyncio.Event()
    async def waiter(name):
        await ev.wait()
        return name + " woke"
    ws = [asyncio.create_task(waiter("w%d" % i)) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    print(await asyncio.gather(*ws))

asyncio.run(main())
