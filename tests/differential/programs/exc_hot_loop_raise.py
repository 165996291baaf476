# Exceptions raised and caught inside hot loops at varying frequencies, from callees at different
# depths; exception objects reused; StopIteration used for control flow.

def maybe_fail(i):
    if i % 7 == 0:
        raise ValueError(i)
    if i % 11 == 0:
        raise KeyError(i)
    return i

def level(i, depth):
    if depth == 0:
        return maybe_fail(i)
    return level(i, depth - 1)

def run(n, depth):
    ok = ve = ke = 0
    last = None
    for i in range(n):
        try:
            ok += level(i, depth)
        except ValueError as e:
            ve += 1
            last = e.args[0]
        except KeyError:
            ke += 1
    return ok, ve, ke, last
for depth in (0, 1, 5):
    print(depth, run(300, depth))

shared = IndexError("shared instance")
def raise_shared(i):
    raise shared
count = 0
for i in range(20):
    try:
        raise_shared(i)
    except IndexError as e:
        count += e is shared
depth, tb = 0, shared.__traceback__
while tb is not None:
    depth, tb = depth + 1, tb.tb_next
print("shared caught", count, "traceback entries", depth)

def gen_numbers():
    n = 0
    while True:
        n += 1
        yield n
it = gen_numbers()
vals = []
while True:
    try:
        v = next(it)
        if v > 5:
            raise StopIteration
        vals.append(v)
    except StopIteration:
        break
print(vals)
def convert_all(items):
    good, bad = [], []
    for it in items:
        try:
            good.append(int(it))
        except (ValueError, TypeError) as e:
            bad.append((it, type(e).__name__))
    return good, bad
print(convert_all(["1", "x", None, "3", 4.7, "0x1", [], " 8 "]))
errs = 0
for i in range(500):
    try:
        {}[i]
    except KeyError:
        errs += 1
    try:
        [][i]
    except IndexError:
        errs += 1
    try:
        None.attr
    except AttributeError:
        errs += 1
print("errs", errs)
def finally_counter(n):
    c = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                continue
            if i % 5 == 0:
                raise ValueError
        except ValueError:
            c += 100
        finally:
            c += 1
    return c
print(finally_counter(100))
