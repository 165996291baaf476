"""scheduler: object/method-heavy cooperative task simulation.

Exercises: classes with inheritance and overridden methods, instance
attribute loads/stores, bound-method calls, polymorphic dispatch, small
list-based queues, and an enum-like set of class constants.

A made-up "workshop" model: producer tasks create work packets, worker
tasks process them and pass them on, a courier moves finished packets to a
ledger task, and a round-robin scheduler with priorities and suspended
states drives everything.
"""
import sys


class Packet:
    __slots__ = ("kind", "payload", "hops", "dest")

    def __init__(self, kind, payload, dest):
        self.kind = kind
        self.payload = payload
        self.hops = 0
        self.dest = dest


class Task:
    RUNNING = 0
    WAITING = 1
    DONE = 2

    def __init__(self, name, priority, sched):
        self.name = name
        self.priority = priority
        self.sched = sched
        self.inbox = []
        self.state = Task.RUNNING
        self.work_done = 0

    def deliver(self, packet):
        self.inbox.append(packet)
        if self.state == Task.WAITING:
            self.state = Task.RUNNING

    def take(self):
        if self.inbox:
            return self.inbox.pop(0)
        self.state = Task.WAITING
        return None

    def step(self):
        raise NotImplementedError


class Producer(Task):
    def __init__(self, name, priority, sched, budget, seed, targets):
        Task.__init__(self, name, priority, sched)
        self.budget = budget
        self.seed = seed
        self.targets = targets

    def next_rand(self):
        self.seed = (self.seed * 1664525 + 1013904223) & 0xFFFFFFFF
        return self.seed

    def step(self):
        if self.budget <= 0:
            self.state = Task.DONE
            return
        r = self.next_rand()
        kind = r % 3
        target = self.targets[(r >> 8) % len(self.targets)]
        self.sched.send(target, Packet(kind, r & 0xFFFF, target))
        self.budget -= 1
        self.work_done += 1


class Worker(Task):
    def __init__(self, name, priority, sched, courier, factor):
        Task.__init__(self, name, priority, sched)
        self.courier = courier
        self.factor = factor

    def transform(self, packet):
        if packet.kind == 0:
            packet.payload = (packet.payload * self.factor + 7) % 65521
        elif packet.kind == 1:
            packet.payload = (packet.payload ^ (self.factor << 3)) & 0xFFFF
        else:
            packet.payload = (packet.payload + packet.hops * self.factor) % 65521
        packet.hops += 1

    def step(self):
        p = self.take()
        if p is None:
            return
        self.transform(p)
        self.work_done += 1
        if p.hops < 3 and p.payload & 1:
            # bounce to another worker
            self.sched.send(self.sched.pick_worker(p.payload), p)
        else:
            self.sched.send(self.courier, p)


class Courier(Task):
    def __init__(self, name, priority, sched, ledger):
        Task.__init__(self, name, priority, sched)
        self.ledger = ledger

    def step(self):
        for _ in range(3):
            p = self.take()
            if p is None:
                return
            p.hops += 1
            self.work_done += 1
            self.sched.send(self.ledger, p)


class Ledger(Task):
    def __init__(self, name, priority, sched):
        Task.__init__(self, name, priority, sched)
        self.total = 0
        self.count = 0
        self.by_kind = [0, 0, 0]

    def step(self):
        p = self.take()
        while p is not None:
            self.total = (self.total * 31 + p.payload + p.hops) % 1000000007
            self.count += 1
            self.by_kind[p.kind] += 1
            p = self.take()


class Scheduler:
    def __init__(self):
        self.tasks = []
        self.workers = []
        self.switches = 0
        self.messages = 0

    def add(self, task):
        self.tasks.append(task)
        self.tasks.sort(key=lambda t: -t.priority)
        if isinstance(task, Worker):
            self.workers.append(task)
        return task

    def send(self, task, packet):
        self.messages += 1
        packet.dest = task
        task.deliver(packet)

    def pick_worker(self, value):
        return self.workers[value % len(self.workers)]

    def run(self):
        while True:
            progressed = False
            for t in self.tasks:
                if t.state == Task.RUNNING:
                    t.step()
                    self.switches += 1
                    progressed = True
            if not progressed:
                break


def simulate(budget):
    s = Scheduler()
    ledger = s.add(Ledger("ledger", 1, s))
    courier = s.add(Courier("courier", 2, s, ledger))
    workers = []
    for i in range(4):
        workers.append(s.add(Worker("w%d" % i, 3 + i, s, courier, 3 + 2 * i)))
    for i in range(3):
        s.add(Producer("p%d" % i, 10 + i, s, budget, 17 + i * 101, workers))
    s.run()
    return s, ledger


def main():
    budget = int(sys.argv[1]) if len(sys.argv) > 1 else 85000
    s, ledger = simulate(budget)
    print("scheduler budget=%d switches=%d messages=%d count=%d total=%d kinds=%s"
          % (budget, s.switches, s.messages, ledger.count, ledger.total, ledger.by_kind))


main()
