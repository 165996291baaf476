# IMPORT_NAME / IMPORT_FROM / IMPORT_STAR beyond the plain cases, with modules made in memory (a
# meta-path finder compiles their source, so their module code runs compiled too): `from m import
# missing` (ImportError with name and path, "unknown location", "partially initialized module"), module
# __getattr__ (called once per lookup), a submodule found through sys.modules, `import *` with and
# without __all__, a non-string in __all__, a name in __all__ that is missing, `import *` into a mapping
# of its own, an overridden builtins.__import__, and builtins without __import__.
import builtins
import importlib.abc
import importlib.util
import sys
import traceback
import types

SOURCES = {
    "memmod": """
public = 1
_private = 2
def helper():
    return "helper"
""",
    "memall": """
__all__ = ["a", "b"]
a, b, c = 1, 2, 3
""",
    "membadall": """
__all__ = ["ok", 42]
ok = "ok"
""",
    "memmissingall": """
__all__ = ["there", "not_there"]
there = 1
""",
    "memgetattr": """
calls = []
present = "present"
def __getattr__(name):
    calls.append(name)
    if name.startswith("dyn_"):
        return name.upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
""",
    "mempkg": """
from . import child
from .child import value as child_value
""",
    "mempkg.child": """
value = "child value"
""",
    "memcirc_a": """
import memcirc_b
from memcirc_b import later
""",
    "memcirc_b": """
from memcirc_a import something
later = 1
""",
}


class MemoryFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path, target=None):
        if name in SOURCES:
            return importlib.util.spec_from_loader(name, self, origin="mem://" + name,
                                                   is_package=(name == "mempkg"))
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.__file__ = "mem://" + module.__name__
        exec(compile(SOURCES[module.__name__], module.__file__, "exec"), module.__dict__)


sys.meta_path.insert(0, MemoryFinder())


def show(exc):
    print(type(exc).__name__, "|", exc, "|", getattr(exc, "name", "-"), "|", getattr(exc, "path", "-"))


from memmod import public, helper
print(public, helper())
try:
    from memmod import missing
except ImportError as e:
    show(e)
    traceback.print_exc(file=sys.stdout)

from memgetattr import present, dyn_name
import memgetattr
print(present, dyn_name, memgetattr.calls)
try:
    from memgetattr import other
except ImportError as e:
    show(e)
print(memgetattr.calls)

from mempkg import child, child_value
print(child.value, child_value)

try:
    import memcirc_a
except ImportError as e:
    show(e)

nomodule = types.ModuleType("nofile")
sys.modules["nofile"] = nomodule
try:
    from nofile import thing
except ImportError as e:
    show(e)
not_a_module = types.SimpleNamespace(attr="attr of a namespace")
sys.modules["notamodule"] = not_a_module
from notamodule import attr
print(attr)


def import_in_function():
    from memmod import public as p
    from memall import a
    import memmod as mm
    return p, a, mm.helper()


print([import_in_function() for _ in range(3)])

ns = {}
exec("from memmod import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))
ns = {}
exec("from memall import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))
try:
    exec("from membadall import *", {})
except TypeError as e:
    show(e)
try:
    exec("from memmissingall import *", {})
except AttributeError as e:
    show(e)
ns = {}
exec("from memgetattr import *", ns)
print(sorted(k for k in ns if k != "__builtins__"), memgetattr.calls)


class Recorder(dict):
    def __setitem__(self, key, value):
        print("store", key)
        super().__setitem__(key, value)


rec = Recorder()
exec("from memall import *\nfrom memmod import public", {}, rec)
print(sorted(rec))

# A __import__ of one's own, and builtins without one.
real_import = builtins.__import__
seen = []


def spy_import(name, globals=None, locals=None, fromlist=(), level=0):
    seen.append((name, fromlist, level))
    return real_import(name, globals, locals, fromlist, level)


builtins.__import__ = spy_import
try:
    import memmod
    from memall import b
    exec("import memall")
finally:
    builtins.__import__ = real_import
print(seen)
try:
    exec("import memmod", {"__builtins__": {"len": len}})
except ImportError as e:
    show(e)

# Leave the import system as it was (refleaks.py runs the program repeatedly in one process: a finder
# left in sys.meta_path would keep every run's modules alive), but for the module the last import needs.
import memmod as _memmod
sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, MemoryFinder)]
for _name in [name for name in sys.modules if name.startswith("mem") or name in ("nofile", "notamodule")]:
    del sys.modules[_name]
sys.modules["memmod"] = _memmod

from memmod import doesnotexist
