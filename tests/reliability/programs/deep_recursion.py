# Deep recursion in compiled code raises RecursionError at the same depth as CPython, is catchable,
# leaves the interpreter usable, and its uncaught traceback ("Previous line repeated") matches.
import sys


def depth_of(n):
    # The handler calls nothing: at the limit, CPython's specialized builtin calls skip the recursion
    # check that a generic call makes (see tests/cpython/exclusions.txt, known differences).
    try:
        return depth_of(n + 1)
    except RecursionError as error:
        return n, error


def mutual_a(n):
    return mutual_b(n + 1) + 1


def mutual_b(n):
    return mutual_a(n + 1) + 1


for limit in (100, 1000, 3000):
    sys.setrecursionlimit(limit)
    depth, error = depth_of(0)
    print(limit, depth, error)
    try:
        mutual_a(0)
    except RecursionError as error:
        print("mutual:", error)
sys.setrecursionlimit(1000)
print("recovered:", sum(range(10)))


class Node:
    def __init__(self, child):
        self.child = child

    def __repr__(self):
        return "Node(%r)" % (self.child,)


chain = None
for _ in range(5000):
    chain = Node(chain)
try:
    repr(chain)
except RecursionError as error:
    print("repr:", error)


def forever(n):
    return forever(n + 1) + 1


forever(0)
