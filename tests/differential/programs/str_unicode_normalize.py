# Unicode handling: code points, normalization, case mapping, encodings.
import unicodedata

samples = ["e\u0301", "\u00e9", "\ufb01", "\u212b", "A\u030a", "\u1e9b\u0323", "한국어", "😀👍", "\u0000x"]
for s in samples:
    print(ascii(s), len(s), [hex(ord(c)) for c in s],
          ascii(unicodedata.normalize("NFC", s)), ascii(unicodedata.normalize("NFKD", s)))
for ch in "aZ5 é€😀\u00a0":
    print(ascii(ch), unicodedata.category(ch), unicodedata.name(ch, "?"), ch.isalpha(), ch.isspace())
s = "".join(chr(c) for c in range(0x3b1, 0x3c9))
print(ascii(s), ascii(s.upper()), len(s.encode("utf-8")), len(s.encode("utf-16")))
for enc in ("utf-8", "utf-16-be", "latin-1", "cp1252"):
    try:
        print(enc, "naïve €".encode(enc))
    except UnicodeEncodeError as e:
        print(enc, "error", e.reason, e.start, e.end)
print("naïve".encode("ascii", "replace"), "naïve".encode("ascii", "ignore"), "naïve".encode("ascii", "xmlcharrefreplace"))
print(b"na\xefve".decode("latin-1"), b"\xe2\x82\xac".decode("utf-8"), b"bad\xff".decode("utf-8", "replace").encode("utf-8"))
big = "ab\u1234" * 100 + "\U0001F600"
print(len(big), big.count("\u1234"), big.find("\U0001F600"), big[-2:].encode("utf-8"))
print(sorted("bäaçB", key=lambda c: unicodedata.normalize("NFD", c)))
