# Hot loops at module level: LOAD_NAME/STORE_NAME on globals in tight loops, module-level
# try/except/with/for/while, functions defined and redefined at module level in loops.
total = 0
for i in range(2000):
    total += i * i % 7
print("total", total)
i = 0
acc = []
while i < 30:
    if i % 4 == 0:
        acc.append(i)
    elif i % 4 == 1:
        i += 1
        continue
    i += 1
print(acc)
squares = {}
for n in range(10):
    squares[n] = n * n
    if n == 7:
        del squares[3]
print(squares)
for k in range(3):
    def fn(x, k=k):
        return x + k
    print("fn", k, fn(10))
try:
    for v in [1, 2, 0, 4]:
        print("inverse", 1 / v)
except ZeroDivisionError as e:
    print("module-level except", e)
else:
    print("no else")
finally:
    print("module-level finally")
text = ""
for word in "the rain in spain".split():
    text = text + word[::-1] + " "
print(text.strip())
a, b = 0, 1
for _ in range(50):
    a, b = b, a + b
print(a)
matrix = [[r * c for c in range(4)] for r in range(4)]
trace = 0
for r in range(4):
    trace += matrix[r][r]
print(trace, matrix)
x = 5
x += 1; x *= 2; x -= 3; x //= 2; x **= 2; x %= 7; x <<= 3; x >>= 1; x |= 1; x &= 0xF; x ^= 6
print(x)
with open(__file__) as fh:
    first_line = fh.readline()
print(first_line.startswith("# Hot loops"))
names = [name for name in dir() if not name.startswith("_")]
print(sorted(names))
