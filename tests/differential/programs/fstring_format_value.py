# FORMAT_VALUE with every conversion (!s !r !a, none) and with/without format specs; BUILD_STRING.

class Thing:
    def __init__(self, n):
        self.n = n
    def __str__(self):
        return "Thing#%d" % self.n
    def __repr__(self):
        return "Thing(n=%d, \u00e9)" % self.n
    def __format__(self, spec):
        return "<fmt %s|%s>" % (self.n, spec)

t = Thing(3)
name = "w\u00f6rld"
width = 12
prec = 3
vals = [0, 42, -7, 3.14159, 2 ** 70, "abc", name, None, True, [1, "x"], (1,), {"k": 2}, t, 1 + 2j, b"by"]
for v in vals:
    print(f"{v}|{v!s}|{v!r}|{v!a}|")
for v in [42, -7, 3.14159, 1234567.891, 0.000123]:
    print(f"[{v:10}] [{v:<10}] [{v:^10}] [{v:+}] [{v:e}] [{v:.2f}] [{v:_>{width}}]")
    print(f"  [{float(v):{width}.{prec}}] [{v!r:>{width}}] [{v!s:{'<'}{width + 2}}]")
for v in [255, -255, 0, 2 ** 40]:
    print(f"{v:x} {v:X} {v:o} {v:b} {v:#x} {v:#o} {v:#b} {v:08d} {v:,} {v:_x} {v:c}" if 0 <= v < 1000 else f"{v:x} {v:#b} {v:,} {v:>20_}")
print(f"{t}", f"{t!s}", f"{t!r}", f"{t:spec}", f"{t!r:>30}", f"{t!s:*^20}")
print(f"{name!a:>15}", f"{name!r:<15}|", f"{'lit'}", f"{{braces}}", f"{1}{2}{3}", f"")
print(f"{'nested ' + f'{name.upper()!r}'}", f"{[x * 2 for x in range(3)]}")
print(f"{3.0:g} {1e20:g} {1e-7:g} {12.5:%} {0.1:.20f} {float('inf'):f} {-0.0:f}")
print(f"{'abc':.2} {'abc':>5.1} {'x':=^7}")
print(f"{12345:=+10d} {-12:=10} {3.5:010.3f}")
import datetime
d = datetime.date(2020, 2, 29)
print(f"{d:%Y/%m/%d %A} {d!r} {d}")
def build(i):
    return f"item {i:03d}: {i * 1.5:.1f} {'even' if i % 2 == 0 else 'odd'!s:>5} {i!r}"
for i in range(8):
    print(build(i))
s = ""
for i in range(20):
    s = f"{s}{i % 10}"
print(s, len(s))
x = 10
print(f"{x=}", f"{x + 1 = }", f"{name=!s}", f"{3.14159=:.2f}")
try:
    f"{t:{'bad' * 1}}".encode()
    print(f"{42:z}")
except ValueError as e:
    print("ValueError:", e)
