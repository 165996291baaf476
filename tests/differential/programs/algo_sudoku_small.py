# A backtracking 4x4 and an easy 9x9 sudoku solver (recursion, sets, nested loops).

def solve(board, n, box):
    size = n
    for r in range(size):
        for c in range(size):
            if board[r][c] == 0:
                used = set(board[r]) | {board[i][c] for i in range(size)}
                br, bc = r // box * box, c // box * box
                used |= {board[i][j] for i in range(br, br + box) for j in range(bc, bc + box)}
                for v in range(1, size + 1):
                    if v not in used:
                        board[r][c] = v
                        if solve(board, n, box):
                            return True
                board[r][c] = 0
                return False
    return True

b4 = [[1, 0, 0, 0], [0, 0, 3, 0], [0, 4, 0, 0], [0, 0, 0, 2]]
print(solve(b4, 4, 2))
for row in b4:
    print(row)
puzzle = """530070000
600195000
098000060
800060003
400803001
700020006
060000280
000419005
000080079"""
b9 = [[int(ch) for ch in line] for line in puzzle.split()]
print(solve(b9, 9, 3))
for row in b9:
    print("".join(map(str, row)))
print(all(sorted(row) == list(range(1, 10)) for row in b9), all(sorted(col) == list(range(1, 10)) for col in zip(*b9)))
