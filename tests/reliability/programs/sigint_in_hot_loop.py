# SIGINT arrives while the main thread spins in a compiled loop: the eval-breaker check on the
# back-edge must run the signal handler, and the KeyboardInterrupt must carry the loop's line.
import os
import signal
import threading


def spin():
    count = 0
    while True:
        count += 1


def interrupt_soon():
    # Sent only once the loop is surely running; the delay does not change what is printed.
    threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()


interrupt_soon()
try:
    spin()
except KeyboardInterrupt:
    print("caught KeyboardInterrupt from the loop")

caught = []
signal.signal(signal.SIGINT, lambda signum, frame: caught.append(frame.f_code.co_name))
interrupt_soon()


def spin_until_handled():
    while not caught:
        pass
    return caught[0]


print("handler ran in", spin_until_handled())
signal.signal(signal.SIGINT, signal.default_int_handler)
interrupt_soon()
spin()  # uncaught: the traceback and the exit status must be CPython's
