# try/except/else/finally in every combination, with the flow printed.

def attempt(kind):
    log = []
    try:
        log.append("try")
        if kind == "value":
            raise ValueError("v")
        if kind == "key":
            {}["missing"]
        if kind == "zero":
            1 / 0
        if kind == "type":
            len(5)
        log.append("try-end")
    except ValueError as e:
        log.append("except ValueError %s" % e)
    except (KeyError, IndexError) as e:
        log.append("except lookup %r" % e)
    except ArithmeticError:
        log.append("except ArithmeticError")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

for kind in ["none", "value", "key", "zero", "type"]:
    try:
        print(kind, attempt(kind))
    except TypeError as e:
        print(kind, "escaped TypeError:", e)

def loop_with_handlers(n):
    out = []
    for i in range(n):
        try:
            if i % 4 == 0:
                raise IndexError(i)
            elif i % 4 == 1:
                out.append(10 // (i - 1))
            else:
                out.append(i)
        except IndexError as e:
            out.append("I%s" % e.args[0])
            continue
        except ZeroDivisionError:
            out.append("Z")
        else:
            out.append("e")
        finally:
            out.append("f")
    return out
print(loop_with_handlers(9))

def catch_all():
    try:
        raise RuntimeError("rt")
    except:
        import sys
        t, v, tb = sys.exc_info()
        print("bare except", t.__name__, v, tb.tb_lineno)
    import sys
    print("after", sys.exc_info())
catch_all()

def exception_var_is_deleted():
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    try:
        print(e)
    except UnboundLocalError as err:
        print("UnboundLocalError:", err)
exception_var_is_deleted()

def handler_order():
    try:
        raise KeyError("k")
    except LookupError:
        print("LookupError handler first")
    except KeyError:
        print("never")
handler_order()

def dynamic_handler(exc_types):
    try:
        raise exc_types[-1]("dyn")
    except exc_types as e:
        print("dynamic tuple caught", type(e).__name__)
dynamic_handler((TypeError, OSError))
try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as e:
    print("TypeError:", e)
def exc_in_else():
    try:
        pass
    except Exception:
        print("no")
    else:
        raise OSError("from else")
    finally:
        print("finally after else raise")
try:
    exc_in_else()
except OSError as e:
    print("caught", e)
def exc_in_finally():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
try:
    exc_in_finally()
except TypeError as e:
    print(repr(e), "context:", repr(e.__context__))
