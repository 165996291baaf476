# Exception raised inside an atexit handler is reported on stderr ("Exception ignored in
# atexit callback: <repr>"); the exit status stays 0.  The handler has a fixed repr
# so no object address appears in the output.
import atexit

class BadHandler:
    def __call__(self):
        print("bad handler running")
        raise ValueError("atexit failure")
    def __repr__(self):
        return "<BadHandler>"

atexit.register(print, "runs after the failing one")
atexit.register(BadHandler())
print("main body done")
