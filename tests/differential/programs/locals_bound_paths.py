# LOAD_FAST where compiled code decides at compile time whether a local can be unbound (a must-analysis
# over the blocks): locals bound on one branch only, deleted in a loop, bound inside try before a raise,
# `except ... as e` (deleted at the handler's end), parameters deleted, and *args/**kwargs/keyword-only
# parameters. Every UnboundLocalError must come out exactly as python3.11's, at the right iteration.
import sys


def bound_on_one_branch(n):
    out = []
    for i in range(n):
        if i % 3 == 0:
            value = i * 2
        try:
            out.append(value)
        except UnboundLocalError as e:
            out.append(str(e))
    return out


def deleted_in_loop(n):
    total = 0
    for i in range(n):
        item = i
        total += item
        if i == n - 2:
            del item
            try:
                total += item
            except UnboundLocalError as e:
                print("deleted:", e)
    return total


def bound_in_try_before_raise(n):
    results = []
    for i in range(n):
        try:
            if i % 2:
                raise ValueError(i)
            late = i
        except ValueError:
            pass
        results.append(late if i % 2 == 0 else -1)
    return results


def handler_name_is_deleted(n):
    seen = 0
    for i in range(n):
        try:
            raise KeyError(i)
        except KeyError as err:
            seen += err.args[0]
    try:
        print(err)
    except UnboundLocalError as e:
        print("after handler:", e)
    return seen


def parameter_deleted(a, b=5, *rest, c, **extra):
    total = a + b + c + len(rest) + len(extra)
    for _ in range(3):
        total += a
    del a
    try:
        return total + a
    except UnboundLocalError as e:
        return (total, str(e))


def unbound_on_first_iteration_only(n):
    acc = []
    for i in range(n):
        if i > 0:
            acc.append(previous)
        previous = i
    return acc


def never_bound():
    for i in range(3):
        if i > 5:
            ghost = 1
    return ghost


for round_ in range(40):  # hot: compiled after the threshold
    r1 = bound_on_one_branch(7)
    r2 = deleted_in_loop(6)
    r3 = bound_in_try_before_raise(6) if round_ else None
    r4 = handler_name_is_deleted(5)
    r5 = parameter_deleted(1, 2, 3, 4, c=6, z=7)
    r6 = unbound_on_first_iteration_only(5)
print(r1, r2, r4, r5, r6)
try:
    bound_in_try_before_raise(6)
except UnboundLocalError as e:
    print("try:", e)
try:
    never_bound()
except UnboundLocalError as e:
    print("never:", e)
sys.stdout.flush()
never_bound()
