# Not a corpus program: the refleaks checker's own test (tests/reliability/CMakeLists.txt). Every run
# keeps one more object alive in a place that outlives the run, as a reference leak in pyjit would,
# and the checker must report it. The function is hot so that the growth happens in compiled code.
import builtins


def keep(store, n):
    for i in range(n):
        if i == n - 1:
            store.append(object())


keep(builtins.__dict__.setdefault("_pyjit_refleaks_self_test", []), 50)
