# Uncaught RecursionError: the traceback collapses repeated frames ("Previous line repeated").
import sys
sys.setrecursionlimit(120)

def down(n):
    return down(n + 1) + 1

print("going down")
down(0)
