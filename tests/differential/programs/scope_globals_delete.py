# STORE_GLOBAL / DELETE_GLOBAL / LOAD_GLOBAL, DELETE_FAST, DELETE_NAME, global statement in loops.

counter = 0
def bump(n):
    global counter
    for _ in range(n):
        counter += 1
    return counter
print(bump(3), bump(4), counter)

def create_global():
    global created
    created = "made in function"
create_global()
print(created)

def delete_global():
    global created
    del created
delete_global()
try:
    print(created)
except NameError as e:
    print("NameError:", e)
try:
    delete_global()
except NameError as e:
    print("NameError on second delete:", e)

def fast_delete():
    a = 1
    b = [a]
    del a
    try:
        print(a)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    a = "again"
    del b[0], a
    return b
print(fast_delete())

def unbound_before_assign():
    try:
        print(value)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    value = 1
    return value
print(unbound_before_assign())

temp = "module temp"
print(temp)
del temp
try:
    temp
except NameError as e:
    print("NameError:", e)
x, y = 1, 2
del x, y
print("x" in globals(), "y" in globals())
for i in range(3):
    loopvar = i * 2
del loopvar, i
print(sorted(k for k in globals() if not k.startswith("__")))

def read_builtin_shadowed_later():
    return len("abc")
print(read_builtin_shadowed_later())
len = lambda s: "shadowed len"
print(read_builtin_shadowed_later())
del len
print(read_builtin_shadowed_later())
def global_in_nested():
    def inner():
        global gvar
        gvar = "set by inner"
    inner()
    return gvar
print(global_in_nested())
