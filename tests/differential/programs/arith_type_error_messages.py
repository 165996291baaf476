# Exact TypeError messages for unsupported operand types of every binary, in-place and unary
# operator - specialised arithmetic must fall back to the generic error path.
import operator

ops = [("+", operator.add), ("-", operator.sub), ("*", operator.mul), ("/", operator.truediv),
       ("//", operator.floordiv), ("%", operator.mod), ("**", operator.pow), ("<<", operator.lshift),
       (">>", operator.rshift), ("&", operator.and_), ("|", operator.or_), ("^", operator.xor), ("@", operator.matmul)]
pairs = [(1, "a"), ("a", 1.5), ([1], (1,)), (None, 1), ({1}, [1]), (1.5, 2), ({}, {})]
for sym, fn in ops:
    for a, b in pairs:
        try:
            r = fn(a, b)
            print(repr(a), sym, repr(b), "=", repr(r))
        except TypeError as e:
            print(repr(a), sym, repr(b), "TypeError:", e)

def inplace_errors():
    out = []
    for name in ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="]:
        x = 1
        try:
            if name == "+=": x += "s"
            elif name == "-=": x -= "s"
            elif name == "*=": x *= None
            elif name == "/=": x /= "s"
            elif name == "//=": x //= "s"
            elif name == "%=": x %= []
            elif name == "**=": x **= "s"
            elif name == "<<=": x <<= 1.0
            elif name == ">>=": x >>= "s"
            elif name == "&=": x &= 1.5
            elif name == "|=": x |= "s"
            elif name == "^=": x ^= None
            elif name == "@=": x @= 2
        except TypeError as e:
            out.append("%s TypeError: %s" % (name, e))
    return out
for line in inplace_errors():
    print(line)
for v in ["s", [1], None, {}, 1.5]:
    for sym, fn in [("-", operator.neg), ("+", operator.pos), ("~", operator.invert), ("abs", abs)]:
        try:
            print(sym, repr(v), repr(fn(v)))
        except TypeError as e:
            print(sym, repr(v), "TypeError:", e)
print("ab" * 2, [0] * 3, 2 * (1,), "%s" % 5, "%d%%" % 50, b"x" * 2)
try:
    "a" * 1.5
except TypeError as e:
    print("TypeError:", e)
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    [1] * (2 ** 100)
except OverflowError as e:
    print("OverflowError:", e)
