# Hand-written sorting algorithms compared against sorted(): quicksort, mergesort, heapsort,
# insertion sort, counting sort - with a fixed-seed LCG for input data.

def lcg(seed, n, mod=1000):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2 ** 31
        out.append(x % mod - mod // 2)
    return out

def quicksort(a):
    if len(a) <= 1:
        return a
    pivot = a[len(a) // 2]
    return quicksort([x for x in a if x < pivot]) + [x for x in a if x == pivot] + quicksort([x for x in a if x > pivot])

def mergesort(a):
    if len(a) <= 1:
        return list(a)
    mid = len(a) // 2
    l, r = mergesort(a[:mid]), mergesort(a[mid:])
    out = []
    i = j = 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    out.extend(l[i:]); out.extend(r[j:])
    return out

def heapsort(a):
    a = list(a)
    n = len(a)
    def sift(start, end):
        root = start
        while 2 * root + 1 <= end:
            child = 2 * root + 1
            if child + 1 <= end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return
    for start in range(n // 2 - 1, -1, -1):
        sift(start, n - 1)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end - 1)
    return a

def insertion(a):
    a = list(a)
    for i in range(1, len(a)):
        k = a[i]
        j = i - 1
        while j >= 0 and a[j] > k:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = k
    return a

def counting(a):
    lo, hi = min(a), max(a)
    counts = [0] * (hi - lo + 1)
    for v in a:
        counts[v - lo] += 1
    out = []
    for i, c in enumerate(counts):
        out.extend([i + lo] * c)
    return out

for seed, n in [(1, 0), (2, 1), (3, 10), (4, 200), (5, 500)]:
    data = lcg(seed, n)
    ref = sorted(data)
    res = [f(data) == ref for f in (quicksort, mergesort, heapsort, insertion, counting if data else sorted)]
    print(seed, n, res, ref[:6], ref[-3:] if ref else None)
words = "delta Alpha charlie bravo echo alpha Delta".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), mergesort(words))
recs = [(v % 3, i) for i, v in enumerate(lcg(9, 15))]
print(sorted(recs, key=lambda r: r[0]))
