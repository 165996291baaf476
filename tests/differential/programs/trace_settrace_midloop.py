# sys.settrace switched on in the middle of a running loop (via a callee that sets
# frame.f_trace on the caller), events printed, then switched off again mid-loop.
import sys

events = []
def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name in ("tracer", "enable", "disable"):
        return tracer
    rel = frame.f_lineno - frame.f_code.co_firstlineno
    events.append("%s %s +%d %s" % (event, name, rel,
                                    repr(arg) if event in ("return", "exception") and not isinstance(arg, tuple)
                                    else (arg[0].__name__ if isinstance(arg, tuple) else "")))
    return tracer

def enable():
    sys.settrace(tracer)
    sys._getframe(1).f_trace = tracer

def disable():
    sys.settrace(None)

def helper(v):
    w = v * 2
    return w

def running_loop(n):
    total = 0
    for i in range(n):
        total += helper(i)
        if i == 2:
            enable()
        if i == 4:
            disable()
    return total

print(running_loop(7))
for e in events:
    print(e)

events.clear()
def raises():
    raise KeyError("k")
def catches():
    try:
        raises()
    except KeyError:
        pass
    return "ok"
sys.settrace(tracer)
catches()
sys.settrace(None)
for e in events:
    print(e)

events.clear()
def gen():
    yield 1
    yield 2
sys.settrace(tracer)
list(gen())
sys.settrace(None)
for e in events:
    print(e)
print(sys.gettrace())
