# Exceptions inside loops that run in tier 1 (and, past the threshold, in compiled code after OSR):
# caught in the loop, raised by a custom iterator's __next__, raised from nested calls, and finally one
# uncaught exception whose traceback passes through loop frames.


class Countdown:
    def __init__(self, n, fail_at=None):
        self.n = n
        self.fail_at = fail_at

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == self.fail_at:
            raise ValueError(f"iterator failed at {self.n}")
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


def parse_all(items):
    good, bad = 0, 0
    for item in items:
        try:
            good += int(item)
        except ValueError as e:
            bad += 1
            last = str(e)
    return good, bad, last


def iterator_failure(n):
    total = 0
    try:
        for value in Countdown(n, fail_at=n // 3):
            total += value
    except ValueError as e:
        print("caught:", e, total)
    return total


def divide_many(n):
    results = []
    for i in range(n):
        try:
            results.append(100 // (i % 10))
        except ZeroDivisionError:
            results.append(None)
        finally:
            pass
    return results.count(None), sum(r for r in results if r is not None)


def helper(i):
    if i == 1777:
        raise KeyError(i)
    return i


def call_raising(n):
    total = 0
    for i in range(n):
        try:
            total += helper(i)
        except KeyError as e:
            print("helper raised", repr(e), "at", total)
    return total


def loop_then_uncaught(n):
    data = {}
    for i in range(n):
        data[i % 50] = data.get(i % 50, 0) + 1
    for i in range(n):
        if data[i % 50] == 0:
            break
    return data[n]  # KeyError with a traceback through this frame


items = [str(i) if i % 13 else f"x{i}" for i in range(3000)]
print(parse_all(items))
print(iterator_failure(3000))
print(divide_many(2000))
print(call_raising(3000))
print(loop_then_uncaught(3000))
