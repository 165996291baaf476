"""sort_records: sorting and grouping lists of records.

Exercises: tuples and small dicts as records, list.sort/sorted with key
functions (lambdas and a Python-level key method), comparisons of tuples,
a hand-written merge sort (list slicing and appends), and grouping into a
dict of lists.
"""
import sys


def make_records(n):
    recs = []
    x = 987654321
    depts = ["ops", "dev", "qa", "hr", "fin", "mkt", "law"]
    for i in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        recs.append({
            "id": i,
            "dept": depts[(x >> 33) % 7],
            "age": 20 + (x >> 40) % 45,
            "salary": 30000 + (x >> 17) % 90000,
            "name": "n%x" % ((x >> 3) & 0xFFFFF),
        })
    return recs


def merge_sort(items, key):
    if len(items) <= 1:
        return items
    mid = len(items) // 2
    left = merge_sort(items[:mid], key)
    right = merge_sort(items[mid:], key)
    out = []
    i = j = 0
    nl = len(left)
    nr = len(right)
    while i < nl and j < nr:
        if key(right[j]) < key(left[i]):
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    recs = make_records(n)
    by_salary = sorted(recs, key=lambda r: (-r["salary"], r["id"]))
    by_dept_age = sorted(recs, key=lambda r: (r["dept"], r["age"], r["name"], r["id"]))
    merged = merge_sort(recs, lambda r: (r["age"], r["id"]))
    groups = {}
    for r in recs:
        groups.setdefault(r["dept"], []).append(r)
    summary = []
    for dept in sorted(groups):
        members = groups[dept]
        members.sort(key=lambda r: r["salary"])
        median = members[len(members) // 2]["salary"]
        summary.append("%s:%d:%d" % (dept, len(members), median))
    h = 0
    for r in by_dept_age[::97]:
        h = (h * 131 + r["id"]) % 1000000007
    for r in merged[::89]:
        h = (h * 137 + r["id"]) % 1000000007
    print("sort_records n=%d top=%d h=%d groups=%s"
          % (n, by_salary[0]["id"], h, ",".join(summary)))


main()
