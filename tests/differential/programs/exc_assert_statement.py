# assert (LOAD_ASSERTION_ERROR), with and without messages, in loops and functions.

def check(x):
    assert x > 0, "x must be positive, got %r" % (x,)
    assert isinstance(x, int)
    return x * 2

for v in [1, 5, 0, -3, 2.5]:
    try:
        print(v, check(v))
    except AssertionError as e:
        print(v, "AssertionError:", e, e.args)

def no_message(items):
    for it in items:
        assert it
    return len(items)
try:
    no_message([1, 2, 0])
except AssertionError as e:
    print("bare assert args", e.args, repr(str(e)))

class Msg:
    def __repr__(self):
        return "Msg()"
    def __str__(self):
        print("  __str__ evaluated")
        return "custom message"
try:
    assert False, Msg()
except AssertionError as e:
    print("message object:", e.args[0], type(e.args[0]).__name__)
evaluated = []
def side():
    evaluated.append(1)
    return "side effect"
assert True, side()
print("message not evaluated when assertion passes:", evaluated)
AssertionError_backup = AssertionError
def shadowed():
    AssertionError = KeyError
    try:
        assert False, "shadow"
    except KeyError:
        print("caught KeyError (wrong)")
    except AssertionError_backup as e:
        print("LOAD_ASSERTION_ERROR ignores shadowing:", e)
shadowed()
print(__debug__)
