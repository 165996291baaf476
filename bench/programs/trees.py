"""trees: build and walk binary trees recursively.

Exercises: recursion that allocates (object creation with __slots__),
attribute loads on instances, None checks, a recursive walk plus an
explicit-stack iterative walk, and a binary-search-tree insert/lookup.
"""
import sys


class Node:
    __slots__ = ("left", "right", "value")

    def __init__(self, left, right, value):
        self.left = left
        self.right = right
        self.value = value


def build(depth, value):
    if depth == 0:
        return Node(None, None, value)
    return Node(build(depth - 1, 2 * value), build(depth - 1, 2 * value + 1), value)


def check(node):
    if node.left is None:
        return node.value & 7
    return node.value % 5 + check(node.left) - check(node.right)


def count_iter(root):
    stack = [root]
    n = 0
    while stack:
        node = stack.pop()
        n += 1
        if node.left is not None:
            stack.append(node.left)
            stack.append(node.right)
    return n


def bst_insert(root, key):
    if root is None:
        return Node(None, None, key)
    node = root
    while True:
        if key < node.value:
            if node.left is None:
                node.left = Node(None, None, key)
                return root
            node = node.left
        else:
            if node.right is None:
                node.right = Node(None, None, key)
                return root
            node = node.right


def bst_height(node):
    if node is None:
        return 0
    lh = bst_height(node.left)
    rh = bst_height(node.right)
    return 1 + (lh if lh > rh else rh)


def main():
    max_depth = int(sys.argv[1]) if len(sys.argv) > 1 else 17
    total = 0
    nodes = 0
    for depth in range(6, max_depth + 1, 2):
        iters = 1 << (max_depth - depth)
        for i in range(iters):
            t = build(depth, i)
            total += check(t)
            nodes += count_iter(t)
    root = None
    x = 12345
    for _ in range(20000):
        x = (x * 1103515245 + 12345) % 2147483648
        root = bst_insert(root, x >> 8)
    print("trees depth=%d total=%d nodes=%d bst_height=%d" % (max_depth, total, nodes, bst_height(root)))


main()
