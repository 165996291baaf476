# Four threads run hot loops while the interpreter switches between them as often as it can: every
# back-edge of compiled code must let other threads run (GIL drop requests) and keep each thread's
# frames and values its own.
import sys
import threading

sys.setswitchinterval(1e-6)
lock = threading.Lock()
shared = {"total": 0, "switches": 0}


def int_work(seed):
    acc = seed
    for i in range(60000):
        acc = (acc * 31 + i) % 1000003
        if i % 1000 == 0:
            with lock:
                shared["total"] += acc
    return acc


def float_work(seed):
    x = float(seed)
    for i in range(60000):
        x = (x * 1.0001 + i) % 977.5
    return round(x, 6)


def object_work(seed):
    items = []
    for i in range(20000):
        items.append((i ^ seed, str(i % 97)))
        if len(items) > 50:
            items = items[25:]
    return sorted(items)[:3]


def generator_work(seed):
    def numbers(limit):
        for value in range(limit):
            yield value * seed
    return sum(v % 7 for v in numbers(40000))


results = {}


def run(name, work, seed):
    value = work(seed)
    with lock:
        results[name] = value


threads = [threading.Thread(target=run, args=("int", int_work, 3)),
           threading.Thread(target=run, args=("float", float_work, 5)),
           threading.Thread(target=run, args=("object", object_work, 7)),
           threading.Thread(target=run, args=("generator", generator_work, 11))]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
for name in sorted(results):
    print(name, results[name])
print("total", shared["total"])
