# del in every form: names, attributes, subscripts, slices, tuples of targets, in loops,
# errors for missing targets.

class Obj:
    def __init__(self):
        self.a = 1
        self.b = 2
o = Obj()
lst = list(range(12))
d = {"x": 1, "y": 2, "z": 3}
del o.a
del lst[0], lst[-1]
del lst[2:5]
del lst[::3]
del d["x"]
print(vars(o), lst, d)
try:
    del o.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)
try:
    del lst[100]
except IndexError as e:
    print("IndexError:", e)
try:
    del (1, 2)[0]
except TypeError as e:
    print("TypeError:", e)
try:
    del "abc"[0]
except TypeError as e:
    print("TypeError:", e)
p, q = 1, 2
del (p, q)
print("p" in globals(), "q" in globals())
[r, s] = [3, 4]
del [r, s]
print("r" in globals())
def local_dels():
    a = b = c = 1
    del a, (b, c)
    return locals()
print(local_dels())
nested = {"k": [1, {"inner": [5, 6, 7]}]}
del nested["k"][1]["inner"][1]
print(nested)
grid = [[1, 2, 3], [4, 5, 6]]
for row in grid:
    del row[1]
print(grid)
class Deleter:
    def __delitem__(self, k):
        print("  __delitem__", k)
    def __delattr__(self, name):
        print("  __delattr__", name)
dl = Deleter()
del dl[1], dl["a":"b"], dl[1, 2]
del dl.anything
bag = {i: i for i in range(10)}
for k in list(bag):
    if k % 3:
        del bag[k]
print(bag)
ba = bytearray(b"abcdef")
del ba[1::2]
print(ba)
