# Uncaught ExceptionGroup (nested) - rendered with the box-drawing group traceback format.

def task(i):
    if i % 2:
        raise ValueError("task %d failed" % i)
    raise KeyError(i)

def run_all():
    errors = []
    for i in range(4):
        try:
            task(i)
        except Exception as e:
            errors.append(e)
    inner = ExceptionGroup("inner batch", errors[2:])
    raise ExceptionGroup("all tasks", errors[:2] + [inner])

print("running")
run_all()
