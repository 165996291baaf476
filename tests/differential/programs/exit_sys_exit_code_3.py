# sys.exit(3) from inside nested functions and a try/finally: finally runs, exit code 3.
import sys

def inner(n):
    print("inner", n)
    if n == 3:
        sys.exit(n)
    return n

def outer():
    try:
        for i in range(10):
            inner(i)
    finally:
        print("outer finally runs")

try:
    outer()
except Exception:
    print("SystemExit is not an Exception, this is not printed")
print("not reached")
