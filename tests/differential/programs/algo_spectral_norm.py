# Spectral norm (float loops, nested function calls, list comprehensions).

def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)

def eval_A_times_u(u):
    return [sum(eval_A(i, j) * u_j for j, u_j in enumerate(u)) for i in range(len(u))]

def eval_At_times_u(u):
    return [sum(eval_A(j, i) * u_j for j, u_j in enumerate(u)) for i in range(len(u))]

def eval_AtA_times_u(u):
    return eval_At_times_u(eval_A_times_u(u))

def spectral(n):
    u = [1.0] * n
    for _ in range(10):
        v = eval_AtA_times_u(u)
        u = eval_AtA_times_u(v)
    vBv = vv = 0.0
    for ue, ve in zip(u, v):
        vBv += ue * ve
        vv += ve * ve
    return (vBv / vv) ** 0.5

for n in (5, 10, 40):
    print(n, "%.9f" % spectral(n), repr(spectral(n)))
