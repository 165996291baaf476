# random with fixed seeds: sequences must be identical (Mersenne Twister and the pure-Python
# helpers like shuffle/sample/choices run under the JIT).
import random

random.seed(12345)
print([random.randint(1, 100) for _ in range(10)])
print([round(random.random(), 12) for _ in range(3)], random.uniform(1, 2), random.gauss(0, 1))
items = list(range(15))
random.shuffle(items)
print(items, random.sample(items, 4), random.choice("abcdef"), random.choices("xyz", weights=[1, 5, 10], k=6))
r = random.Random("string seed")
print(r.randrange(0, 1000, 7), r.getrandbits(70), r.betavariate(2, 3), r.triangular(0, 10, 3))
state = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(state)
print(a == [r.random() for _ in range(3)])
random.seed(2 ** 100)
print(random.random(), random.randbytes(6))
walk = 0
for step in range(1000):
    walk += 1 if random.random() < 0.5 else -1
print("walk", walk)
