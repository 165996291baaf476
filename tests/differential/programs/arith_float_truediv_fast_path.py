# True division of two exact floats is computed inline by compiled code; a zero divisor of either sign,
# float subclasses, ints, mixed int/float and objects with __truediv__/__rtruediv__ go the generic way.
import math


class F(float):
    def __truediv__(self, other):
        return "F.__truediv__"


class R:
    def __repr__(self):
        return "R()"

    def __rtruediv__(self, other):
        return "R.__rtruediv__"


def div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)
    except TypeError as e:
        return "TypeError: " + str(e)


def idiv(a, b):
    try:
        a /= b
        return a
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)


values = [1.0, -1.0, 0.0, -0.0, 3.5, 1e308, 5e-324, math.inf, -math.inf, math.nan, 7, 0, -3, 2**70, True,
          F(2.0), R()]
for a in values:
    print(repr(a), [repr(div(a, b)) for b in values])
    print(repr(a), [repr(idiv(a, b)) for b in values[:10]])
print(math.copysign(1.0, div(-0.0, 5.0)), math.copysign(1.0, div(0.0, -5.0)))
total = 0.0
for k in range(1, 2000):
    total += 1.0 / float(k)
print(total)
