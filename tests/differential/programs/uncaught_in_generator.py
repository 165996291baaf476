# Uncaught exception propagating out of a generator and a yield from chain.

def numbers():
    yield 1
    yield 2
    yield 1 / 0

def delegator():
    yield "start"
    yield from numbers()
    yield "never"

total = 0
for v in delegator():
    print("value", v)
    if isinstance(v, int):
        total += v
print("total", total)
