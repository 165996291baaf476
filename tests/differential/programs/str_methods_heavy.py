# String heavy work: methods, slicing, joining, searching, unicode.

text = "The quick brown fox jumps over the lazy dog. " * 3
words = text.split()
print(len(text), len(words), words[:5])
print(text.upper()[:20], text.lower().count("the"), text.title()[:25])
print(text.find("fox"), text.rfind("fox"), text.index("lazy"), text.find("cat"))
print(text.replace("o", "0", 4)[:60])
print("|".join(sorted(set(words), key=str.lower)))
print([w.strip(".") for w in words if len(w) > 4])
print(text[::7], text[-10:], text[5:40:3], text[::-1][:20])
counts = {}
for ch in text:
    if ch.isalpha():
        counts[ch.lower()] = counts.get(ch.lower(), 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10])
print("  pad  ".strip(), "xxhixx".strip("x"), "  a".lstrip(), "b  ".rstrip() + "|")
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".rsplit(",", 1), "line1\nline2\r\nline3".splitlines())
print("abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "42".zfill(6), "-42".zfill(6))
print("hello world".partition(" "), "a.b.c".rpartition("."), "abc".startswith(("x", "a")), "abc".endswith("bc"))
print("ß".upper(), "ǅ".lower(), "ﬁ".upper(), "İ".lower(), len("İ".lower()), "Straße".casefold())
print("café".encode("utf-8"), "日本語".encode("utf-8"), b"caf\xc3\xa9".decode(), "\u2603".isprintable())
print("ab\tc".expandtabs(4), "a1".isalnum(), "12".isdigit(), "½".isnumeric(), "Ab".swapcase(), "x".isidentifier())
print(repr("quote'\"\\\n\x00\u1234\U0001F600"), ascii("ünï"), "%s-%r-%5.2f-%x-%c" % ("s", "r", 3.14159, 255, 65))
print("{0}-{1}-{0}".format("a", "b"), "{name:>6}".format(name="n"), "{:,}".format(10 ** 9), "{!r}".format("q"))
print(str.maketrans("abc", "xyz"), "aabbcc".translate(str.maketrans("abc", "xyz", "c")))
s = ""
for i in range(200):
    s += chr(ord("a") + i % 26)
print(s[:30], len(s), s.count("abc"), min(s), max(s))
print(sorted(["b", "A", "a", "B", "é", "e"]), sorted(["b", "A", "a", "B"], key=str.lower))
print("x" * 0, "ab" * 3, 3 * "cd", "-" * -1 + "|")
print("abc" < "abd", "abc" < "ab", "Z" < "a", "é" > "z", "a" == "a"[:], "ab" in "cabd")
print(ord("€"), chr(8364), "€".encode("utf-16-le"), "abc".encode("ascii").hex())
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print("".join(reversed("stressed")), "racecar"[::-1] == "racecar")
