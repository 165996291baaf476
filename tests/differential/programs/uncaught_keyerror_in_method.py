# Uncaught KeyError from inside a method called through a property; exception has a note.

class Registry:
    def __init__(self):
        self.items = {"a": 1, "b": 2}
    @property
    def c_value(self):
        return self.lookup("c")
    def lookup(self, k):
        try:
            return self.items[k]
        except KeyError as e:
            e.add_note("registry keys: %s" % ", ".join(sorted(self.items)))
            e.add_note("second note")
            raise

r = Registry()
print(r.lookup("a"), r.lookup("b"))
print(r.c_value)
