# Uncaught IndexError raised inside a nested list comprehension at module level; the traceback
# includes the <listcomp> frames.
grid = [[1, 2, 3], [4, 5, 6], [7, 8]]
sums = [sum(row) for row in grid]
print("row sums", sums)
cols = [[grid[r][c] for r in range(3)] for c in range(3)]
print("never", cols)
