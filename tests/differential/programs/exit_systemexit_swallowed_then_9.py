# A `return` in finally swallows SystemExit; an `except BaseException` sees it; finally the
# program exits with status 9 from inside a generator's finally during close().
import sys

def swallow():
    try:
        sys.exit(5)
    finally:
        return "swallowed exit 5"
print(swallow())
try:
    sys.exit(6)
except BaseException as e:
    print("caught", type(e).__name__, e.code)

def gen():
    try:
        yield "running"
    finally:
        print("generator cleanup exits")
        sys.exit(9)
g = gen()
print(next(g))
g.close()
print("not reached")
