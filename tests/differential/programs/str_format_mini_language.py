# str.format / format() spec mini-language on ints, floats, strings and custom __format__.

specs_int = ["", "d", "5d", "<5", "^7", ">+6", "=+8", "08", "x", "#X", "#o", "#b", ",", "_", "c", "n", "e", "%"]
for v in [0, 42, -42, 65, 1234567]:
    row = []
    for s in specs_int:
        try:
            row.append(format(v, s))
        except (ValueError, OverflowError) as e:
            row.append("!" + type(e).__name__ + ":" + str(e)[:20])
    print(v, row)
specs_float = ["", "f", ".2f", "10.3f", "<10.1f", "e", ".3E", "g", ".3g", "G", "%", ".1%", "+.1f", " .2f", ",.2f", "015.4f", "#.0f", ".0f"]
for v in [0.0, -0.0, 1.0, 3.14159, -2.5e-7, 12345678.9, float("inf"), float("nan"), 1e100]:
    print(v, [format(v, s) for s in specs_float])
for v in ["abc", "", "long string here"]:
    print([format(v, s) for s in ["", "<6", ">6", "^6", "*^9", ".2", "10.3", "-<4"]])
print("{} {} {}".format(1, "two", 3.0), "{2}{1}{0}".format("a", "b", "c"), "{0}{0}".format("rep"))
print("{name}:{val:>{w}.{p}f}".format(name="pi", val=3.14159, w=10, p=3), "{:{fill}^{w}}".format("x", fill="~", w=5))
print("{0.real}-{0.imag}".format(1 + 2j), "{0[1]}{0[0]}".format("ab"), "{d[key]}".format(d={"key": "v"}))
print("{!r:>10}|{!s:<10}|{!a}".format("é", "é", "é"))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return "$%d" % (self.cents // 100)
        return "$%d.%02d" % divmod(self.cents, 100)
m = Money(12345)
print(format(m), format(m, "short"), "{:short} / {}".format(m, m), f"{m:short}")
try:
    format(object(), "d")
except TypeError as e:
    print("TypeError:", e)
try:
    "{".format(1)
except ValueError as e:
    print("ValueError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    "{x}".format()
except KeyError as e:
    print("KeyError:", e)
print("{:,}".format(-1234567.891), "{:_b}".format(1023), "{:#_x}".format(2 ** 40), format(True, "d"), format(True))
print("%5.1f|%-6s|%+d|%05d|%x|%o|%e|%g|%c|%r|%a" % (3.14159, "ab", 5, 42, 255, 8, 12345.678, 0.0001, 97, "q", "é"))
