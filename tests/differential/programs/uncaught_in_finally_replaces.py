# An exception raised in a finally block replaces the one in flight; uncaught, both are shown.

def work(items):
    total = 0
    try:
        for it in items:
            total += 10 // it
            print("total so far", total)
    finally:
        print("finally: closing with total", total)
        report = {"total": total}
        print(report["count"])

work([5, 2, 1, 0, 3])
