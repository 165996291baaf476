# In-place string concatenation (s += t) where the string is also referenced elsewhere
# (lists, dict values, other names, closures, default args): CPython's in-place resize trick
# must never mutate a shared string.
s = "base"
alias = s
lst = [s]
for i in range(5):
    s += str(i)
print(s, alias, lst)

def build(n):
    acc = ""
    snapshots = []
    for i in range(n):
        acc += chr(97 + i)
        if i % 2 == 0:
            snapshots.append(acc)
    return acc, snapshots
print(build(7))

def closure_share():
    text = "x"
    def get():
        return text
    before = get()
    text += "y"
    return before, text, get()
print(closure_share())

d = {"k": "val"}
v = d["k"]
v += "ue"
print(d, v)
def default_arg(prefix="pre"):
    prefix += "fix"
    return prefix
print(default_arg(), default_arg())
names = []
cur = ""
for ch in "abcdef":
    cur += ch
    names.append(cur)
print(names)
t = "a"
u = t
t = t + "b"
t += "c"
print(t, u)
class Holder:
    attr = "A"
h = Holder()
h.attr += "B"
print(Holder.attr, h.attr)
big = ""
for i in range(3000):
    big += "x"
    if i == 1500:
        mid = big
print(len(big), len(mid))
b = b"bytes"
b_alias = b
b += b"!"
print(b, b_alias)
