# Helper package for import_helper_package.py (not a test program itself).
print("support_pkg: executing __init__")
try:
    import_count += 1
except NameError:
    import_count = 1
VALUE = 42

def greet(name):
    return "hello, %s" % name
