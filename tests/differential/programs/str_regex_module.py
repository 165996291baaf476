# The re module (pure-Python sre_compile/sre_parse run under the JIT): match, search, findall,
# sub with callables, groups, named groups, split, flags, fullmatch, escape.
import re

text = "Alice: 30, Bob: 25; Carol: 41 | dave: 19"
pat = re.compile(r"(?P<name>[A-Za-z]+):\s*(?P<age>\d+)")
for m in pat.finditer(text):
    print(m.group("name"), int(m.group("age")), m.span(), m.groupdict())
print(pat.findall(text))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), text))
print(re.split(r"[,;|]\s*", text), re.split(r"(\d)", "a1b2c", maxsplit=1))
print(re.match(r"\w+", text).group(), re.search(r"\d{2}", text).group(), re.fullmatch(r"[a-z]+", "abc") is not None)
print(re.findall(r"(?i)[aeiou]", "AEIxyzOu"), re.findall(r"^\w", "a\nb\nc", re.M), re.findall(r"a.c", "a\nc", re.S))
print(re.escape("a.b*c"), re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.subn("o", "0", "foo boo"))
email = re.compile(r"^[\w.+-]+@([\w-]+\.)+[a-z]{2,}$")
for s in ["a@b.co", "bad@", "x.y+z@sub.domain.org", "no at"]:
    print(s, bool(email.match(s)))
print(re.findall(r"(\w)(\d)", "a1 b2 c3"), re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
try:
    re.compile("(unclosed")
except re.error as e:
    print("re.error:", e.msg, e.pos)
m = re.match(r"(a)(b)?(c)", "ac")
print(m.groups(), m.groups("dflt"), m.lastindex, m.start(3), m.expand(r"\3\1"))
tokens = []
for kind, val in re.findall(r"(\d+\.\d+|\d+)|([-+*/()])", "12+3.5*(4-1)"):
    tokens.append(kind or val)
print(tokens)
