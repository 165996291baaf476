"""word_count: dict and str work.

Exercises: str.split/lower/strip, dict get/set with string keys,
dict.items iteration, sorted() with a key function, string joining.
A deterministic pseudo-random text is generated from a fixed syllable
table, then words, bigrams and letter frequencies are counted.
"""
import sys

SYLLABLES = ["ka", "lo", "mi", "nu", "re", "sa", "ti", "vo", "ze", "ba",
             "do", "fe", "gi", "ho", "ju", "ly", "pa", "qu", "wi", "xe"]
PUNCT = [",", ".", "", "", "", "!", "", ";", "", ""]


def make_text(n_words, seed):
    words = []
    x = seed
    for _ in range(n_words):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        nsyl = 1 + (x >> 5) % 3
        w = ""
        y = x
        for _ in range(nsyl):
            w += SYLLABLES[y % 20]
            y //= 20
        if (x >> 20) % 7 == 0:
            w = w.capitalize()
        w += PUNCT[(x >> 11) % 10]
        words.append(w)
    return " ".join(words)


def count_words(text):
    counts = {}
    for raw in text.split():
        w = raw.strip(",.!;").lower()
        if w:
            counts[w] = counts.get(w, 0) + 1
    return counts


def count_bigrams(text):
    bigrams = {}
    prev = None
    for raw in text.split():
        w = raw.strip(",.!;").lower()
        if prev is not None:
            key = prev + " " + w
            if key in bigrams:
                bigrams[key] += 1
            else:
                bigrams[key] = 1
        prev = w
    return bigrams


def letter_freq(text):
    freq = {}
    for ch in text:
        if ch.isalpha():
            freq[ch] = freq.get(ch, 0) + 1
    return freq


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 625000
    text = make_text(n, 42)
    words = count_words(text)
    bigrams = count_bigrams(text)
    letters = letter_freq(text)
    top = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    topb = sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    lsum = 0
    for ch, c in sorted(letters.items()):
        lsum = (lsum * 131 + ord(ch) * c) % 1000000007
    print("word_count n=%d distinct=%d bigrams=%d top=%s topb=%s letters=%d"
          % (n, len(words), len(bigrams), ",".join("%s:%d" % kv for kv in top),
             "%s:%d" % topb, lsum))


main()
