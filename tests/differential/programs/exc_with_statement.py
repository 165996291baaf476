# with statements: BEFORE_WITH, WITH_EXCEPT_START, suppression, nested, exceptions in __enter__/__exit__.
import contextlib

class CM:
    def __init__(self, name, suppress=False, fail_enter=False, fail_exit=False):
        self.name, self.suppress, self.fail_enter, self.fail_exit = name, suppress, fail_enter, fail_exit
    def __enter__(self):
        print("  enter", self.name)
        if self.fail_enter:
            raise RuntimeError("enter failed " + self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("  exit", self.name, et.__name__ if et else None, repr(ev), tb is not None)
        if self.fail_exit:
            raise KeyError("exit failed " + self.name)
        return self.suppress

with CM("plain") as c:
    print("body", c.name)
with CM("suppressing", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("not suppressing"):
        raise ValueError("escapes")
except ValueError as e:
    print("caught", e)
try:
    with CM("bad enter", fail_enter=True):
        print("never")
except RuntimeError as e:
    print("caught", e)
try:
    with CM("bad exit", fail_exit=True):
        raise ValueError("original")
except KeyError as e:
    print("caught", e, "context", repr(e.__context__))
with CM("a") as a, CM("b", suppress=True) as b, CM("c") as c:
    raise IndexError("innermost")
print("b suppressed it")

def ret_from_with():
    with CM("ret"):
        return "returned"
print(ret_from_with())
for i in range(3):
    with CM("loop%d" % i):
        if i == 0:
            continue
        if i == 2:
            break
        print("loop body", i)

@contextlib.contextmanager
def tag(name):
    print("  <%s>" % name)
    try:
        yield name.upper()
    except ZeroDivisionError:
        print("  handled ZeroDivisionError inside generator cm")
    finally:
        print("  </%s>" % name)

with tag("outer") as t1:
    with tag("inner") as t2:
        print("tags", t1, t2)
with tag("div"):
    1 / 0
print("after div")
with contextlib.suppress(KeyError, IndexError):
    [][0]
print("suppress ok")
with contextlib.ExitStack() as stack:
    for n in range(3):
        stack.enter_context(CM("stack%d" % n))
    stack.callback(print, "  callback ran")
    print("stack body")
class Truthy:
    def __enter__(self):
        return 1
    def __exit__(self, *a):
        return "non-empty string is true"
with Truthy():
    raise OSError
print("truthy exit suppressed")
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)
