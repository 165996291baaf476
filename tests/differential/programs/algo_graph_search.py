# Graph algorithms: BFS, DFS (recursive and iterative), Dijkstra with heapq (deterministic ties),
# topological sort, connected components via union-find.
import heapq
from collections import deque

edges = [("a", "b", 4), ("a", "c", 2), ("b", "c", 5), ("b", "d", 10), ("c", "e", 3), ("e", "d", 4),
         ("d", "f", 11), ("e", "f", 20), ("g", "h", 1)]
graph = {}
for u, v, w in edges:
    graph.setdefault(u, []).append((v, w))
    graph.setdefault(v, []).append((u, w))
for k in graph:
    graph[k].sort()

def bfs(start):
    seen = {start}
    order = []
    q = deque([start])
    while q:
        n = q.popleft()
        order.append(n)
        for m, _ in graph[n]:
            if m not in seen:
                seen.add(m)
                q.append(m)
    return order

def dfs(start, seen=None):
    if seen is None:
        seen = []
    seen.append(start)
    for m, _ in graph[start]:
        if m not in seen:
            dfs(m, seen)
    return seen

def dijkstra(src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev

def path(prev, target):
    p = [target]
    while p[-1] in prev:
        p.append(prev[p[-1]])
    return p[::-1]

print(bfs("a"), dfs("a"), bfs("g"))
dist, prev = dijkstra("a")
print(sorted(dist.items()))
print(path(prev, "f"), path(prev, "d"))

deps = {"app": ["lib", "util"], "lib": ["core"], "util": ["core", "log"], "core": [], "log": []}
def topo(d):
    state = {}
    out = []
    def visit(n):
        if state.get(n) == 1:
            raise ValueError("cycle at " + n)
        if state.get(n) == 2:
            return
        state[n] = 1
        for m in d[n]:
            visit(m)
        state[n] = 2
        out.append(n)
    for n in sorted(d):
        visit(n)
    return out
print(topo(deps))
deps["core"] = ["app"]
try:
    topo(deps)
except ValueError as e:
    print("ValueError:", e)

parent = list(range(12))
def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
def union(a, b):
    ra, rb = find(a), find(b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
for a, b in [(0, 1), (2, 3), (1, 3), (5, 6), (7, 8), (8, 9), (6, 9), (10, 11)]:
    union(a, b)
groups = {}
for i in range(12):
    groups.setdefault(find(i), []).append(i)
print(sorted(groups.values()))
grid = ["S.#.....", ".##.###.", "....#...", "##.##.#.", "......#E"]
def grid_bfs():
    rows, cols = len(grid), len(grid[0])
    start = (0, 0)
    q = deque([(start, 0)])
    seen = {start}
    while q:
        (r, c), d = q.popleft()
        if grid[r][c] == "E":
            return d
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in seen:
                seen.add((nr, nc))
                q.append(((nr, nc), d + 1))
    return -1
print("grid distance", grid_bfs())
