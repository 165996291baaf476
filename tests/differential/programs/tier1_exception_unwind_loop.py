# Exceptions raised and caught inside hot loops, in the frame that raised them: the handler runs in
# the same activation (tier 1 unwinds to it, then the loop can go on into compiled code). Tracebacks,
# sys.exc_info(), `as` bindings, finally blocks, nested handlers, re-raises and lasti handlers must all
# look exactly as in CPython, before and after the loop gets hot.
import sys
import traceback


class Custom(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def fail_at(depth, i):
    if depth == 0:
        if i % 3 == 0:
            raise Custom(i)
        return i
    return fail_at(depth - 1, i) + 1


def loop_basic(n):
    caught = 0
    total = 0
    for i in range(n):
        try:
            total += fail_at(2, i)
        except Custom as e:
            caught += e.code
            assert sys.exc_info()[1] is e
        assert sys.exc_info() == (None, None, None)
    return caught, total


def loop_finally(n):
    log = []
    for i in range(n):
        try:
            try:
                if i % 4 == 1:
                    raise ValueError(i)
                if i % 4 == 2:
                    {}[i]
            finally:
                log.append(i % 4)
        except ValueError as e:
            log.append(("v", e.args[0] % 7))
        except KeyError as e:
            log.append(("k", e.args[0] % 5))
    return len(log), log[-6:]


def loop_nested_reraise(n):
    seen = []
    for i in range(n):
        try:
            try:
                1 // (i % 5)
            except ZeroDivisionError:
                if i % 10 == 0:
                    raise  # re-raise: no new traceback entry
                seen.append(i)
        except ZeroDivisionError as outer:
            tb = outer.__traceback__
            lines = []
            while tb is not None:
                lines.append(tb.tb_lineno)
                tb = tb.tb_next
            seen.append(("outer", len(lines)))
    return seen[-5:], len(seen)


def loop_traceback_text(n):
    texts = set()
    for i in range(n):
        try:
            values = [1, 2, 3]
            values[i % 5]
        except IndexError:
            texts.add(traceback.format_exc())
    return sorted(texts)


def loop_with_statement(n):
    class Manager:
        def __init__(self):
            self.exits = 0

        def __enter__(self):
            return self

        def __exit__(self, kind, value, tb):
            self.exits += 1
            return kind is KeyError  # swallow KeyErrors only

    manager = Manager()
    errors = 0
    for i in range(n):
        try:
            with manager:
                if i % 3 == 0:
                    raise KeyError(i)
                if i % 7 == 0:
                    raise OSError(i)
        except OSError:
            errors += 1
    return manager.exits, errors


def loop_handler_raises(n):
    count = 0
    for i in range(n):
        try:
            try:
                raise TypeError("first %d" % i)
            except TypeError as e:
                raise RuntimeError("second") from e
        except RuntimeError as e:
            if isinstance(e.__cause__, TypeError) and e.__context__ is e.__cause__:
                count += 1
    return count


def loop_stop_iteration(n):
    total = 0
    for i in range(n):
        it = iter(range(i % 4))
        while True:
            try:
                total += next(it)
            except StopIteration:
                break
    return total


def loop_key_error(n):
    table = {}
    for i in range(n):
        key = i % 17
        try:
            table[key] += 1
        except KeyError:
            table[key] = 1
    return sorted(table.items())[:3]


def escape_late(n):
    for i in range(n):
        try:
            if i == n - 1:
                raise LookupError("late %d" % i)
        except KeyError:
            pass


for size in (5, 300):
    print(loop_basic(size))
    print(loop_finally(size))
    print(loop_nested_reraise(size))
    print(loop_traceback_text(size))
    print(loop_with_statement(size))
    print(loop_handler_raises(size))
    print(loop_stop_iteration(size))
    print(loop_key_error(size))
try:
    escape_late(200)
except LookupError as e:
    print("escaped:", e)
escape_late(100)
