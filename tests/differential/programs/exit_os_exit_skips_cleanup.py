# os._exit(7) skips finally blocks and atexit handlers (stdout flushed explicitly first).
import atexit
import os
import sys

atexit.register(print, "atexit must not run")
try:
    print("about to os._exit")
    sys.stdout.flush()
    os._exit(7)
finally:
    print("finally must not run")
