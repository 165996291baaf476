# A custom sys.excepthook handles the uncaught exception (prints a custom report to stderr);
# exit status is still 1.
import sys

def hook(exc_type, exc, tb):
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    sys.stderr.write("custom hook: %s(%s) via %s\n" % (exc_type.__name__, exc, " -> ".join(frames)))

sys.excepthook = hook

def fail(v):
    return {"a": 1}[v]

def run():
    for k in ["a", "a", "b"]:
        print("lookup", k, fail(k))

run()
