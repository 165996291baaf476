# Evaluation order: call arguments left to right, dict display keys/values, assignment targets
# evaluated after the right-hand side, augmented assignment on subscripts/attributes evaluates
# the container and index once, chained comparisons evaluate each operand once.
log = []
def t(tag, v=None):
    log.append(tag)
    return tag if v is None else v

def f(*a, **k):
    return a, k
f(t("a1"), t("a2"), k1=t("k1"), k2=t("k2"), *[t("star")], **{t("dk"): t("dv")})
print(log); log.clear()
d = {t("key1"): t("val1"), t("key2"): t("val2"), **{t("sk"): t("sv")}}
print(log); log.clear()
class Box:
    def __init__(self):
        self.store = {}
    def __getitem__(self, k):
        log.append("getitem %s" % k)
        return self.store.get(k, 0)
    def __setitem__(self, k, v):
        log.append("setitem %s=%s" % (k, v))
        self.store[k] = v
box = Box()
t("container", box)[t("index", "i")] = t("value", 5)
print(log); log.clear()
t("container", box)[t("index", "i")] += t("increment", 2)
print(log, box.store); log.clear()
class Attr:
    def __getattr__(self, name):
        log.append("getattr " + name)
        return 10
    def __setattr__(self, name, value):
        log.append("setattr %s=%s" % (name, value))
obj = Attr()
t("obj", obj).field += t("inc", 1)
print(log); log.clear()
r = t("x", 1) < t("y", 2) < t("z", 3)
print(r, log); log.clear()
r = t("x", 5) < t("y", 2) < t("z", 3)
print(r, log); log.clear()
a = [0, 0, 0]
i = 0
i, a[i] = 1, 2
print(i, a)
x = y = t("shared", [])
print(x is y, log); log.clear()
res = t("left", 2) ** t("right", 3) ** t("rr", 2)
print(res, log); log.clear()
res = t("c", True) and t("d", 0) or t("e", "fallback")
print(res, log); log.clear()
res = t("then", 1) if t("cond", False) else t("else", 2)
print(res, log); log.clear()
lst = [t("e%d" % i) for i in range(3)]
print(log); log.clear()
def kwonly(*, a, b):
    return a, b
kwonly(b=t("b"), a=t("a"))
print(log); log.clear()
(t("p", [0]))[0], (t("q", [0]))[0] = t("rhs1", 1), t("rhs2", 2)
print(log); log.clear()
dd = {}
dd[t("k")] = dd.setdefault(t("k2"), t("v2"))
print(dd, log); log.clear()
t("func", print)(t("arg1"), t("arg2"), sep=t("sep", "/"))
print(log); log.clear()
