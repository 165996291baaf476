# A tracer switched on from inside a loop running in tier 1 (or in compiled code after OSR): from the
# next call on, every event must be reported exactly as by python3.11, and the loop's frame itself goes
# on without line events (its f_trace is unset), as in CPython.
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        events.append((event, frame.f_lineno))
    return tracer


def traced(x):
    y = x + 1
    return y * 2


def profiler(frame, event, arg):
    if frame.f_code.co_name in ("traced", "run"):
        events.append(("profile", event, frame.f_code.co_name))


def run(n, switch_at, install):
    total = 0
    for i in range(n):
        if i == switch_at:
            install()
        total += traced(i)
    return total


print(run(3000, 2500, lambda: sys.settrace(tracer)))
sys.settrace(None)
print(len(events), events[:4], events[-4:])
events.clear()
print(run(3000, 2990, lambda: sys.setprofile(profiler)))
sys.setprofile(None)
print(len(events), events[:4], events[-3:])
