# Re-raise (bare raise, RERAISE), implicit chaining (__context__), explicit chaining
# (raise ... from), from None, exceptions replaced in handlers.

def show(e):
    print(type(e).__name__, e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__),
          "| suppress:", e.__suppress_context__)

def reraise_bare():
    try:
        raise ValueError("inner")
    except ValueError:
        print("  handling, re-raising")
        raise
try:
    reraise_bare()
except ValueError as e:
    show(e)

def implicit_chain():
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("while handling")
try:
    implicit_chain()
except RuntimeError as e:
    show(e)

def explicit_chain():
    try:
        int("zz")
    except ValueError as exc:
        raise LookupError("converted") from exc
try:
    explicit_chain()
except LookupError as e:
    show(e)

def from_none():
    try:
        [][1]
    except IndexError:
        raise TypeError("clean") from None
try:
    from_none()
except TypeError as e:
    show(e)

def raise_class_from_class():
    raise ValueError from KeyError
try:
    raise_class_from_class()
except ValueError as e:
    show(e)

def reraise_stored():
    saved = None
    try:
        1 / 0
    except ZeroDivisionError as e:
        saved = e
    raise saved
try:
    reraise_stored()
except ZeroDivisionError as e:
    show(e)
    n, tb = 0, e.__traceback__
    while tb is not None:
        n, tb = n + 1, tb.tb_next
    print("tb frames:", n)

def reraise_after_inner_handler():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            pass
        raise
try:
    reraise_after_inner_handler()
except ValueError as e:
    show(e)

def bad_raise():
    raise 5
try:
    bad_raise()
except TypeError as e:
    show(e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    show(e)
try:
    raise
except RuntimeError as e:
    show(e)

def chain_loop(n):
    try:
        if n == 0:
            raise OSError("base")
        chain_loop(n - 1)
    except OSError as e:
        raise OSError("level %d" % n)
try:
    chain_loop(3)
except OSError as e:
    depth = 0
    while e is not None:
        print("  ", depth, e)
        e = e.__context__
        depth += 1
only = ValueError("only")
print("%s: %s" % (type(only).__name__, only))
