# bytes / bytearray / memoryview work.

b = b"hello world"
print(b[0], b[-1], b[1:5], b[::-1], b.upper(), b.split(), b.replace(b"o", b"0"))
print(b + b"!", b * 2, b"o" in b, 111 in b, b.count(b"l"), b.find(b"wor"), b.hex(), b.hex(":", 2))
print(bytes(5), bytes([65, 66, 67]), bytes(range(250, 256)), bytes.fromhex("de ad be ef"))
ba = bytearray(b"abcdef")
ba[0] = 65
ba[1:3] = b"XYZ"
del ba[-1]
ba.append(33)
ba.extend(b"??")
ba += b"++"
print(ba, len(ba), ba.pop(), ba.find(b"Z"), bytes(ba))
ba.reverse()
print(ba, ba.decode())
mv = memoryview(bytearray(range(16)))
print(mv[2], mv[3:6].tolist(), mv.nbytes, mv[::4].tobytes())
mv[0] = 200
print(mv.obj[:3])
m2 = mv.cast("H")
print(m2.format, len(m2), m2[1], m2.tolist()[:4])
print(int.from_bytes(b"\x01\x02\x03", "big"), int.from_bytes(b"\x01\x02\x03", "little"), (1025).to_bytes(4, "little"))
print((-2).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xfe", "big", signed=True))
import struct
packed = struct.pack("<ihdQ?", -5, 300, 2.5, 2 ** 60, True)
print(packed, len(packed), struct.unpack("<ihdQ?", packed))
print(b"%s=%d %x" % (b"k", 42, 255), b"a,b".split(b","), b"  x ".strip(), b"ABC".lower())
checksum = 0
data = bytes((i * 37 + 11) & 0xFF for i in range(1000))
for i, byte in enumerate(data):
    checksum = (checksum * 31 + byte ^ i) & 0xFFFFFFFF
print(checksum, data[:8], sum(data), max(data), data.count(0))
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytearray(b"x")[5]
except IndexError as e:
    print("IndexError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
print(b"abc" < b"abd", b"a" == bytearray(b"a"), bytearray(b"z") > b"a", b"" < b"\x00")
