# Conway's game of life on a small torus, using sets of tuples and a dict-based neighbour count.

def step(alive, w, h):
    counts = {}
    for (x, y) in alive:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = ((x + dx) % w, (y + dy) % h)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in alive)}

def show(alive, w, h):
    for y in range(h):
        print("".join("#" if (x, y) in alive else "." for x in range(w)))

w, h = 12, 8
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
blinker = {(8, 1), (8, 2), (8, 3)}
alive = glider | blinker
for gen in range(6):
    print("generation", gen, "population", len(alive))
    show(alive, w, h)
    alive = step(alive, w, h)
for gen in range(6, 40):
    alive = step(alive, w, h)
print("after 40:", sorted(alive))
