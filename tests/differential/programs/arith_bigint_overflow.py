# Small ints that overflow into big ints (and back) inside hot loops.

def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

for n in (5, 10, 20, 21, 25, 30):
    print(n, fact(n))

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

for n in (10, 50, 90, 92, 93, 100, 150):
    print("fib", n, fib(n))

x = 2 ** 62
for i in range(5):
    x = x + x
    print(i, x, x.bit_length(), -x, x >> 60)
while x > 10:
    x //= 1000
    print("down", x)

big = 10 ** 40 + 7
print(big % 97, big // 3, divmod(big, 10 ** 20), big ** 2 % 1000003)
print(-big // 7, -big % 7, (-big) >> 3, big & 0xFFFF, big | 1, big ^ (big >> 1))
print(str(2 ** 200)[:20], len(str(3 ** 500)))
print(hex(2 ** 100), oct(2 ** 70), bin(2 ** 40 + 1))
print(int("123456789" * 5) * 3)
# mixed big/small comparisons
vals = [2 ** 63 - 1, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1, 2 ** 64, 0, -1]
for a in vals:
    print(a, [a < b for b in vals], a == float(a))
m = 9223372036854775807
m += 1
print(m, type(m).__name__)
m -= 2
print(m)
print(abs(-(2 ** 100)), -(-(2 ** 64)), ~(2 ** 65))
print(sum(range(10 ** 6, 10 ** 6 + 1000)) * 10 ** 30)
print(pow(7, 10 ** 5, 10 ** 9 + 7), pow(3, -1, 11))
