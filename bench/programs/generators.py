"""generators: pipelines of generators.

Exercises: generator creation, FOR_ITER over generators, YIELD_VALUE /
resumption (SEND via next()), `yield from` delegation, generator .send(),
and chained pipeline stages (source -> filter -> map -> window -> sink).
"""
import sys


def source(n, seed):
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        yield x >> 8


def keep_if(pred, it):
    for v in it:
        if pred(v):
            yield v


def scale(it, k):
    for v in it:
        yield (v * k) % 100003


def windows(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) == size:
            yield sum(buf)
            buf.pop(0)


def take_every(it, k):
    i = 0
    for v in it:
        if i % k == 0:
            yield v
        i += 1


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def running_average():
    total = 0
    count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total // count


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3250000
    pipe = take_every(windows(scale(keep_if(lambda v: v % 3 != 0, source(n, 7)), 13), 4), 2)
    acc = 0
    cnt = 0
    for v in pipe:
        acc = (acc * 17 + v) % 1000000007
        cnt += 1
    nested = [[i, [i + 1, [i + 2, i + 3]], i + 4] for i in range(n // 20)]
    flat_sum = 0
    for v in flatten(nested):
        flat_sum += v
    ra = running_average()
    next(ra)
    last = 0
    for v in source(n // 2, 99):
        last = ra.send(v % 1000)
    print("generators n=%d cnt=%d acc=%d flat=%d avg=%d" % (n, cnt, acc, flat_sum, last))


main()
