# sys.exit(300): the process exit status is 300 & 0xFF = 44.
import sys
print("computing")
codes = [n % 256 for n in (0, 255, 256, 300)]
print(codes)
sys.exit(300)
