# ExceptionGroup subclasses with derive(), split()/subgroup() preserving metadata (notes,
# __traceback__, __cause__), nested groups, except* with a tuple of types, except* and
# exceptions raised inside except* handlers.

class MyGroup(ExceptionGroup):
    def __new__(cls, msg, excs, tag="t"):
        self = super().__new__(cls, msg, excs)
        self.tag = tag
        return self
    def derive(self, excs):
        return MyGroup(self.message + " (derived)", excs, self.tag + "+")

eg = MyGroup("root", [ValueError(1), TypeError(2), MyGroup("child", [ValueError(3), KeyError(4)], "c")], "root-tag")
eg.add_note("note on root")
m, rest = eg.split(ValueError)
def show(g, ind=0):
    pad = " " * ind
    if isinstance(g, BaseExceptionGroup):
        print(pad + "%s %r tag=%s notes=%s" % (type(g).__name__, g.message, getattr(g, "tag", None), getattr(g, "__notes__", None)))
        for e in g.exceptions:
            show(e, ind + 2)
    else:
        print(pad + repr(g))
show(m)
show(rest)
print(eg.subgroup(lambda e: isinstance(e, KeyError)).exceptions)
print(eg.subgroup(lambda e: True) is eg, eg.split(OSError)[0])
try:
    raise eg
except* (ValueError, KeyError) as g:
    print("tuple handler got", [repr(e) for e in g.exceptions], type(g).__name__)
except* TypeError as g:
    print("TypeError handler got", g.exceptions)
try:
    try:
        raise ExceptionGroup("x", [ValueError("a"), KeyError("b")])
    except* ValueError:
        raise IndexError("raised in handler")
    except* KeyError:
        pass
except Exception as top:
    show(top)
    print("context of IndexError:", repr(top.__context__))
try:
    try:
        raise ExceptionGroup("reraise", [ValueError("keep")])
    except* ValueError as g:
        raise g
except ExceptionGroup as top:
    show(top)
for bad in ["try:\n pass\nexcept* ValueError:\n break\n", "def f():\n try:\n  pass\n except* ValueError:\n  return 1\n",
            "try:\n pass\nexcept* ExceptionGroup:\n pass\nexcept ValueError:\n pass\n"]:
    try:
        compile(bad, "<except-star>", "exec")
        print("compiled (checked at runtime)")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
