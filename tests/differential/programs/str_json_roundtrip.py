# json encode/decode (pure-Python paths via sort_keys/indent/default hooks) and repr/ast round trips.
import json
import ast

data = {"name": "caf\u00e9", "n": [1, 2.5, -3, 10 ** 20, True, None], "nested": {"b": [], "a": {}},
        "esc": "quote\" back\\ nl\n tab\t", "uni": "\u2603\U0001F600"}
s = json.dumps(data, sort_keys=True)
print(s)
print(json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False))
print(json.loads(s) == data, json.loads("[1, 2.0, \"x\", null, true, false, {}]"))
print(json.dumps([float("inf"), float("nan")]), json.dumps({"k": 1}, separators=(",", ":")))
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(json.dumps([Pt(1, 2)], default=lambda o: {"pt": [o.x, o.y]}))
print(json.loads('{"pt": [3, 4]}', object_hook=lambda d: Pt(*d["pt"]) if "pt" in d else d).y)
for bad in ["{", "[1,]", "{'a': 1}", "nul", "\"unterminated"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e.msg, e.pos)
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError:", e)
enc = json.JSONEncoder(sort_keys=True, indent=None)
print(list(enc.iterencode({"z": [1, {"y": 2}]})))
for lit in ["[1, (2, 3), {'a': None}]", "-5", "'s' 't'", "{1, 2}", "b'x'", "1e3"]:
    v = ast.literal_eval(lit)
    print(repr(v), repr(v) == repr(ast.literal_eval(repr(v))))
tree = ast.parse("x = a + b * 2")
print(ast.dump(tree.body[0].value))
print(ast.unparse(ast.parse("def f(a, *, b=1):\n    return a if b else -a")))
