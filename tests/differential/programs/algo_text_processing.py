# Text processing: word frequencies, run-length encoding, Caesar/Vigenere ciphers, Roman numerals,
# palindromes, anagram groups, Levenshtein-based suggestions.
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8])

def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append("%d%s" % (j - i, s[i]))
        i = j
    return "".join(out)
def unrle(s):
    import re
    return "".join(ch * int(n) for n, ch in re.findall(r"(\d+)(\D)", s))
for s in ["aaabccdddd", "abc", "", "zzzzzzzzzzzz"]:
    print(repr(s), rle(s), unrle(rle(s)) == s)

def caesar(s, k):
    return "".join(chr((ord(c) - 97 + k) % 26 + 97) if c.islower() else c for c in s)
def vigenere(s, key, sign=1):
    out = []
    ki = 0
    for c in s:
        if c.isalpha():
            out.append(chr((ord(c) - 97 + sign * (ord(key[ki % len(key)]) - 97)) % 26 + 97))
            ki += 1
        else:
            out.append(c)
    return "".join(out)
msg = "attack at dawn"
print(caesar(msg, 3), caesar(caesar(msg, 3), -3), vigenere(msg, "lemon"), vigenere(vigenere(msg, "lemon"), "lemon", -1))

def to_roman(n):
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
             (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in table:
        while n >= v:
            out += s
            n -= v
    return out
def from_roman(s):
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        if i + 1 < len(s) and vals[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total
print([to_roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999)])
print(all(from_roman(to_roman(n)) == n for n in range(1, 4000)))
cands = ["racecar", "A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?"]
print([(lambda t: t == t[::-1])("".join(ch.lower() for ch in c if ch.isalnum())) for c in cands])
groups = {}
for w in ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]:
    groups.setdefault("".join(sorted(w)), []).append(w)
print(sorted(groups.values()))
def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[-1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
vocab = sorted(set(words))
for typo in ["wisdon", "beleif", "teh", "epcoh"]:
    print(typo, sorted(vocab, key=lambda w: (lev(typo, w), w))[:2])
