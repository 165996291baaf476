# The order in which an instruction releases its inputs is visible through __del__: STORE_ATTR releases
# the value before the owner, BINARY_OP the left operand before the right, STORE_SUBSCR value, container,
# key.
class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


class Owner(Noisy):
    def __setattr__(self, name, value):
        if name != "tag":
            return
        super().__setattr__(name, value)

    def __setitem__(self, key, value):
        pass

    def __add__(self, other):
        return 0


def store_attr():
    Owner("owner").x = Noisy("value")


def binary_op():
    return Owner("left") + Noisy("right")


def store_subscr():
    Owner("container")[Noisy("key")] = Noisy("value")


for step in (store_attr, binary_op, store_subscr):
    print("--", step.__name__)
    step()
