# Deeply nested try blocks, handlers raising new exceptions, exceptions crossing frames,
# sys.exc_info inside nested handlers, exception state restored after handlers.
import sys

def state():
    t = sys.exc_info()[0]
    return t.__name__ if t else None

def level3(x):
    if x == 0:
        raise ValueError("zero")
    if x == 1:
        raise KeyError("one")
    return x

def level2(x):
    try:
        return level3(x)
    except KeyError as e:
        print("  level2 handles", repr(e), "state", state())
        try:
            raise IndexError("from level2")
        except IndexError:
            print("  nested state", state())
        print("  back to", state())
        return -1
    finally:
        print("  level2 finally, state", state())

def level1(x):
    try:
        return level2(x)
    except ValueError as e:
        print("  level1 handles", e, "state", state())
        return -2

for x in (0, 1, 2):
    print(x, "->", level1(x), "state after", state())

def generator_exc_state():
    try:
        raise TypeError("outside")
    except TypeError:
        def g():
            print("  in gen state", state())
            yield 1
            print("  in gen resumed state", state())
            yield 2
        it = g()
        print(next(it))
    print("outside handler state", state())
    print(next(it))
generator_exc_state()

def many_levels(n):
    if n == 0:
        raise OverflowError("deep")
    try:
        many_levels(n - 1)
    except OverflowError as e:
        if n % 3 == 0:
            raise ArithmeticError("wrapped at %d" % n) from e
        raise
try:
    many_levels(10)
except ArithmeticError as e:
    print(type(e).__name__, e, "cause", e.__cause__)
count = 0
for i in range(200):
    try:
        try:
            if i % 7 == 0:
                raise ValueError
            if i % 11 == 0:
                raise TypeError
        except ValueError:
            count += 1
            if i % 2:
                raise
    except (ValueError, TypeError):
        count += 100
print("count", count)
