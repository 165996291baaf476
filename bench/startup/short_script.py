"""short_script: a program that runs for about 100 ms under python3.11.

The start-up benchmark (tools/bench.py, "Start-up and short programs") times it next to `-c pass`:
a JIT must not make short programs slower.  It does a little of everything a small script does --
builds records, formats text, sorts, counts words in a dict, and calls a few small functions often
enough to become hot at the default threshold, so compiles are requested while the program runs.
"""
import sys


class Record:
    def __init__(self, key, value):
        self.key = key
        self.value = value

    def score(self):
        return (self.value * 31 + len(self.key)) % 97


def make_records(n):
    return [Record("k%d" % (i % 53), (i * 7919) % 1009) for i in range(n)]


def word_counts(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def checksum(values):
    total = 0
    for v in values:
        total = (total * 131 + v) % 1000003
    return total


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    digest = 0
    for r in range(rounds):
        records = make_records(2500)
        scores = [rec.score() for rec in records]
        ranked = sorted(records, key=lambda rec: (rec.value, rec.key))
        text = " ".join(rec.key for rec in ranked[:1500])
        counts = word_counts(text)
        digest = (digest + checksum(scores) + len(counts) * r) % 1000003
    print("short_script rounds=%d digest=%d" % (rounds, digest))


main()
