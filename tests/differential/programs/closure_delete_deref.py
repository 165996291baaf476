# DELETE_DEREF and unbound free variables: NameError messages for cells/free vars.

def outer():
    x = "value"
    def reader():
        return x
    print("before del:", reader())
    del x
    try:
        print(reader())
    except NameError as e:
        print("NameError:", e)
    try:
        print(x)
    except NameError as e:
        print("UnboundLocalError?", type(e).__name__, e)
    x = "rebound"
    print("after rebind:", reader())
outer()

def never_assigned_yet():
    def inner():
        return late
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    late = 5
    return inner()
print(never_assigned_yet())

def del_nonlocal():
    v = 1
    def killer():
        nonlocal v
        del v
    def reader():
        return v
    killer()
    try:
        reader()
    except NameError as e:
        print("after nonlocal del:", e)
del_nonlocal()

def del_in_loop():
    for i in range(3):
        cell = i * 10
        f = lambda: cell
        print("loop", i, f())
        del cell
        try:
            f()
        except NameError as e:
            print("  deleted:", e)
del_in_loop()
