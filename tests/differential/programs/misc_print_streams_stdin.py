# print() to stdout and stderr (separately captured), sep/end/file/flush, sys.stdout.write return
# values, and reading from an empty stdin (the runner supplies /dev/null): input() -> EOFError.
import sys
import io

print("to stdout", 1, 2.5, None, sep=" | ", end=" <end>\n")
print("to stderr", "with", "sep", sep="-", file=sys.stderr)
n = sys.stdout.write("write returns length\n")
print(n)
sys.stderr.write("stderr write\n")
print()
print("", end="")
print("no newline", end="")
print(" -> continued", flush=True)
buf = io.StringIO()
print("into buffer", 42, file=buf)
print(repr(buf.getvalue()))
print(*range(5), sep=", ")
print(*[], sep="x")
try:
    print("a", sep=5)
except TypeError as e:
    print("TypeError:", e)
data = sys.stdin.read()
print("stdin read:", repr(data))
try:
    line = input()
    print("unexpected input", line)
except EOFError as e:
    print("EOFError:", repr(str(e)))
try:
    input("prompt goes to stdout> ")
except EOFError:
    print("(EOF after prompt)")
print(sys.stdin.readline() == "", list(sys.stdin) == [])
for i in range(3):
    print("err line", i, file=sys.stderr)
    print("out line", i)
print(len(sys.argv), sys.argv[0].endswith("misc_print_streams_stdin.py"))
