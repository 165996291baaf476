# Huffman coding with heapq and a deterministic tie-breaker; encode/decode round trip.
import heapq
from collections import Counter

def build(text):
    freq = Counter(text)
    heap = [(n, i, ch) for i, (ch, n) in enumerate(sorted(freq.items()))]
    heapq.heapify(heap)
    counter = len(heap)
    while len(heap) > 1:
        n1, _, a = heapq.heappop(heap)
        n2, _, b = heapq.heappop(heap)
        heapq.heappush(heap, (n1 + n2, counter, (a, b)))
        counter += 1
    codes = {}
    def walk(node, prefix):
        if isinstance(node, str):
            codes[node] = prefix or "0"
        else:
            walk(node[0], prefix + "0")
            walk(node[1], prefix + "1")
    walk(heap[0][2], "")
    return codes, heap[0][2]

def decode(bits, tree):
    out = []
    node = tree
    for b in bits:
        node = node[int(b)]
        if isinstance(node, str):
            out.append(node)
            node = tree
    return "".join(out)

for text in ["abracadabra", "mississippi river", "aaaaaaa", "the quick brown fox jumps over the lazy dog"]:
    codes, tree = build(text)
    bits = "".join(codes[c] for c in text)
    print(repr(text), len(bits), sorted(codes.items())[:6])
    if isinstance(tree, tuple):
        print("  roundtrip", decode(bits, tree) == text)
