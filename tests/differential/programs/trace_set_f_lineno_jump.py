# A trace function that jumps by assigning frame.f_lineno (skipping lines and repeating a line),
# plus f_trace_lines = False and per-frame tracing of only one function.
import sys

def target():
    out = []
    out.append("line A")
    out.append("line B")
    out.append("line C")
    out.append("line D")
    return out

base = target.__code__.co_firstlineno
jumped = {"done": False}
def jumper(frame, event, arg):
    if frame.f_code is not target.__code__:
        return None
    if event == "line" and frame.f_lineno == base + 3 and not jumped["done"]:
        jumped["done"] = True
        frame.f_lineno = base + 5
    return jumper

print("plain:", target())
sys.settrace(jumper)
r = target()
sys.settrace(None)
print("with forward jump:", r)

repeat = {"n": 0}
def repeater(frame, event, arg):
    if frame.f_code is not target.__code__:
        return None
    if event == "line" and frame.f_lineno == base + 4 and repeat["n"] < 2:
        repeat["n"] += 1
        frame.f_lineno = base + 3
    return repeater
sys.settrace(repeater)
r = target()
sys.settrace(None)
print("with backward jump:", r)

events = []
def quiet(frame, event, arg):
    if frame.f_code is target.__code__:
        frame.f_trace_lines = False
        events.append(event)
        return quiet
    return None
sys.settrace(quiet)
target()
sys.settrace(None)
print("events with f_trace_lines=False:", events)

def bad_jump(frame, event, arg):
    if frame.f_code is not target.__code__:
        return None
    if event == "line" and frame.f_lineno == base + 2:
        try:
            frame.f_lineno = base + 1000
        except ValueError as e:
            events.append("ValueError: " + str(e))
    return bad_jump
events.clear()
sys.settrace(bad_jump)
target()
sys.settrace(None)
print(events)
