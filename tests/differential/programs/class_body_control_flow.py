# Class bodies containing loops, conditionals, try/except, comprehensions, del, global and
# nonlocal statements, nested functions and imports; class body executed once at definition.
counter = 0
def make():
    captured = "from enclosing"
    class Body:
        global counter
        counter += 1
        items = []
        for i in range(4):
            if i % 2:
                items.append(i * 10)
        del i
        try:
            risky = int("not a number")
        except ValueError as e:
            risky = "fallback: %s" % type(e).__name__
        table = {k: len(k) for k in ("a", "bb", "ccc")}
        import math as _m
        root = _m.sqrt(16)
        del _m
        closure_seen = captured
        def method(self):
            return captured.upper()
        while len(items) < 4:
            items.append(0)
        else:
            loop_else = "ran"
        if counter > 1:
            second = True
        with open(__file__) as fh:
            first_char = fh.read(1)
        match len(items):
            case 4:
                matched = "four"
            case _:
                matched = "other"
    return Body
B = make()
print(B.items, B.risky, B.table, B.root, B.closure_seen, B().method(), B.loop_else, B.first_char, B.matched)
print(hasattr(B, "i"), hasattr(B, "_m"), hasattr(B, "second"), counter)
B2 = make()
print(B2.second, counter, B is B2)
class Outer:
    x = 1
    class Inner:
        try:
            y = x
        except NameError as e:
            y = "NameError: %s" % e
    z = Inner.y
print(Outer.z)
def enclosing():
    value = 1
    class C:
        nonlocal value
        value = 2
    return value
print(enclosing())
class Annotated:
    a: int = 1
    for n in range(2):
        b: int = n
print(Annotated.__annotations__, Annotated.b)
