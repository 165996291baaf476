# IMPORT_NAME / IMPORT_FROM / IMPORT_STAR, relative-free imports of stdlib modules,
# import inside functions, import errors, __import__, importlib.
import math
import os.path
import collections.abc as cabc
from functools import reduce, partial as P
from itertools import *
from string import ascii_lowercase as letters, digits

print(math.floor(2.5), os.path.join("a", "b"), issubclass(list, cabc.Sequence), reduce(lambda a, b: a * b, range(1, 6)))
print(P(pow, 2)(10), letters[:5], digits, list(islice(count(3), 4)), list(repeat("r", 2)))

def lazy_import():
    import json
    from json import dumps as dump_it
    return json.loads('{"a": [1, 2]}'), dump_it({"b": None}, sort_keys=True)
print(lazy_import())

def import_in_loop():
    out = []
    for name in ["math", "string", "json"]:
        mod = __import__(name)
        out.append(mod.__name__)
    return out
print(import_in_loop())
try:
    import does_not_exist_anywhere
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
try:
    from os import path as p2, nope
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
import importlib
mod = importlib.import_module("textwrap")
print(mod.shorten("hello world this is long", width=12))
import sys
print("math" in sys.modules, type(sys.modules["math"]).__name__)
def import_star_result():
    return sorted(n for n in ("chain", "cycle", "tee", "product") if n in globals())
print(import_star_result())
import math as m2, string as s2
print(m2 is math, s2.capwords("a b"))
from collections import (
    OrderedDict,
    namedtuple,
)
Pt = namedtuple("Pt", "x y")
print(Pt(1, 2), OrderedDict(a=1))
print(__name__, __builtins__.__name__ if hasattr(__builtins__, "__name__") else type(__builtins__).__name__)
