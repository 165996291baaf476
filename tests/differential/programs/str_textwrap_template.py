# textwrap, string.Template, string constants, str.splitlines variants, io.StringIO line handling.
import textwrap
import string
import io

para = ("Python is a programming language that lets you work quickly and integrate systems more "
        "effectively. It is used for scripting, automation, data work and much more.")
print(textwrap.fill(para, width=40))
print(textwrap.wrap(para, width=30)[:3])
print(textwrap.shorten(para, width=50, placeholder=" [...]"))
print(repr(textwrap.dedent("    a\n      b\n    c\n")), repr(textwrap.indent("x\ny\n", "> ")))
t = string.Template("$who likes ${what}; $$ is a dollar")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="ann"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
print(string.ascii_letters[:10], string.punctuation[:8], string.capwords("hello   big world"))
f = string.Formatter()
print(f.format("{0}-{x}", 1, x=2), list(f.parse("a{b}c{d!r:>3}")))
s = "line1\nline2\r\nline3\rline4\x0bline5\x1cline6"
print(s.splitlines(), s.splitlines(keepends=True)[:2])
buf = io.StringIO("alpha\nbeta\n\ngamma")
print(buf.readline(), buf.readlines(), buf.tell(), buf.read(), buf.seek(0), buf.read(3))
out = io.StringIO()
for i in range(3):
    out.write("row %d\n" % i)
print(out.getvalue().count("\n"), len(out.getvalue()))
bio = io.BytesIO(b"abc\ndef")
print(bio.readline(), bio.read(), bio.getvalue())
