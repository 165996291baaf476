# Uncaught exception raised several frames deep: traceback with carets goes to stderr, exit code 1.

def parse(token):
    return int(token)

def parse_all(tokens):
    out = []
    for t in tokens:
        out.append(parse(t) * 2)
        print("parsed", t)
    return out

def main():
    data = ["1", "22", "333", "4x4", "5"]
    print("starting")
    result = parse_all(data)
    print("unreachable", result)

main()
