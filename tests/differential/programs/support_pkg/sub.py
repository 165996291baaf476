print("support_pkg.sub: executing")
__all__ = ["public_fn", "counter"]
counter = 0
for _i in range(5):
    counter += _i

def public_fn():
    return "public"

def hidden_fn():
    return "hidden"

_private = 1
