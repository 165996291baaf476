# Constant indexes of guarded list/tuple subscripts, negative ones counting from the end (docs/deopt.md).
def f(seq, n):
    t = 0
    for _ in range(n):
        t += seq[-1] + seq[0] + seq[-2]
        seq[-1] = t & 7
    return t
for s in ([1, 2, 3], [5, 6], [1], [], (1, 2, 3)):
    try:
        print(f(s, 60))
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
