# A compiled callee turns tracing on and raises: the running caller must report the exception
# event and its line events, and no second 'call' event (found by CPython's test_sys_settrace,
# test_09_settrace_and_raise, under tools/cpython_tests.py).
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("caller", "turn_on_and_raise"):
        events.append((frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno, event))
    return tracer


def turn_on_and_raise(trace, profile):
    if trace:
        sys.settrace(tracer)
        sys._getframe().f_back.f_trace = tracer
    if profile:
        sys.setprofile(tracer)
    raise RuntimeError("raised after tracing started")


def caller(trace, profile):
    try:
        turn_on_and_raise(trace, profile)
    except RuntimeError as error:
        message = str(error)
    return message


for trace, profile in ((True, False), (False, True), (True, True)):
    events.clear()
    print(caller(trace, profile))
    sys.settrace(None)
    sys.setprofile(None)
    print("trace" if trace else "", "profile" if profile else "", events)
