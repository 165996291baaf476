# warnings: default formatting to stderr (file:line: Category: message + source line),
# stacklevel attributing to callers, "once"/"always"/"error" filters, catch_warnings(record=True).
import warnings

def deprecated_api(x):
    warnings.warn("deprecated_api is deprecated", DeprecationWarning, stacklevel=2)
    return x * 2

def user_code():
    return deprecated_api(3)

warnings.simplefilter("always")
print(user_code())
print(user_code())
warnings.warn("plain user warning")
warnings.warn("runtime problem", RuntimeWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for i in range(3):
        warnings.warn("recorded %d" % i, UserWarning)
print([str(w.message) for w in caught], [w.category.__name__ for w in caught], [w.lineno for w in caught])
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("only once")
warnings.simplefilter("error")
try:
    warnings.warn("now an error", FutureWarning)
except FutureWarning as e:
    print("FutureWarning raised:", e)
warnings.resetwarnings()
warnings.simplefilter("ignore")
warnings.warn("ignored entirely")
warnings.simplefilter("default")
def loop_warn():
    for i in range(3):
        warnings.warn("default filter: once per location")
loop_warn()
print("done")
