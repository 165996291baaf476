# Deeply nested blocks (19 levels of static nesting), the 20-block SyntaxError, very deep
# parenthesised expressions, long boolean chains and deeply nested data literals.
src = ""
indent = ""
for i in range(19):
    src += indent + "for i%d in range(1):\n" % i
    indent += " "
src += indent + "hits.append(%s)\n" % " + ".join("i%d" % i for i in range(19))
ns = {"hits": []}
exec(src, ns)
print("19 nested loops ran:", ns["hits"])
src20 = ""
indent = ""
for i in range(21):
    src20 += indent + "for j%d in range(1):\n" % i
    indent += " "
src20 += indent + "pass\n"
try:
    compile(src20, "<deep>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
expr = "(" * 90 + "1" + " + 1)" * 90
print(eval(expr))
chain = " and ".join("x%d" % i for i in range(200))
env = {"x%d" % i: i + 1 for i in range(200)}
print(eval(chain, env), eval(chain.replace(" and ", " or "), env))
env["x150"] = 0
print(eval(chain, env))
nested = eval("[" * 50 + "42" + "]" * 50)
depth = 0
while isinstance(nested, list):
    nested = nested[0]
    depth += 1
print(depth, nested)
def deep_if(v):
    if v > 0:
        if v > 1:
            if v > 2:
                if v > 3:
                    if v > 4:
                        if v > 5:
                            if v > 6:
                                if v > 7:
                                    return "more than 7"
                                return 7
                            return 6
                        return 5
                    return 4
                return 3
            return 2
        return 1
    return 0
print([deep_if(v) for v in range(10)])
try:
    eval("(" * 300 + ")" * 300)
except (SyntaxError, RecursionError, MemoryError) as e:
    print(type(e).__name__, "for 300 nested parens")
long_sum = eval(" + ".join(str(i) for i in range(1000)))
print(long_sum)
nested_try = "def f():\n"
ind = " "
for k in range(10):
    nested_try += ind + "try:\n"
    ind += " "
nested_try += ind + "raise ValueError('deep')\n"
for k in range(10):
    ind = ind[:-1]
    nested_try += ind + "except ValueError as e%d:\n%s raise KeyError(%d) from e%d\n" % (k, ind, k, k)
ns2 = {}
exec(nested_try, ns2)
try:
    ns2["f"]()
except KeyError as e:
    chain_len = 0
    cur = e
    while cur is not None:
        chain_len += 1
        cur = cur.__cause__
    print("KeyError", e, "cause chain length", chain_len)
