print("circ_a: start")
A_VALUE = "a"
from . import circ_b
print("circ_a: end, circ_b.B_VALUE =", circ_b.B_VALUE)

def get_b():
    return circ_b.read_a()
