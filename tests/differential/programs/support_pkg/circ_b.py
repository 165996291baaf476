print("circ_b: start")
from . import circ_a
B_VALUE = "b sees A_VALUE=" + circ_a.A_VALUE

def read_a():
    return "b reads " + circ_a.A_VALUE
print("circ_b: end")
