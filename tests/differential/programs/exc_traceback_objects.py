# Traceback objects: tb_next chains, tb_lineno, tb_frame.f_code.co_name, traceback.format_*
# with relative information only (no absolute paths printed), exception attributes.
import sys
import traceback

def a():
    b()
def b():
    c()
def c():
    {}["missing"]

try:
    a()
except KeyError as e:
    tb = e.__traceback__
    chain = []
    while tb:
        chain.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(chain)
    frames = traceback.extract_tb(e.__traceback__)
    print([(f.name, f.lineno, f.line) for f in frames])
    print(traceback.format_exception_only(type(e), e))

def reraise_keeps_tb():
    try:
        c()
    except KeyError:
        raise
try:
    reraise_keeps_tb()
except KeyError as e:
    print([f.name for f in traceback.extract_tb(e.__traceback__)])

def with_traceback():
    try:
        c()
    except KeyError as e:
        raise RuntimeError("new").with_traceback(e.__traceback__)
try:
    with_traceback()
except RuntimeError as e:
    print([f.name for f in traceback.extract_tb(e.__traceback__)])

try:
    raise ValueError("args", 1, 2)
except ValueError as e:
    print(e.args, str(e), repr(e))
try:
    raise OSError(2, "No such file", "name.txt")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))
try:
    open("/nonexistent_dir_for_test/x")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)
try:
    int("12a")
except ValueError as e:
    print(e)
e = KeyError("k")
print(repr(e), str(e), str(KeyError()), str(KeyError("a", "b")), repr(StopIteration(5).value))
class MyErr(Exception):
    def __init__(self, code):
        self.code = code
        super().__init__("code %d" % code)
try:
    raise MyErr(7)
except MyErr as err:
    print(err.code, err, err.args, isinstance(err, Exception))
print(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad").reason, SyntaxError("m", ("f", 1, 2, "t")).lineno)
import io
buf = io.StringIO()
try:
    a()
except KeyError:
    traceback.print_exc(file=buf, limit=-1)
lines = buf.getvalue().splitlines()
print(lines[0], lines[-1], len(lines))
summary = traceback.StackSummary.extract(traceback.walk_stack(sys._getframe()), limit=1)
print([f.name for f in summary])
try:
    a()
except KeyError:
    et, ev, etb = sys.exc_info()
    print(et.__name__, ev, etb.tb_frame.f_code.co_name, etb.tb_next.tb_frame.f_code.co_name)
e2 = ValueError("with note")
e2.add_note("note 1")
print(e2.__notes__, traceback.format_exception_only(ValueError, e2))
