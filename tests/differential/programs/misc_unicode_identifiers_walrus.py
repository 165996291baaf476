# Non-ASCII identifiers (NFKC-normalised), walrus operator scoping in comprehensions and
# conditions, and chained comparison operands evaluated once.
π = 3.14159
ﬁle = "ligature normalised to 'file'"
def größe(länge, breite):
    return länge * breite
class Ünïcode:
    naïve = "attr"
print(π, file, größe(3, 4), Ünïcode.naïve, "ﬁle" in dir(), "file" in dir())
données = {"clé": "valeur"}
for clé, valeur in données.items():
    print(clé, valeur)
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 6], y)
total = 0
print([total := total + x for x in data], total)
def f():
    [(inner := i) for i in range(3)]
    return inner
print(f())
import re
lines = ["key=value", "noequals", "a=b=c"]
for line in lines:
    if (m := re.match(r"(\w+)=(.*)", line)) is not None:
        print("parsed", m.group(1), m.group(2))
    else:
        print("skip", line)
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) <= v(2) < v(3), calls)
calls.clear()
print(v(5) < v(2) < v(10), calls)
while (chunk := data[:2]):
    data = data[2:]
    print("chunk", chunk)
print((a := 10, b := a + 1), a, b)
