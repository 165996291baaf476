# SETUP_ANNOTATIONS: annotations at module level and in class bodies, annotated assignments
# without values, complex targets, __annotations__ contents, annotations in functions.
x: int = 5
y: "forward ref"
z: list[int] = [1, 2]
print(__annotations__)

class C:
    a: int
    b: str = "b"
    c: dict[str, int] = {}
    (d): float = 1.0
    print("in class", sorted(__annotations__))
print(C.__annotations__, C.b, hasattr(C, "a"))

obj = C()
obj.attr: int = 3
lst = [0]
lst[0]: str = "not recorded"
print(obj.attr, lst, "attr" in __annotations__)

def f():
    local: int = 1
    unused: str
    return local
print(f(), f.__annotations__)

def side_effect(tag):
    print("  evaluating annotation", tag)
    return tag
v1: side_effect("module") = 1
class D:
    w: side_effect("class") = 2
def g():
    q: side_effect("function-never") = 3
    return q
print(g(), __annotations__["v1"])
try:
    del y
except NameError as e:
    print("NameError:", e)
from typing import get_type_hints, Optional
class E:
    p: Optional[int] = None
    q: "list[str]"
print(get_type_hints(E))
for i in range(3):
    loopvar: int = i * 2
print(loopvar, __annotations__["loopvar"])
