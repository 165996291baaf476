# COMPARE_OP fused with the POP_JUMP_IF_* that follows it (no bool object on the int/float paths): NaN and
# -0.0, one-digit ints at the boundaries and bigger ints, int/float mixes, subclasses with their own
# comparison, results that are not bools (their __bool__ runs, and may raise, after the inputs are
# released), comparisons that raise TypeError, and loops whose condition is a comparison.
import math


class Loud(int):
    def __lt__(self, other):
        print("Loud.__lt__", int(self), other)
        return int(self) < other


class Truthy:
    def __init__(self, value, log):
        self.value = value
        self.log = log

    def __bool__(self):
        self.log.append(("bool", self.value))
        if self.value == "boom":
            raise ValueError("no truth for you")
        return bool(self.value)


class Weird:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __gt__(self, other):
        self.log.append(("gt", self.name))
        return Truthy(other, self.log)

    def __del__(self):
        self.log.append(("del", self.name))


class FloatSub(float):
    def __le__(self, other):
        return True  # always: the subclass decides, not the C comparison


def classify(values, limit):
    counts = [0, 0, 0, 0]
    for v in values:
        if v < limit:
            counts[0] += 1
        if v >= limit:
            counts[1] += 1
        if v == limit:
            counts[2] += 1
        if not v != limit:
            counts[3] += 1
    return counts


def loop_until(limit, step):
    n = 0
    x = 0.0
    while x < limit:
        x += step
        n += 1
    return n, x


def weird_compare(log):
    if Weird("w", log) > "boom":
        return "taken"
    return "not taken"


nan = float("nan")
samples = [0, 1, -1, 2**30 - 1, 2**30, -(2**30), 2**62, 0.0, -0.0, 1.5, -1.5, nan, math.inf, -math.inf, True, False]
for limit in (0, 0.0, -0.0, 1, 2**30, nan, math.inf, 1.5):
    for _ in range(30):
        result = classify(samples, limit)
    print(limit, result)

for _ in range(30):
    res = loop_until(10.0, 0.25), loop_until(3, 1), loop_until(nan, 1.0)
print(res)

print(classify([Loud(3), Loud(7)], 5))
print(classify([FloatSub(9.0)], 1.0), FloatSub(9.0) <= 1.0)

for i in range(30):
    log = []
    try:
        out = weird_compare(log)
    except ValueError as e:
        out = f"raised {e}"
    if i == 29:
        print(out, log)

for i in range(30):
    try:
        if i < "x":
            pass
    except TypeError as e:
        msg = str(e)
print(msg)
