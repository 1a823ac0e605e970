# usb_link.py - the USB CDC serial line of a real Pico: lines in from stdin, frames out.
from micropython import const
import select
import sys

_MAX = const(4096)


class LineBuilder:
    # Bytes in, complete lines out. The buffer is allocated once; a line longer than 4096
    # bytes keeps 4097 of them, which protocol.parse refuses as "line too long".
    def __init__(self):
        self._buf = bytearray(_MAX + 1)
        self._n = 0

    def add(self, c):
        # A byte; returns the finished line (bytes, without LF) at LF, else None.
        if c == 10:
            line = bytes(self._buf[:self._n])
            self._n = 0
            return line
        if self._n <= _MAX:
            self._buf[self._n] = c
            self._n += 1
        return None


def _poller(stream, event):
    p = select.poll()
    p.register(stream, event)
    return p


class UsbLink:
    def __init__(self, inp=None, out=None, rx=None, tx=None):
        self._in = inp or sys.stdin.buffer
        self._out = out or sys.stdout
        self._rx = rx or _poller(sys.stdin, select.POLLIN)
        self._tx = tx or _poller(sys.stdout, select.POLLOUT)
        self._lines = LineBuilder()

    def read_lines(self, timeout_ms):
        # The complete lines that arrived, waiting up to timeout_ms for the first byte.
        lines = []
        wait = timeout_ms
        while self._rx.poll(wait):
            wait = 0
            b = self._in.read(1)
            if not b:
                break
            line = self._lines.add(b[0])
            if line is not None:
                lines.append(line)
        return lines

    def write(self, text):
        # False when the host is not reading; the device keeps the frame queued.
        if not self._tx.poll(0):
            return False
        self._out.write(text)
        self._out.write("\n")
        return True
