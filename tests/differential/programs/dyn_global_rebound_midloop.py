# Globals rebound in the middle of a hot loop (from the loop itself, from a callee,
# via globals() dict, and by deleting them) - cached global lookups must notice.

SCALE = 2
def scaled(v):
    return v * SCALE

def hot_loop(n):
    global SCALE
    out = []
    for i in range(n):
        out.append(scaled(i))
        if i == 5:
            SCALE = 10
        elif i == 10:
            globals()["SCALE"] = 0.5
        elif i == 15:
            change_scale_elsewhere()
    return out

def change_scale_elsewhere():
    global SCALE
    SCALE = "s"

print(hot_loop(20))

LIMIT = 3
def uses_limit():
    total = 0
    for i in range(10):
        if i >= LIMIT:
            break
        total += i
    return total
results = []
for k in range(6):
    results.append(uses_limit())
    LIMIT = k * 2
print(results)

def reader():
    return maybe_missing
maybe_missing = 1
vals = []
for i in range(6):
    try:
        vals.append(reader())
    except NameError as e:
        vals.append("NameError")
    if i == 2:
        del maybe_missing
    if i == 4:
        maybe_missing = "back"
print(vals)

def loop_reads_global_function():
    acc = []
    for i in range(6):
        acc.append(helper(i))
        if i == 2:
            install_new_helper()
    return acc
def helper(x):
    return ("old", x)
def install_new_helper():
    global helper
    def helper(x):
        return ("new", x * 100)
print(loop_reads_global_function())

def many_globals():
    g = globals()
    for i in range(5):
        g["dyn_%d" % i] = i * i
    return sum(g["dyn_%d" % i] for i in range(5))
print(many_globals(), dyn_3)
counter = 0
def incr_via_exec():
    exec("global counter\ncounter += 1")
for _ in range(4):
    incr_via_exec()
print("counter", counter)
