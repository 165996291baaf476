# A trace function that records line events with local values and modifies a local
# variable through frame.f_locals (3.11 writes it back to the fast locals after the trace call).
import sys

log = []
def tracer(frame, event, arg):
    if frame.f_code.co_name != "target":
        return None
    if event == "line":
        rel = frame.f_lineno - frame.f_code.co_firstlineno
        loc = {k: v for k, v in frame.f_locals.items()}
        log.append((rel, sorted(loc.items())))
        if loc.get("i") == 2 and "x" in loc:
            frame.f_locals["x"] = 1000
    elif event == "return":
        log.append(("return", arg))
    return tracer

def target(n):
    x = 0
    for i in range(n):
        x += i
    return x

print("untraced", target(4))
sys.settrace(tracer)
r = target(4)
sys.settrace(None)
print("traced", r)
for entry in log:
    print(entry)
print("untraced again", target(4))
log.clear()
def opcode_tracer(frame, event, arg):
    if frame.f_code.co_name != "small":
        return None
    frame.f_trace_opcodes = True
    if event == "opcode":
        log.append(("opcode", frame.f_lasti))
    elif event != "call":
        log.append((event, frame.f_lineno - frame.f_code.co_firstlineno))
    return opcode_tracer
def small(a):
    b = a + 1
    return b * 2
sys.settrace(opcode_tracer)
print(small(3))
sys.settrace(None)
print(log)
