# Closures: MAKE_CELL, LOAD_CLOSURE, COPY_FREE_VARS, LOAD_DEREF/STORE_DEREF, nonlocal counters,
# cells shared between several closures, cells of arguments, cells mutated in loops.

def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    def reset():
        nonlocal count
        count = start
    return inc, get, reset

inc, get, reset = make_counter(10)
for i in range(5):
    inc(i)
    print("count", get())
reset()
print("after reset", get(), inc(), inc(100))

def cell_arg(x):
    def show():
        return x * 2
    x += 1
    r1 = show()
    x = "now a string"
    return r1, show()
print(cell_arg(5))

def shared_cells():
    fs = []
    acc = []
    for i in range(3):
        def f(i=i):
            acc.append(i)
            return len(acc)
        fs.append(f)
    return [g() for g in fs], acc
print(shared_cells())

def loop_cell():
    funcs = []
    for i in range(3):
        funcs.append(lambda: i)
    i = 99
    return [f() for f in funcs]
print(loop_cell())

def three_levels():
    a = 1
    def mid():
        b = 2
        def inner():
            nonlocal a, b
            a += 10
            b += 20
            return a + b
        r = inner()
        return r, b
    r = mid()
    return r, a
print(three_levels())

def counter_gen():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for v in range(1, 6):
        add(v)
        yield total
print(list(counter_gen()))

def closure_in_class_method():
    secret = "s3cret"
    class K:
        def reveal(self):
            return secret
        def set(self, v):
            nonlocal secret
            secret = v
    k = K()
    first = k.reveal()
    k.set("changed")
    return first, k.reveal(), secret
print(closure_in_class_method())

def fn_with_closure_attr():
    x = [1]
    def f():
        return x
    return f
f = fn_with_closure_attr()
print(f.__closure__[0].cell_contents, f.__code__.co_freevars, fn_with_closure_attr.__code__.co_cellvars)
f.__closure__[0].cell_contents = ["replaced"]
print(f())

def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed
h = compose(lambda v: v + 1, lambda v: v * 2, abs)
print([h(v) for v in range(-3, 4)])
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
