# Calls of C functions from hot code: builtin functions and method descriptors of every calling
# convention (METH_O, METH_NOARGS, METH_FASTCALL, with and without keywords), bound and unbound, with
# self of the exact type, of a subclass and of a wrong type, with wrong argument counts, and a C method
# that recurses back into Python at the recursion limit. Results, messages and tracebacks as in CPython.
import sys


class MyStr(str):
    def upper(self):
        return "MY:" + str.upper(self)


class MyList(list):
    pass


def hot_calls(n):
    words = ["alpha", "Beta", "gamma", "DELTA"]
    counts = {}
    out = []
    for i in range(n):
        w = words[i % 4]
        out.append(w.upper())                      # METH_NOARGS
        counts[w] = counts.get(w, 0) + 1           # METH_FASTCALL
        out.append(len(w) + ord(w[0]))             # builtin METH_O
        out.append("-".join([w, str(i % 3)]))      # METH_O on str
        out.append(w.split("a", 1))                # METH_FASTCALL | METH_KEYWORDS
        out.append(w.split(sep="m"))               # ... with keywords
        out.append(isinstance(w, str))             # builtin METH_FASTCALL
        out.append(str.lower(w))                   # unbound descriptor
        out.append(sorted(w, key=str.lower)[0])    # keywords to a builtin
        out.append(int("1" * (i % 5 + 1), base=2))  # builtin type call with keywords
        s = MyStr(w)
        out.append(s.upper())                      # a Python override
        out.append(s.lower())                      # descriptor, self of a subclass
        ml = MyList([i, 1])
        ml.append(2)                               # descriptor, self of a subclass
        out.append(len(ml))
    return len(out), out[-14:], sorted(counts.items())


def wrong_calls(n):
    errors = []
    calls = [
        lambda: "abc".upper(1),
        lambda: "abc".join(),
        lambda: str.upper(5),
        lambda: len(),
        lambda: len(1, 2),
        lambda: len(5),
        lambda: [].append(),
        lambda: {}.get(),
        lambda: ord("ab"),
        lambda: "x".split(1),
        lambda: "x".split(sep=1),
        lambda: list.append("notalist", 1),
    ]
    for i in range(n):
        try:
            calls[i % len(calls)]()
        except TypeError as e:
            errors.append(str(e))
    return sorted(set(errors))


class Deep:
    def __init__(self, depth):
        self.depth = depth

    def __repr__(self):
        return "D(%s)" % (repr(Deep(self.depth - 1)) if self.depth else "")


def recursion(n):
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(120)
    results = []
    try:
        for i in range(n):
            try:
                results.append(len(repr(Deep(30 + i % 3))))
                repr(Deep(500))
            except RecursionError as e:
                results.append(str(e))
    finally:
        sys.setrecursionlimit(old)
    return results[-4:]


for size in (3, 100):
    print(hot_calls(size))
    print(wrong_calls(size))
    print(recursion(size))
print(len([].append))  # a TypeError with a traceback to finish
