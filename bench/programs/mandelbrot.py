"""mandelbrot: escape-time iteration on floats.

Exercises: a tight while-loop with float multiply/add/compare, early exit,
nested range loops, integer counters.  Iterates z = z^2 + c with separate
real/imaginary floats (no complex type) over a grid and sums the escape
counts.
"""
import sys


def escape_counts(width, height, limit):
    total = 0
    inside = 0
    x0, x1 = -2.1, 0.7
    y0, y1 = -1.2, 1.2
    dx = (x1 - x0) / width
    dy = (y1 - y0) / height
    row_hash = 0
    for py in range(height):
        ci = y0 + py * dy
        row = 0
        for px in range(width):
            cr = x0 + px * dx
            zr = 0.0
            zi = 0.0
            n = 0
            while n < limit:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                n += 1
            if n == limit:
                inside += 1
            row += n
        total += row
        row_hash = (row_hash * 31 + row) % 1000000007
    return total, inside, row_hash


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 950
    total, inside, h = escape_counts(size, size, 60)
    print("mandelbrot size=%d total=%d inside=%d hash=%d" % (size, total, inside, h))


main()
