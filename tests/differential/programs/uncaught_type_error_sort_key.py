# Uncaught TypeError raised from a key function called by the builtin sorted(): the traceback
# shows the lambda frame under the module frame.
records = [("apple", 3), ("pear", 1), ("fig", "2"), ("kiwi", 5)]
print(sorted(records, key=lambda r: r[0]))
print(sorted(records[:2], key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1] * 2 + 1))
