# FOR_ITER over exact range and list iterators, read and advanced inline by compiled code: negative and
# big steps, empty ranges, ranges past the small-int cache and past C long (a different iterator type),
# lists mutated during iteration (append, shrink, clear), an iterator resumed after a break (its state
# lives in the iterator object), an exhausted list iterator that stays exhausted after the list grows,
# list subclasses, and iterators shared between two loops.


class MyList(list):
    def __iter__(self):
        print("MyList.__iter__")
        return super().__iter__()


def range_sums(n):
    out = []
    for r in (range(n), range(n, 0, -1), range(-n, n, 3), range(0), range(5, 5), range(250, 270),
              range(2**62, 2**62 + 3), range(2**63 - 2, 2**63 + 2), range(-(2**63), -(2**63) + 2)):
        total = 0
        count = 0
        for v in r:
            total += v
            count += 1
        out.append((count, total))
    return out


def list_mutations():
    xs = [1, 2, 3]
    seen = []
    for x in xs:
        seen.append(x)
        if x < 6:
            xs.append(x + 3)
    ys = [1, 2, 3, 4, 5, 6]
    for y in ys:
        seen.append(y)
        del ys[0]
    zs = [9, 8, 7]
    for z in zs:
        seen.append(z)
        zs.clear()
    return seen, xs, ys, zs


def resumed_after_break():
    it = iter(range(10))
    first = []
    for v in it:
        first.append(v)
        if v == 3:
            break
    rest = [v for v in it]
    lst = [10, 20, 30, 40]
    lit = iter(lst)
    for v in lit:
        if v == 20:
            break
    after = list(lit)
    lst.append(50)
    again = list(lit)  # exhausted: stays exhausted though the list grew
    return first, rest, after, again


def shared_iterator():
    it = iter([1, 2, 3, 4, 5, 6, 7])
    pairs = []
    for a in it:
        for b in it:
            pairs.append((a, b))
            break
    return pairs


def subclass_loop():
    total = 0
    for v in MyList([4, 5, 6]):
        total += v
    return total


for _ in range(40):
    results = (range_sums(7), list_mutations(), resumed_after_break(), shared_iterator())
print(results)
print(subclass_loop())
