# Exception groups and except*: CHECK_EG_MATCH, PREP_RERAISE_STAR, nesting, re-raise, splitting.

def describe(eg, indent=0):
    pad = " " * indent
    if isinstance(eg, BaseExceptionGroup):
        print(pad + "%s(%r) with %d" % (type(eg).__name__, eg.message, len(eg.exceptions)))
        for sub in eg.exceptions:
            describe(sub, indent + 2)
    else:
        print(pad + "%s(%r)" % (type(eg).__name__, str(eg)))

def raiser():
    raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2"),
                                  ExceptionGroup("inner", [KeyError("k"), TypeError("t2")])])

try:
    raiser()
except* ValueError as eg:
    print("ValueError part:")
    describe(eg, 2)
except* TypeError as eg:
    print("TypeError part:")
    describe(eg, 2)
except* KeyError as eg:
    print("KeyError part:")
    describe(eg, 2)

try:
    try:
        raiser()
    except* TypeError:
        print("handled only TypeErrors")
except ExceptionGroup as rest:
    print("rest propagated:")
    describe(rest, 2)

try:
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        print("naked exception wrapped:")
        describe(eg, 2)
except Exception as e:
    print("should not happen", e)

try:
    try:
        raiser()
    except* ValueError:
        raise
    except* TypeError as eg:
        raise RuntimeError("new from handler") from eg
except ExceptionGroup as e:
    print("combined after raise in except*:")
    describe(e, 2)
    for sub in e.exceptions:
        if isinstance(sub, RuntimeError):
            print("  cause of RuntimeError:", type(sub.__cause__).__name__)

eg = ExceptionGroup("split me", [ValueError(1), KeyError(2), ValueError(3)])
match, rest = eg.split(ValueError)
describe(match)
describe(rest)
print(eg.subgroup(lambda e: isinstance(e, KeyError)).exceptions)

def star_in_loop():
    results = []
    for i in range(4):
        try:
            errs = []
            if i & 1:
                errs.append(ValueError(i))
            if i & 2:
                errs.append(KeyError(i))
            if errs:
                raise ExceptionGroup("loop %d" % i, errs)
            results.append("clean %d" % i)
        except* ValueError as g:
            results.append("V%d" % len(g.exceptions))
        except* KeyError as g:
            results.append("K%d" % len(g.exceptions))
    return results
print(star_in_loop())
try:
    try:
        raise ExceptionGroup("eg", [OSError("os")])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print("ValueError:", e)
bg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(bg).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
try:
    raise ExceptionGroup("nothing matched", [ZeroDivisionError()])
except* ValueError:
    print("no")
except* ArithmeticError as g:
    print("ArithmeticError branch got", [type(x).__name__ for x in g.exceptions])
