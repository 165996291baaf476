# len(), isinstance() and list.append() in hot loops: CPython 3.11 runs them without calling the builtin
# (PRECALL_NO_KW_LEN / _ISINSTANCE / _LIST_APPEND) and so does pyjit; the errors, subclasses, rebinding
# and the objects' own hooks must behave exactly as the builtins do.
import builtins


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Meta(type):
    def __instancecheck__(cls, instance):
        if instance == "boom":
            raise RuntimeError("instancecheck failed")
        return isinstance(instance, int)


class IntLike(metaclass=Meta):
    pass


class LoggingList(list):
    def append(self, item):
        print("LoggingList.append", item)
        super().append(item)


def lengths(items):
    total = 0
    for item in items:
        total += len(item)
    return total


def kinds(items):
    counts = [0, 0, 0, 0]
    for item in items:
        if isinstance(item, bool):
            counts[0] += 1
        elif isinstance(item, (int, float)):
            counts[1] += 1
        elif isinstance(item, IntLike):
            counts[2] += 1
        else:
            counts[3] += 1
    return counts


def collect(n, target):
    for i in range(n):
        target.append(i * i)
        list.append(target, -i)
    return target


def main():
    data = ["ab", [1, 2, 3], (), {"k": 1}, Sized(7), range(10), b"xyz"] * 300
    print("lengths", lengths(data))
    for bad in (Sized(-1), Sized(2 ** 70), 42, Sized("x")):
        try:
            print(lengths(["abc", bad]))
        except Exception as exc:
            print("len error:", type(exc).__name__, exc)

    mixed = [True, 3, 2.5, "s", None, 10 ** 30, [1]] * 400
    print("kinds", kinds(mixed))
    try:
        kinds([1, "boom"])
    except RuntimeError as exc:
        print("isinstance error:", exc)
    try:
        for i in range(2000):
            isinstance(i, 5)
    except TypeError as exc:
        print("isinstance error:", exc)

    plain = collect(1500, [])
    print("plain", len(plain), plain[:6], plain[-4:])
    logged = collect(3, LoggingList())
    print("logged", logged, type(logged).__name__)
    try:
        for i in range(1500):
            list.append((), i)
    except TypeError as exc:
        print("append error:", exc)

    # Rebinding the builtins mid-loop: the rebound names are what runs.
    calls = []
    original_len = builtins.len
    for i in range(3000):
        if i == 2500:
            builtins.len = lambda obj: calls.append(obj) or -1
        value = len("xyz")
    builtins.len = original_len
    print("rebound len", value, len(calls))


main()
