# Dynamic programming: LCS, edit distance, knapsack, coin change, longest increasing subsequence.
from functools import lru_cache

def lcs(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                dp[i][j] = dp[i - 1][j - 1] + 1
            else:
                dp[i][j] = max(dp[i - 1][j], dp[i][j - 1])
    out = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1]); i -= 1; j -= 1
        elif dp[i - 1][j] >= dp[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return dp[-1][-1], "".join(reversed(out))

def edit(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

def knapsack(items, cap):
    best = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            best[c] = max(best[c], best[c - w] + v)
    return best[cap]

@lru_cache(maxsize=None)
def coin_ways(amount, coins):
    if amount == 0:
        return 1
    if amount < 0 or not coins:
        return 0
    return coin_ways(amount - coins[0], coins) + coin_ways(amount, coins[1:])

def lis(seq):
    import bisect
    tails = []
    for v in seq:
        i = bisect.bisect_left(tails, v)
        if i == len(tails):
            tails.append(v)
        else:
            tails[i] = v
    return len(tails)

pairs = [("AGGTAB", "GXTXAYB"), ("kitten", "sitting"), ("intention", "execution"), ("", "abc"), ("same", "same")]
for a, b in pairs:
    print(a, b, lcs(a, b), edit(a, b))
items = [(12, 4), (2, 2), (1, 1), (1, 2), (4, 10), (3, 7), (7, 13)]
print([knapsack(items, c) for c in range(0, 25, 3)])
print([coin_ways(a, (1, 2, 5, 10, 25, 50)) for a in (0, 1, 5, 11, 50, 100, 200)])
print(coin_ways.cache_info().hits > 0)
print(lis([10, 9, 2, 5, 3, 7, 101, 18]), lis(list(range(50))), lis([(i * 37) % 101 for i in range(100)]))
tri = [[1]]
for r in range(1, 12):
    prev = tri[-1]
    tri.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
print(tri[-1], sum(tri[-1]))
