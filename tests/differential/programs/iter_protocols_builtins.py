# Iterator protocol details: iter(callable, sentinel), next with default, zip strict,
# enumerate/map/filter laziness, StopIteration inside for, iterator exhaustion semantics.

calls = []
def reader():
    calls.append(1)
    return len(calls) if len(calls) < 5 else None
print(list(iter(reader, None)), len(calls))
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
log = []
def noisy(x):
    log.append(x)
    return x * 2
m = map(noisy, range(5))
print(log, next(m), log, list(m), log)
print(list(filter(lambda v: v % 3, range(10))), list(filter(None, [0, "", "a", 3])))
e = enumerate("abc", 1)
print(next(e), list(e))
class Once:
    def __init__(self):
        self.done = False
    def __iter__(self):
        return self
    def __next__(self):
        if self.done:
            raise StopIteration("finished")
        self.done = True
        return "only"
o = Once()
print(list(o), list(o))
r = reversed(range(5))
print(next(r), list(r), list(reversed("abc")), list(reversed({"a": 1, "b": 2})))
d = {"x": 1, "y": 2}
ki = iter(d)
print(next(ki), list(ki))
print(sum(range(10), start=100), sum([[1], [2]], []), min([], default="empty"), max("hello"), sorted(iter([3, 1, 2])))
print(list(map(pow, [2, 3], [5, 2])), list(map(lambda *a: a, "ab", "cd", "ef")))
print(any([]), all([]), any(iter([0, 0, 1])), all(x for x in [1, 2, 0, 3]))
import itertools
cyc = itertools.cycle("ab")
print([next(cyc) for _ in range(5)], list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(itertools.starmap(divmod, [(7, 2), (9, 4)])), list(itertools.pairwise(range(5))))
print(list(itertools.dropwhile(lambda v: v < 3, [1, 2, 3, 1])), list(itertools.filterfalse(None, [0, 1, 0, 2])))
t1, t2 = itertools.tee(iter(range(4)))
print(list(t1), list(t2))
print(list(itertools.chain.from_iterable(["ab", "cd"])), list(itertools.combinations_with_replacement("ab", 2)))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
cd = Countdown(3)
print(list(cd), list(cd), [a * b for a in cd for b in cd])
