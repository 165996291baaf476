# complex, fractions.Fraction and decimal.Decimal arithmetic, mixed with int/float.
from fractions import Fraction as F
from decimal import Decimal as D, getcontext, localcontext, ROUND_HALF_UP, InvalidOperation, DivisionByZero
import cmath

z = 3 + 4j
w = complex(-1, 0.5)
print(z + w, z - w, z * w, z / w, z ** 2, abs(z), z.conjugate(), z.real, z.imag, -z, z == 3 + 4j)
print(cmath.sqrt(-4), cmath.exp(1j * cmath.pi).real, cmath.phase(-1), complex("1+2j"), 1j ** 2)
try:
    z // 2
except TypeError as e:
    print("TypeError:", e)
try:
    z < w
except TypeError as e:
    print("TypeError:", e)
a, b = F(1, 3), F(2, 7)
print(a + b, a - b, a * b, a / b, a ** 2, a ** -2, -a, abs(-a), a < b, a == F(2, 6), float(a), int(F(7, 2)))
print(F(0.75), F("3/8"), F(1, 3) + 1, F(1, 3) * 1.5, F(10, 4).limit_denominator(3), round(F(7, 2)), round(F(5, 2)))
h = F(0)
for k in range(1, 20):
    h += F(1, k)
print(h, h.numerator.bit_length())
getcontext().prec = 30
print(D(1) / D(7), D("0.1") + D("0.2"), D("1.10") * 3, D(2).sqrt(), D("123.456").quantize(D("0.1")))
print(D("2.675").quantize(D("0.01"), rounding=ROUND_HALF_UP), D("-0"), D("1e-3").normalize(), D("100").normalize())
with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / D(3), D("3.14159265") + 0)
try:
    D("abc")
except InvalidOperation:
    print("InvalidOperation")
try:
    D(1) / D(0)
except DivisionByZero as e:
    print("DivisionByZero", type(e).__name__)
print(D("1.5") < 2, D("1.5") == 1.5, D(1) == F(1), sorted([D("1.1"), F(1, 2), 0.7, 1]))
total = D(0)
for i in range(100):
    total += D("0.01")
print(total, total == D(1))
fl = 0.0
for i in range(100):
    fl += 0.01
print(fl, fl == 1.0)
