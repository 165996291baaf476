# Every jump flavour: if/elif/else, while with conditions at the bottom (POP_JUMP_BACKWARD_IF_*),
# `is None`/`is not None` tests (POP_JUMP_*_IF_NONE/NOT_NONE), and/or as values
# (JUMP_IF_TRUE_OR_POP/JUMP_IF_FALSE_OR_POP), for/else, while/else, break/continue, nested loops.

def branches(v):
    if v is None:
        return "none"
    if v is not None and v == 0:
        return "zero"
    if not v:
        return "falsy"
    elif v > 100:
        return "big"
    elif v < 0:
        return "negative"
    else:
        return "normal"
print([branches(v) for v in [None, 0, "", [], 5, 500, -2]])

def and_or_values(a, b):
    return (a and b, a or b, a and b or "dflt", not a or b, (a or b) and (b or a))
for a, b in [(0, 1), (1, 0), (2, 3), ("", None), ([], "x"), (None, 0)]:
    print(a, b, and_or_values(a, b))

def while_bottom(n):
    out = []
    i = 0
    while i < n:
        out.append(i)
        i += 2
    node = {"v": 1, "next": {"v": 2, "next": {"v": 3, "next": None}}}
    while node is not None:
        out.append(node["v"])
        node = node["next"]
    x = 5
    while x:
        x -= 1
    out.append(x)
    val = None
    k = 0
    while val is None:
        k += 1
        if k == 3:
            val = k
    out.append(val)
    flag = False
    m = 0
    while not flag:
        m += 1
        flag = m >= 4
    out.append(m)
    return out
print(while_bottom(7))

def for_else(items, target):
    for idx, it in enumerate(items):
        if it == target:
            result = "found at %d" % idx
            break
    else:
        result = "not found"
    return result
print(for_else([1, 2, 3], 2), for_else([1, 2, 3], 9), for_else([], 1))

def while_else(n):
    i = 0
    while i < n:
        if i == 7:
            break
        i += 1
    else:
        return "exhausted at %d" % i
    return "broke at %d" % i
print(while_else(5), while_else(10))

def nested_loops():
    found = []
    for i in range(5):
        for j in range(5):
            if j > i:
                break
            if (i + j) % 2:
                continue
            found.append((i, j))
        else:
            found.append("never")
    return found
print(nested_loops())

def loop_with_early_return(seq):
    for s in seq:
        for c in s:
            if c == "!":
                return "bang in %r" % s
    return "no bang"
print(loop_with_early_return(["ab", "c!d", "e"]), loop_with_early_return(["x"]))

def ternaries(v):
    return ("pos" if v > 0 else "neg" if v < 0 else "zero", v if v else "falsy")
print([ternaries(v) for v in (3, -3, 0)])

def chained_cond(a, b, c):
    if a < b < c or a > b > c:
        return "monotonic"
    if a == b and b == c:
        return "flat"
    if (a or b) and not c:
        return "mixed"
    return "other"
print([chained_cond(*t) for t in [(1, 2, 3), (3, 2, 1), (1, 1, 1), (1, 0, 0), (0, 1, 1), (2, 1, 3)]])

def count_down_is_not_none(x):
    steps = []
    while x is not None:
        steps.append(x)
        x = x - 1 if x > 0 else None
    return steps
print(count_down_is_not_none(4))
i = 0
total = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 15:
        break
    total += i
print(total)
def walrus(data):
    out = []
    it = iter(data)
    while (chunk := next(it, None)) is not None:
        out.append(chunk * 2)
    if (n := len(out)) > 2:
        out.append(n)
    return out
print(walrus([1, 2, 3]))
