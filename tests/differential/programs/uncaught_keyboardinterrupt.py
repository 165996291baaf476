# An uncaught KeyboardInterrupt: CPython prints the traceback and exits via SIGINT
# (exit status -2 as seen by subprocess / 130 in a shell).
import sys

def busy(n):
    s = 0
    for i in range(n):
        s += i
        if i == n // 2:
            print("interrupting at", i, "sum", s)
            sys.stdout.flush()
            raise KeyboardInterrupt
    return s

print(busy(10))
busy(1000)
