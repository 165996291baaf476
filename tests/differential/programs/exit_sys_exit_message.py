# sys.exit("message"): message printed on stderr, exit code 1.
import sys

results = []
for i in range(5):
    results.append(i * i)
    print("step", i, results)
if sum(results) > 20:
    sys.exit("fatal: sum %d exceeds limit" % sum(results))
print("not reached")
