# Frames kept alive after their function finished: locals visible through tracebacks of exceptions
# (post-mortem style), frame objects returned from functions, f_lineno/f_lasti of dead frames,
# frame.clear().
import sys

def compute(values):
    total = 0
    scratch = []
    for idx, v in enumerate(values):
        scratch.append(v * 2)
        total += 10 // v
    return total

try:
    compute([5, 2, 0, 7])
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    fr = tb.tb_frame
    print(fr.f_code.co_name, tb.tb_lineno, sorted(fr.f_locals.items(), key=lambda kv: kv[0]))

def keep_frame():
    secret = "kept"
    counter = 41
    counter += 1
    return sys._getframe()
f = keep_frame()
print(f.f_code.co_name, f.f_locals["secret"], f.f_locals["counter"], f.f_lineno - f.f_code.co_firstlineno, f.f_back.f_code.co_name if f.f_back else None)
f.clear()
print(f.f_locals)

def gen_frame():
    local_in_gen = [1, 2]
    yield sys._getframe()
    local_in_gen.append(3)
    yield None
g = gen_frame()
gf = next(g)
print(gf.f_locals["local_in_gen"], gf is g.gi_frame)
next(g)
print(gf.f_locals["local_in_gen"])
try:
    gf.clear()
except RuntimeError as e:
    print("RuntimeError:", e)
def nested_fail(n):
    marker = "level %d" % n
    if n == 0:
        raise LookupError(marker)
    return nested_fail(n - 1)
try:
    nested_fail(3)
except LookupError as e:
    markers = []
    tb = e.__traceback__
    while tb:
        markers.append(tb.tb_frame.f_locals.get("marker", "<module>"))
        tb = tb.tb_next
    print(markers)
def locals_mutated_after_capture():
    x = 1
    fr = sys._getframe()
    snapshot1 = dict(fr.f_locals)
    x = 2
    y = 3
    snapshot2 = dict(fr.f_locals)
    return snapshot1.get("x"), snapshot2.get("x"), "y" in snapshot1, snapshot2.get("y")
print(locals_mutated_after_capture())
