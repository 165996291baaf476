# BUILD_STRING / string concatenation in loops, %-formatting, str.format, repr of containers.

def table(rows):
    out = []
    for r in rows:
        out.append(" | ".join(f"{c!s:>6}" for c in r))
    return "\n".join(out)

rows = [(i, i * i, i ** 3, hex(i), f"{i / 7:.3f}") for i in range(1, 9)]
print(table(rows))

def concat(n):
    s = ""
    for i in range(n):
        s = s + str(i) + ","
        if len(s) > 60:
            s = s[30:]
    return s

print(concat(100))
acc = []
for i in range(30):
    acc.append("%03d:%-4s:%+.2e" % (i, "ab"[i % 2] * (i % 4), i * 1234.5))
print("\n".join(acc[::5]))
parts = ["alpha", "beta", "gamma"]
print(", ".join(parts), "".join(reversed(parts)), "-".join(p[0] for p in parts))
nested = {"a": [1, (2, 3), {4}], "b": {"c": None, "d": "e'f"}, "g": 1.0}
print(repr(nested), str(nested))
print(str([1.5, "x", None, True, b"y"]), repr(("single",)), repr(()), repr(frozenset()))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%%", "%5s|%-5s|" % ("ab", "cd"))
print("{:>{w}}|{:<{w}}|".format("r", "l", w=4), "{0[1]} {1.real}".format([9, 8], 3 + 1j))
text = ""
for w in ["one", "two", "three"]:
    text += w.capitalize()
    text += " "
print(text.strip() + ".")
