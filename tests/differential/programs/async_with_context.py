# async with (BEFORE_ASYNC_WITH, GET_AWAITABLE 1/2), exceptions inside async with, suppression.
import contextlib

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

class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        await sleep0()
        print("  enter", self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        await sleep0()
        print("  exit", self.name, et.__name__ if et else None, ev)
        return self.suppress

@contextlib.asynccontextmanager
async def managed(tag):
    print("  acquire", tag)
    try:
        yield tag * 2
    finally:
        print("  release", tag)

async def main():
    async with ACM("a") as v:
        print("body", v)
    async with ACM("b", suppress=True) as v:
        print("body", v)
        raise KeyError("suppressed")
    print("after suppressed")
    try:
        async with ACM("c") as v:
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    async with ACM("outer") as o, ACM("inner") as i:
        print("nested", o, i)
    async with managed("m") as m:
        print("managed", m)
    for i in range(3):
        async with ACM("loop%d" % i):
            if i == 1:
                continue
            print("loop body", i)
    def sync_fn():
        return "sync"
    async with ACM("ret") as r:
        return r + sync_fn()

print(run(main()))
