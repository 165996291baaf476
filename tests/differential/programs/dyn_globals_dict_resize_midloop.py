# The module globals dict grows (resizes) and shrinks while functions with cached global and
# builtin lookups are running in loops; keys are added/removed from inside the loop.
TARGET = 1

def reader(n):
    out = []
    g = globals()
    for i in range(n):
        out.append(TARGET + len("ab"))
        if i % 5 == 0:
            for k in range(40):
                g["filler_%d_%d" % (i, k)] = k
        if i % 7 == 0:
            for key in [key for key in g if key.startswith("filler_%d_" % (i - 7))]:
                del g[key]
        if i == 13:
            g["TARGET"] = 100
        if i == 17:
            g["len"] = lambda s: -len(s) if False else 50
        if i == 19:
            del g["len"]
    return out

print(reader(25))
print(sum(1 for k in globals() if k.startswith("filler_")))
def many_names():
    total = 0
    for i in range(200):
        name = "dyn%d" % (i % 50)
        globals()[name] = i
        total += globals()[name]
    return total
print(many_names(), dyn49)
class NS:
    pass
def attr_churn():
    o = NS()
    res = []
    for i in range(60):
        setattr(o, "a%d" % i, i)
        if i % 10 == 0:
            for k in range(i):
                if hasattr(o, "a%d" % k) and k % 3:
                    delattr(o, "a%d" % k)
        res.append(len(vars(o)))
    return res[-10:], getattr(o, "a59"), hasattr(o, "a1")
print(attr_churn())
