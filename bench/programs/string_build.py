"""string_build: building and slicing strings.

Exercises: str concatenation with +=, %-formatting and f-strings,
str.join of generated parts, slicing, str methods (replace, find, upper,
startswith), integer<->str conversion, and a run-length encoder/decoder.
"""
import sys


def render_row(i):
    name = "item%05d" % i
    qty = (i * 37) % 101
    price = ((i * 7919) % 10000) / 100.0
    return f"{name}|{qty:3d}|{price:8.2f}|{'Y' if qty % 3 == 0 else 'N'}"


def rle_encode(s):
    out = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        j = i + 1
        while j < n and s[j] == ch:
            j += 1
        out.append(str(j - i))
        out.append(ch)
        i = j
    return "".join(out)


def rle_decode(s):
    out = ""
    num = 0
    for ch in s:
        if "0" <= ch <= "9":
            num = num * 10 + (ord(ch) - 48)
        else:
            out += ch * num
            num = 0
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 625000
    rows = []
    for i in range(n):
        rows.append(render_row(i))
    doc = "\n".join(rows)
    h = 0
    acc = ""
    for row in rows:
        fields = row.split("|")
        if fields[3] == "Y":
            acc += fields[0][-3:]
        h = (h * 33 + len(row) + row.find("|")) % 1000000007
    patterned = "".join(("ab" * ((i % 5) + 1)).replace("b", "bb") + "c" * (i % 4) for i in range(n // 4))
    enc = rle_encode(patterned)
    dec = rle_decode(enc)
    assert dec == patterned
    upper_hits = 0
    for i in range(0, len(acc), 3):
        piece = acc[i:i + 3].upper()
        if piece.startswith("0") or piece.endswith("7"):
            upper_hits += 1
    print("string_build n=%d doclen=%d h=%d acclen=%d enclen=%d hits=%d"
          % (n, len(doc), h, len(acc), len(enc), upper_hits))


main()
