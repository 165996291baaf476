# Sieve of Eratosthenes, trial division, prime factorisation and Miller-Rabin with big ints.

def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [k for k, p in enumerate(is_p) if p]

ps = sieve(5000)
print(len(ps), ps[:15], ps[-5:], sum(ps))

def factor(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        out.append(n)
    return out
for n in [2, 12, 97, 360, 1001, 65536, 999983 * 3, 2 ** 31 - 1, 600851475143]:
    print(n, factor(n))

def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
for n in [2 ** 61 - 1, 2 ** 89 - 1, 2 ** 89 + 1, 10 ** 30 + 57, 10 ** 30 + 1, 561, 7919]:
    print(n, is_probable_prime(n))
twins = [(p, p + 2) for p in ps if p + 2 in set(ps)][:10]
print(twins)
gaps = {}
for a, b in zip(ps, ps[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items()))
