# contextvars: ContextVar get/set/reset, copy_context().run, isolation between asyncio tasks.
import contextvars
import asyncio

request_id = contextvars.ContextVar("request_id", default="none")
depth = contextvars.ContextVar("depth")

print(request_id.get(), depth.get("no depth"))
tok = request_id.set("r1")
print(request_id.get())
request_id.reset(tok)
print(request_id.get())
try:
    depth.get()
except LookupError as e:
    print("LookupError:", e.args[0].name if hasattr(e.args[0], "name") else type(e).__name__)

def in_context(v):
    request_id.set(v)
    return request_id.get()
ctx = contextvars.copy_context()
print(ctx.run(in_context, "inside"), request_id.get(), ctx[request_id], request_id in ctx)

async def handler(name, steps):
    request_id.set(name)
    seen = []
    for _ in range(steps):
        await asyncio.sleep(0)
        seen.append(request_id.get())
    return name, seen

async def main():
    request_id.set("main")
    results = await asyncio.gather(handler("a", 3), handler("b", 2), handler("c", 1))
    print(results, "main still", request_id.get())
asyncio.run(main())
print(sorted((k.name, v) for k, v in contextvars.copy_context().items()))
