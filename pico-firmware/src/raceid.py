# raceid.py - race ids: UUID version 4 strings.
import binascii
import os
import random


def _bytes16():
    if hasattr(os, "urandom"):
        return bytearray(os.urandom(16))
    b = bytearray(16)
    for i in range(0, 16, 4):
        r = random.getrandbits(32)
        b[i], b[i + 1], b[i + 2], b[i + 3] = r >> 24, (r >> 16) & 255, (r >> 8) & 255, r & 255
    return b


def uuid4():
    b = _bytes16()
    b[6] = (b[6] & 0x0F) | 0x40  # version 4
    b[8] = (b[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = binascii.hexlify(b).decode()
    return "%s-%s-%s-%s-%s" % (h[0:8], h[8:12], h[12:16], h[16:20], h[20:32])
