# f_lasti and f_lineno of the current and calling frames at many points, including inside
# loops, after calls, in nested expressions and in generators.
import sys

def here():
    f = sys._getframe(1)
    return (f.f_lineno, f.f_lasti)

def sample():
    out = [here()]
    x = 1
    out.append(here())
    for i in range(3):
        out.append(here())
        x += i
    out.append((here(),
                here()))
    if x > 2:
        out.append(here())
    else:
        out.append("no")
    return out
for item in sample():
    print(item)

def lasti_progress():
    f = sys._getframe()
    seen = []
    seen.append(f.f_lasti)
    a = 1 + 2
    seen.append(f.f_lasti)
    seen.append(f.f_lasti)
    return seen, seen == sorted(seen)
print(lasti_progress())

def gen_lines():
    f = sys._getframe()
    yield f.f_lineno
    yield f.f_lineno
    for _ in range(2):
        yield f.f_lineno, f.f_lasti
g = gen_lines()
print(list(g))
g2 = gen_lines()
next(g2)
print("suspended lasti", g2.gi_frame.f_lasti, "lineno", g2.gi_frame.f_lineno)
next(g2)
print("suspended lasti", g2.gi_frame.f_lasti, "lineno", g2.gi_frame.f_lineno)
def exc_lines():
    try:
        raise ValueError
    except ValueError:
        tb = sys.exc_info()[2]
        return tb.tb_lineno, tb.tb_lasti, tb.tb_frame.f_lineno
print(exc_lines())
def multi_line_call():
    return here(
    )
print(multi_line_call())
print(here())
