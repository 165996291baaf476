# Uncaught custom exception with a custom __str__, raised inside a class body during import-time code.

class DomainError(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail
    def __str__(self):
        return "[E%03d] %s" % (self.code, self.detail)

def validate(x):
    if x > 3:
        raise DomainError(x, "value %d too large" % x)
    return x

class Config:
    print("class body starts")
    limits = [validate(i) for i in range(3)]
    print("limits", limits)
    extra = validate(7)
    print("never")
