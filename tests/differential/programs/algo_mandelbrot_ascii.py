# ASCII Mandelbrot and Julia sets with float and complex arithmetic.

def mandel(w, h, max_iter):
    rows = []
    for y in range(h):
        ci = (y / (h - 1)) * 2.4 - 1.2
        row = []
        for x in range(w):
            cr = (x / (w - 1)) * 3.2 - 2.2
            zr = zi = 0.0
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            row.append(" .:-=+*#%@"[n * 9 // max_iter])
        rows.append("".join(row))
    return rows

for line in mandel(60, 21, 40):
    print(line)

def julia(c, w, h, it):
    out = []
    for y in range(h):
        line = ""
        for x in range(w):
            z = complex(x / w * 3 - 1.5, y / h * 2 - 1)
            n = 0
            while abs(z) < 2 and n < it:
                z = z * z + c
                n += 1
            line += "#" if n == it else " "
        out.append(line.rstrip())
    return out
for line in julia(complex(-0.4, 0.6), 50, 15, 30):
    print(line)
print(sum(line.count("@") for line in mandel(30, 10, 30)))
