# return / break / continue inside finally, and finally overriding returns and exceptions.

def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(ret_in_finally())

def ret_in_finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(ret_in_finally_swallows())

def finally_runs_on_return():
    log = []
    def inner():
        try:
            log.append("try")
            return len(log)
        finally:
            log.append("finally")
    r = inner()
    return r, log
print(finally_runs_on_return())

def break_in_finally():
    out = []
    for i in range(5):
        try:
            if i == 2:
                raise KeyError(i)
            out.append(i)
        finally:
            if i == 2:
                break
    return out
print(break_in_finally())

def continue_in_finally():
    out = []
    for i in range(5):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        finally:
            out.append("f%d" % i)
            continue
    return out
print(continue_in_finally())

def nested_finally():
    log = []
    try:
        try:
            try:
                log.append("inner try")
                return "inner"
            finally:
                log.append("inner finally")
        finally:
            log.append("middle finally")
    finally:
        log.append("outer finally")
        print(log)
print(nested_finally())

def while_with_finally(n):
    i = 0
    acc = []
    while True:
        try:
            i += 1
            if i > n:
                break
            if i % 3 == 0:
                continue
            acc.append(i)
        finally:
            acc.append("|")
    return acc
print(while_with_finally(7))

def return_value_evaluated_before_finally():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(return_value_evaluated_before_finally())

def finally_in_generator():
    try:
        yield 1
        return
    finally:
        print("  gen finally")
print(list(finally_in_generator()))

def deep(n):
    try:
        if n == 0:
            raise ValueError("bottom")
        return deep(n - 1)
    finally:
        print("  unwinding", n)
try:
    deep(4)
except ValueError as e:
    print("caught", e)

def for_else_with_finally(items):
    for it in items:
        try:
            if it == "stop":
                break
        finally:
            print("  visit", it)
    else:
        return "no break"
    return "broke"
print(for_else_with_finally(["a", "b"]), for_else_with_finally(["a", "stop", "c"]))
