# Raising a SystemExit subclass instance with code 42 from a method, through a with statement.
import sys

class Quit(SystemExit):
    pass

class Resource:
    def __enter__(self):
        print("acquire")
        return self
    def __exit__(self, et, ev, tb):
        print("release", et.__name__, ev.code)
        return False

class App:
    def run(self):
        with Resource():
            for i in range(3):
                print("tick", i)
            raise Quit(42)

App().run()
