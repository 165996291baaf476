# LOAD_CLASSDEREF: class bodies reading free variables of the enclosing function,
# class bodies shadowing them, and class-level names vs enclosing names.

def factory(tag, n):
    size = n * 2
    class Made:
        label = tag.upper()
        doubled = size
        items = [tag] * 2
        if n > 2:
            kind = "big"
        else:
            kind = "small"
        def describe(self):
            return "%s/%s/%d/%s" % (self.label, tag, size, self.kind)
    return Made

for t, n in [("a", 1), ("bb", 3)]:
    M = factory(t, n)
    print(M.label, M.doubled, M.items, M.kind, M().describe())

def shadowing():
    x = "outer"
    class C:
        try:
            print("  class body sees", x)
        except NameError as e:
            print("  class body: assigned later in class, so LOAD_NAME ->", e)
        x = "class attr"
        print("  after assignment", x)
        def m(self):
            return x
    return C
C = shadowing()
print(C.x, C().m())

def locals_override():
    y = "enclosing"
    class D:
        locals()["y"] = "from locals dict"
        seen = y
    return D.seen
print(locals_override())

def mutate_after_class():
    z = 1
    class E:
        first = z
        def get(self):
            return z
    z = 2
    return E.first, E().get()
print(mutate_after_class())

def metaclass_prepare():
    captured = "captured"
    class Meta(type):
        @classmethod
        def __prepare__(mcls, name, bases):
            return {"captured": "from prepare"}
    class F(metaclass=Meta):
        value = captured
    return F.value
print(metaclass_prepare())
