# COMPARE_OP + jump sites (specialised for int/float/str) receiving mixed types, big ints,
# nan, bools and objects with rich comparisons.

def classify(a, b):
    r = []
    if a < b:
        r.append("<")
    if a <= b:
        r.append("<=")
    if a == b:
        r.append("==")
    if a != b:
        r.append("!=")
    if a > b:
        r.append(">")
    if a >= b:
        r.append(">=")
    return "".join(r)

pairs = [(1, 2), (2, 1), (3, 3), (2 ** 62, 2 ** 62 + 1), (2 ** 100, 2 ** 100), (-2 ** 100, 5), (1.5, 1.5),
         (float("nan"), 1.0), (1.0, float("nan")), (float("inf"), 2 ** 1000), (1, 1.0), (True, 1), (False, 0.0),
         ("a", "b"), ("b", "a"), ("same", "same"), ("", "a"), ((1, 2), (1, 2, 0)), ([3], [2, 9]), (2 ** 53 + 1, float(2 ** 53))]
for a, b in pairs:
    print(repr(a), repr(b), classify(a, b))

class Weird:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return "truthy string"
    def __eq__(self, o):
        return 0
    def __gt__(self, o):
        return []
    def __le__(self, o):
        raise ValueError("no <= for Weird")
try:
    print(classify(Weird(1), Weird(2)))
except ValueError as e:
    print("ValueError:", e)

def count_in_range(vals, lo, hi):
    n = 0
    for v in vals:
        if lo <= v < hi:
            n += 1
    return n
print(count_in_range(range(100), 10, 20), count_in_range([0.5 * i for i in range(40)], 3, 7.5),
      count_in_range([2 ** 70, 5, 2 ** 65], 4, 2 ** 66), count_in_range("abcxyz", "b", "y"))
class BadBool:
    def __bool__(self):
        raise TypeError("no truth value")
class LenZero:
    def __len__(self):
        return 0
def truth(v):
    if v:
        return "T"
    return "F"
print([truth(v) for v in [0, 1, -1, 0.0, 1e-300, "", "0", [], [0], {}, None, LenZero(), 2 ** 100, 0j]])
try:
    truth(BadBool())
except TypeError as e:
    print("TypeError:", e)
class NegLen:
    def __len__(self):
        return -1
try:
    truth(NegLen())
except ValueError as e:
    print("ValueError:", e)
