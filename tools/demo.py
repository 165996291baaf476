"""The demo program of `tools/dev demo`: a little of everything a JIT cares about."""


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def norm2(self):
        return self.x * self.x + self.y * self.y


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def walk(steps):
    position = Vector(0.0, 0.0)
    step = Vector(0.5, -0.25)
    for _ in range(steps):
        position = position.add(step)
    return position.norm2()


def count_words(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:3]


print("fib(20) =", fib(20))
print("walk(2000) =", walk(2000))
print("top words:", count_words("the quick brown fox jumps over the lazy dog the fox " * 50))
