# N-queens by backtracking (recursion, sets, list mutation) and by permutations.
import itertools

def solve(n):
    cols, d1, d2 = set(), set(), set()
    board = []
    solutions = []
    def place(r):
        if r == n:
            solutions.append(tuple(board))
            return
        for c in range(n):
            if c in cols or (r - c) in d1 or (r + c) in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); board.append(c)
            place(r + 1)
            cols.remove(c); d1.remove(r - c); d2.remove(r + c); board.pop()
    place(0)
    return solutions

for n in range(1, 8):
    sols = solve(n)
    print(n, len(sols), sols[:2])

def perm_queens(n):
    count = 0
    for p in itertools.permutations(range(n)):
        if n == len({p[i] + i for i in range(n)}) == len({p[i] - i for i in range(n)}):
            count += 1
    return count
print([perm_queens(n) for n in range(1, 7)])
first = solve(6)[0]
for r in range(6):
    print("".join("Q" if first[r] == c else "." for c in range(6)))
