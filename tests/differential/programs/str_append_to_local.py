# `s += t` / `s = s + t` followed by a store to the same local: pyjit appends into the local like
# CPython 3.11's BINARY_OP_INPLACE_ADD_UNICODE. Aliases must keep their old value, other types and str
# subclasses take the ordinary path, and errors leave the same traceback.


class Shout(str):
    def __add__(self, other):
        return Shout(str.__add__(self, other).upper())


def build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return s


def aliases():
    s = "ab"
    t = s
    s += "cd"
    s = s + "ef"
    s += s
    return s, t


def mixed(values):
    out = []
    for v in values:
        acc = v
        acc += v
        out.append(acc)
    return out


def subclass():
    s = Shout("hi")
    s += " there"
    return s, type(s).__name__


def fails():
    s = "x"
    try:
        s += 5
    except TypeError as e:
        print("TypeError:", e)
    print("s is still", repr(s))
    s = "y"
    s = s + None


def main():
    text = build(20000)
    print(len(text), text[:12], text[-5:])
    print(aliases())
    print(mixed(["a", 1, 2.5, [1], (2,), b"z"]))
    print(subclass())
    for _ in range(3):
        print(len(build(3000)))
    fails()


main()
