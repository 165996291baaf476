# settrace/setprofile events for exceptions (exception events in each frame, c_exception),
# generator resumption (call/return per resume) and coroutines, printed in order.
import sys

events = []
def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name.startswith("t_"):
        rel = frame.f_lineno - frame.f_code.co_firstlineno
        extra = arg[0].__name__ if event == "exception" else (repr(arg) if event == "return" else "")
        events.append("%s %s +%d %s" % (event, name, rel, extra))
        return tracer
    return None

def t_inner():
    raise KeyError("x")
def t_outer():
    try:
        t_inner()
    except KeyError:
        return "recovered"
def t_gen():
    yield 1
    try:
        yield 2
    finally:
        pass
def t_uncaught():
    return 1 / 0

sys.settrace(tracer)
t_outer()
for v in t_gen():
    pass
try:
    t_uncaught()
except ZeroDivisionError:
    pass
g = t_gen()
next(g)
g.close()
sys.settrace(None)
for e in events:
    print(e)

pevents = []
def profiler(frame, event, arg):
    if event.startswith("c_"):
        pevents.append("%s %s" % (event, arg.__name__))
    elif frame.f_code.co_name.startswith("t_"):
        pevents.append("%s %s" % (event, frame.f_code.co_name))
def t_calls_c():
    try:
        int("bad")
    except ValueError:
        pass
    return len("abc")
sys.setprofile(profiler)
t_calls_c()
list(t_gen())
sys.setprofile(None)
for e in pevents:
    print(e)
