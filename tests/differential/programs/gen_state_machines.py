# Generators as coroutines/state machines: ping-pong between two generators, a parser fed
# character by character via send(), a scheduler, and recursive generator permutations.

def parser():
    tokens = []
    buf = ""
    while True:
        ch = yield tokens
        tokens = []
        if ch is None:
            if buf:
                tokens.append(buf)
            yield tokens
            return
        if ch.isalnum():
            buf += ch
        else:
            if buf:
                tokens.append(buf)
                buf = ""
            if not ch.isspace():
                tokens.append(ch)

p = parser()
next(p)
out = []
for ch in "foo(bar, 42) + baz":
    out.extend(p.send(ch))
out.extend(p.send(None))
print(out)

def ping(n):
    msg = yield "start"
    for i in range(n):
        msg = yield "ping %d after %s" % (i, msg)
def pong():
    msg = yield
    while True:
        msg = yield "pong for [%s]" % msg
a, b = ping(4), pong()
next(b)
m = next(a)
try:
    while True:
        r = b.send(m)
        print(m, "->", r)
        m = a.send(r)
except StopIteration:
    print("ping finished")

def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [items[i]] + rest
print(["".join(p) for p in permutations("abcd")][:12], sum(1 for _ in permutations(list(range(6)))))

def traffic_light():
    state = "green"
    while True:
        cmd = yield state
        if cmd == "tick":
            state = {"green": "yellow", "yellow": "red", "red": "green"}[state]
        elif cmd == "reset":
            state = "red"
t = traffic_light()
print([next(t)] + [t.send(c) for c in ["tick", "tick", "tick", "reset", "tick", None]])

def subsets(s):
    if not s:
        yield ()
        return
    for rest in subsets(s[1:]):
        yield rest
        yield (s[0],) + rest
print(sorted(subsets("abc"), key=lambda t: (len(t), t)))
