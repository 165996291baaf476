"""Creating and dropping many compiled functions keeps memory bounded: compiled code is freed.

    pyjit -X jit-threshold=0 compiled_code_churn.py [COUNT]      (default 3000; the full run: 100000)

Each round execs fresh source (a new code object with its own constant) and calls the function it
defines once, so pyjit compiles it; then drops it. RSS is sampled after the first tenth of the
rounds (everything warmed up) and at the end; the growth between them must stay under a bound that
leaked compiled code (at least a page of machine code per function) would exceed. Exit status 1 if
not, with the numbers.
"""

import sys


def rss_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def churn(rounds):
    for i in range(rounds):
        namespace = {}
        exec(compile("def f(x):\n    return x * 2 + %d\n" % i, "<churn>", "exec"), namespace)
        if namespace["f"](i) != 3 * i:
            raise AssertionError("wrong result in round %d" % i)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    warmup = max(count // 10, 1)
    churn(warmup)
    after_warmup = rss_kib()
    churn(count - warmup)
    at_end = rss_kib()
    growth = at_end - after_warmup
    # A leak of one 4 KiB code page per function alone would grow RSS by 4 KiB per round.
    allowed = 4096 + (count - warmup) // 4
    print("%d functions: RSS %d KiB after %d, %d KiB at the end (growth %d KiB, allowed %d KiB)"
          % (count, after_warmup, warmup, at_end, growth, allowed))
    if "pyjit" in sys.modules:
        print("pyjit stats:", {k: v for k, v in sys.modules["pyjit"].stats().items()
                               if not isinstance(v, (dict, list))})
    return 0 if growth <= allowed else 1


if __name__ == "__main__":
    sys.exit(main())
