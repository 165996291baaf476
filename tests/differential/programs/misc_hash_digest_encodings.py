# Deterministic byte-level stdlib work: hashlib digests, zlib/crc32, base64, binascii, codecs.
import hashlib
import zlib
import base64
import binascii
import codecs

data = b"The quick brown fox jumps over the lazy dog"
for name in ("md5", "sha1", "sha256", "sha512", "blake2b"):
    print(name, hashlib.new(name, data).hexdigest()[:32])
h = hashlib.sha256()
for chunk in (data[i:i + 7] for i in range(0, len(data), 7)):
    h.update(chunk)
print(h.hexdigest() == hashlib.sha256(data).hexdigest())
comp = zlib.compress(data * 20, 9)
print(len(comp), zlib.decompress(comp) == data * 20, zlib.crc32(data), zlib.adler32(data))
print(base64.b64encode(data), base64.urlsafe_b64encode(b"\xfb\xff"), base64.b32encode(b"ab"), base64.b16decode(b"4142"))
print(base64.b64decode(base64.b64encode(bytes(range(20)))) == bytes(range(20)), base64.a85encode(b"hello"))
print(binascii.hexlify(b"\x00\xffab"), binascii.unhexlify("deadbeef"), binascii.crc_hqx(data, 0))
print(codecs.encode("hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"), "é".encode("unicode_escape"))
def crc32_manual(bs):
    crc = 0xFFFFFFFF
    for b in bs:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0xEDB88320 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF
print(crc32_manual(data) == zlib.crc32(data), crc32_manual(b""), hex(crc32_manual(b"abc")))
def adler_manual(bs):
    a, b = 1, 0
    for x in bs:
        a = (a + x) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
print(adler_manual(data) == zlib.adler32(data))
