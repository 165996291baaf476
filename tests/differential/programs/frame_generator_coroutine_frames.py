# Frames of generators, coroutines and async generators: gi_frame/cr_frame/ag_frame, f_back
# while running vs suspended, f_locals of suspended frames, frames after completion.
import sys

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

def gen():
    me = sys._getframe()
    yield ("running back", me.f_back.f_code.co_name)
    yield ("locals", sorted(me.f_locals))
    x = 5
    yield ("after x", me.f_locals["x"])

def driver():
    g = gen()
    out = [next(g)]
    print("suspended back is None:", g.gi_frame.f_back is None)
    out.append(next(g))
    out.append(next(g))
    print("gi_frame lineno while suspended:", g.gi_frame.f_lineno - g.gi_code.co_firstlineno)
    for _ in g:
        pass
    out.append(("finished frame", g.gi_frame))
    return out
for item in driver():
    print(item)

async def coro():
    f = sys._getframe()
    await sleep0()
    return [fr.f_code.co_name for fr in iter_back(f)][:3]
def iter_back(f):
    while f is not None:
        yield f
        f = f.f_back
async def main():
    c = coro()
    print("cr_frame before start:", c.cr_frame.f_code.co_name, c.cr_frame.f_lasti)
    r = await c
    print("coroutine saw chain starting:", r[:2])
    print("cr_frame after:", c.cr_frame)
    async def ag():
        yield sys._getframe().f_back.f_code.co_name
        yield sys._getframe().f_code.co_name
    a = ag()
    print(await anext(a), await anext(a), a.ag_frame.f_code.co_name, a.ag_running)
run(main())
def nested_gen():
    def inner():
        yield sys._getframe().f_back.f_code.co_name
    yield from inner()
    yield [x for x in inner()]
print(list(nested_gen()))
def gen_exc():
    try:
        yield 1
    except ValueError:
        tb = sys.exc_info()[2]
        yield tb.tb_frame.f_code.co_name
g = gen_exc()
next(g)
print(g.throw(ValueError))
