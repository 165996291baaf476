# List/set/dict comprehensions and generator expressions: LIST_APPEND, SET_ADD, MAP_ADD,
# nested loops, conditions, closures over comprehension variables, class-scope comprehensions.

n = 6
squares = [i * i for i in range(n)]
evens = {i for i in range(20) if i % 2 == 0}
table = {i: [j for j in range(i)] for i in range(n)}
pairs = [(i, j) for i in range(4) for j in range(i, 4) if (i + j) % 2]
gen_sum = sum(x for x in range(100) if x % 7 == 3)
print(squares, sorted(evens), table, pairs, gen_sum)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
flat = [v for row in matrix for v in row]
transposed = [[row[i] for row in matrix] for i in range(3)]
print(matrix, flat, transposed)
words = ["apple", "Bob", "cat", "Dog", "eel"]
print({w.lower(): len(w) for w in words}, {len(w) for w in words}, [w for w in words if w[0].isupper()])
funcs = [lambda x, i=i: x + i for i in range(4)]
print([f(10) for f in funcs])
late = [lambda: i for i in range(4)]
print([f() for f in late])

def outer(k):
    return [x * k for x in range(5) if x != k]
print(outer(2), outer(7))

class C:
    base = 10
    vals = [x * 2 for x in range(3)]
    try:
        broken = [base + x for x in range(3)]
    except NameError as e:
        err = str(e)
print(C.vals, C.err)

nested_gen = ((i, (j for j in range(i))) for i in range(3))
for i, g in nested_gen:
    print(i, list(g))
g = (x * x for x in range(5))
print(next(g), next(g), list(g), list(g))
print(list(zip((a for a in "abc"), (b for b in range(10)))))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)), max((len(w), w) for w in words))
it = iter(range(10))
print([x for x in it if x % 3 == 0], list(it))
print({k: v for k, v in zip("abc", "xyz")}, {(x, y): x * y for x in range(2) for y in range(2)})
total = 0
for r in [[j * i for j in range(i)] for i in range(8)]:
    total += sum(r)
print(total)
print([[y for y in range(x) if y % 2] for x in range(6) if x > 2])
try:
    [1 / x for x in (1, 0)]
except ZeroDivisionError as e:
    print("ZeroDivisionError in comprehension:", e)
print([(yield_val := x * 2) for x in range(3)], yield_val)
