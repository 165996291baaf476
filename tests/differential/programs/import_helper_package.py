# Importing a helper package that lives next to the programs (support_pkg/): module-level
# code runs once, from-imports, IMPORT_STAR honoring __all__, submodules, circular import.
import support_pkg
from support_pkg import greet, VALUE
from support_pkg.sub import *
import support_pkg.sub as sub
from support_pkg import circ_a

print(greet("world"), VALUE)
print(public_fn(), "hidden_fn" in globals(), "_private" in globals())
print(sub.counter, sub.public_fn is public_fn)
import support_pkg
print(support_pkg.import_count)
print(circ_a.A_VALUE, circ_a.get_b())
import importlib
importlib.reload(support_pkg)
print("after reload", support_pkg.import_count)
