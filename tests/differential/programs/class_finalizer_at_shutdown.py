# Finalizers that run during interpreter shutdown: module globals still alive at exit are
# destroyed after atexit handlers; a JIT that keeps extra references to globals or frames
# changes this order.
import atexit

class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("destroy", self.name)

def use(r):
    return r.name.upper()

first = Res("first")
second = Res("second")
holder = [Res("in-list")]
for i in range(3):
    print(use(first), use(second), use(holder[0]))
atexit.register(print, "atexit handler")
print("end of main")
