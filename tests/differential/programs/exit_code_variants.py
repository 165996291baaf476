# sys.exit(True) -> 1 after an atexit handler prints; atexit handlers run in LIFO order.
import atexit
import sys

def handler(name, value):
    print("atexit", name, value)

atexit.register(handler, "first", 1)
atexit.register(handler, "second", 2)
atexit.register(lambda: print("lambda handler"))
print("exit codes as ints:", int(True), int(False))
sys.stdout.flush()
sys.exit(True)
