# BINARY_OP on two operands of one exact built-in type goes straight to the type's slot (big ints, floats
# beyond the compact fast paths) or to PyUnicode_Concat (str + str). Every operator, in-place forms
# included, must give CPython's results and errors; subclasses, bools and mixed types take the generic
# path.
import sys

BIG = 1 << 70
OPS = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("//", lambda a, b: a // b), ("%", lambda a, b: a % b), ("/", lambda a, b: a / b),
    ("<<", lambda a, b: a << b), (">>", lambda a, b: a >> b), ("&", lambda a, b: a & b),
    ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b), ("**", lambda a, b: a ** b),
    ("@", lambda a, b: a @ b),
]


def in_place(a, b):
    results = []
    x = a; x += b; results.append(x)
    x = a; x -= b; results.append(x)
    x = a; x *= b; results.append(x)
    x = a; x &= b; results.append(x)
    x = a; x |= b; results.append(x)
    x = a; x ^= b; results.append(x)
    return results


def show(a, b):
    out = []
    for name, op in OPS:
        if name in ("**", "<<") and abs(b) > 200:
            out.append("%s:skipped" % name)  # astronomically big results
            continue
        try:
            value = op(a, b)
            out.append("%s=%r" % (name, value if not isinstance(value, int) or abs(value) < 10**60
                                  else value % 1000003))
        except Exception as e:
            out.append("%s!%s(%s)" % (name, type(e).__name__, e))
    return " ".join(out)


def lcg(n):
    x = 7
    total = 0
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        big = x * BIG - x
        total = (total + big // (x | 1) + big % 97) ^ (big >> 3)
    return total


def floats(n):
    acc = 0.0
    for i in range(n):
        f = i * 0.5 + 0.25
        acc = acc + f % 3.5 - f // 2.0 + f / 7.0
    return acc


def strings(n):
    parts = ["a", "bc", "", "déf"]
    text = ""
    for i in range(n):
        text = text + parts[i % 4]
        s = parts[i % 4] + parts[(i + 1) % 4]
    return len(text), text[-12:], s


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

    def __radd__(self, other):
        return "MyInt.__radd__"


class MyStr(str):
    def __add__(self, other):
        return "MyStr.__add__"


def main():
    print(lcg(3000))
    print(floats(3000))
    print(strings(3000))
    for a, b in [(BIG, 3), (-BIG, 7), (BIG, -BIG), (BIG, 0), (0, BIG), (-5, BIG), (BIG, 2 ** 65),
                 (7.5, 2.0), (-0.0, 3.0), (1e308, 1e308), (5.0, 0.0), (float("nan"), 2.0),
                 (float("inf"), float("inf")), (3, 4)]:
        print(repr(a)[:30], repr(b)[:30], show(a, b))
        try:
            print("  in place:", [v % 1000003 if isinstance(v, int) else v for v in in_place(a, b)])
        except Exception as e:
            print("  in place:", type(e).__name__, e)
    print(MyInt(5) + MyInt(6), 5 + MyInt(6), MyInt(5) + 6, True + True, True & False, BIG + True)
    print(MyStr("a") + MyStr("b"), "a" + MyStr("b"), "x" + "y")
    try:
        "a" + 1
    except TypeError as e:
        print("TypeError:", e)
    try:
        "a" - "b"
    except TypeError as e:
        print("TypeError:", e)
    try:
        1 << -BIG
    except ValueError as e:
        print("ValueError:", e)
    sys.stdout.flush()


main()
