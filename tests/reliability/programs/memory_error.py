# MemoryError raised inside compiled code (allocations that cannot succeed) propagates like any
# exception: caught where CPython catches it, and uncaught with CPython's traceback.


def huge_list():
    return [0] * (2**62)


def huge_bytes(n):
    data = bytearray(n)
    return len(data)


def allocate_in_loop():
    results = []
    for shift in (10, 20, 62):
        try:
            results.append(len(b"x" * (1 << shift)))
        except (MemoryError, OverflowError) as error:
            results.append(type(error).__name__)
    return results


for attempt in range(3):
    try:
        huge_list()
    except MemoryError as error:
        print("list:", type(error).__name__, error)
    try:
        huge_bytes(2**60)
    except MemoryError as error:
        print("bytearray:", type(error).__name__, error)
print(allocate_in_loop())
huge_bytes(2**60)
