# BaseException vs Exception: KeyboardInterrupt/GeneratorExit/SystemExit are not caught by
# `except Exception`; exception class hierarchy checks; catching by base classes; OSError subclasses.

def raise_and_classify(exc):
    try:
        try:
            raise exc
        except Exception as e:
            return "Exception caught %s" % type(e).__name__
    except BaseException as e:
        return "only BaseException caught %s" % type(e).__name__

for exc in [ValueError(), KeyboardInterrupt(), SystemExit(3), GeneratorExit(), StopIteration(), ArithmeticError(),
            RecursionError(), UnicodeDecodeError("utf-8", b"", 0, 1, "r"), FileNotFoundError(), BaseExceptionGroup("g", [KeyboardInterrupt()]),
            ExceptionGroup("e", [ValueError()]), StopAsyncIteration(), Warning(), DeprecationWarning()]:
    print(raise_and_classify(exc))
def mro_names(cls):
    return [c.__name__ for c in cls.__mro__]
for cls in [ZeroDivisionError, FileNotFoundError, UnicodeDecodeError, RecursionError, ModuleNotFoundError, KeyError, BrokenPipeError, TimeoutError]:
    print(cls.__name__, mro_names(cls))
print(OSError(2, "x").__class__.__name__, type(OSError(2, "x")).__name__, type(OSError(13, "denied")).__name__)
print(IOError is OSError, EnvironmentError is OSError, issubclass(TimeoutError, OSError))
class AppError(Exception):
    pass
class DbError(AppError, LookupError):
    pass
for handler in [AppError, LookupError, KeyError, Exception]:
    try:
        raise DbError("db")
    except handler as e:
        print(handler.__name__, "catches", type(e).__name__)
    except BaseException:
        print(handler.__name__, "does not catch")
try:
    raise KeyboardInterrupt("manual")
except KeyboardInterrupt as e:
    print("caught KeyboardInterrupt manually:", e)
class NotAnException:
    pass
try:
    try:
        raise ValueError
    except NotAnException:
        pass
except TypeError as e:
    print("TypeError:", e)
