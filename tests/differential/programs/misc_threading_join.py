# Threads that each compute into their own slot; all output printed after join(), so the
# result does not depend on scheduling. Locks, Events and a Queue with a single consumer.
import threading
import queue

results = [None] * 4
def work(idx, n):
    total = 0
    for i in range(n):
        total += (i * idx) % 7
    results[idx] = (idx, total)
threads = [threading.Thread(target=work, args=(i, 20000)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)

counter = 0
lock = threading.Lock()
def incr(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
ts = [threading.Thread(target=incr, args=(5000,)) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter", counter)

q = queue.Queue()
def producer(pid):
    for i in range(5):
        q.put((pid, i))
ps = [threading.Thread(target=producer, args=(p,)) for p in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
items = []
while not q.empty():
    items.append(q.get())
print(sorted(items), len(items))
ev = threading.Event()
box = []
def waiter():
    ev.wait()
    box.append("woken")
t = threading.Thread(target=waiter)
t.start()
ev.set()
t.join()
print(box)
local = threading.local()
out = {}
def uses_local(name):
    local.name = name
    out[name] = local.name
ts = [threading.Thread(target=uses_local, args=("t%d" % i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out.items()), hasattr(local, "name"))
def raiser():
    raise ValueError("in thread")
old_hook = threading.excepthook
caught = []
threading.excepthook = lambda args: caught.append((args.exc_type.__name__, str(args.exc_value)))
t = threading.Thread(target=raiser)
t.start()
t.join()
threading.excepthook = old_hook
print(caught)
