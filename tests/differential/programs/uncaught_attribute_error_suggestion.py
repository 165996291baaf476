# Uncaught AttributeError/NameError with "Did you mean" suggestions in the traceback.

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def length(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

p = Point(3, 4)
print(p.length())
try:
    p.lenght()
except AttributeError as e:
    print("caught:", e)
try:
    print(lenght)
except NameError as e:
    print("caught:", e)
values = [1, 2, 3]
print(sum(values))
print(p.x + p.yy)
