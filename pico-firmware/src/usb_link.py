# usb_link.py - the USB CDC serial line of a real Pico: lines in from stdin, frames out.
#
# Out: each frame goes out whole, as far as the host can tell: once a frame is begun, the
# rest of it goes before anything else, so the host never sees half a frame followed by
# another. Lines end CR LF. The rp2 port's write waits (up to its TX timeout, half a second
# or more) whenever the USB buffer has less room than it is given, then writes what fits,
# and poll() promises one free byte only. So bytes go one write at a time, each only when
# poll() says there is room, at most _OUT_BUDGET per turn: a host that stops reading never
# stops the loop, not even once.
# In: the loop reads at most _BUDGET bytes per turn and returns after each complete line,
# so a flood of input never keeps it from the pins either.
from micropython import const
import select
import sys

_MAX = const(4096)
_BUDGET = const(256)      # bytes read per turn
_OUT_BUDGET = const(128)  # bytes written per turn


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
        self._out = out or sys.stdout.buffer
        self._rx = rx or _poller(sys.stdin, select.POLLIN)
        self._tx = tx or _poller(sys.stdout, select.POLLOUT)
        self._lines = LineBuilder()
        self._one = bytearray(1)
        self._rest = None  # the frame being sent, and how many of its bytes went
        self._sent = 0
        self._one_out = bytearray(1)

    def read_lines(self, timeout_ms):
        # The next complete line that arrived (a list of none or one), waiting up to
        # timeout_ms for the first byte and reading at most _BUDGET bytes.
        wait = timeout_ms
        for _ in range(_BUDGET):
            if not self._rx.poll(wait):
                break
            wait = 0
            if not self._in.readinto(self._one):
                break
            line = self._lines.add(self._one[0])
            if line is not None:
                return [line]
        return []

    def _push(self):
        # Send what is left of the current frame while the USB buffer has room.
        rest, i = self._rest, self._sent
        end = min(len(rest), i + _OUT_BUDGET)
        one = self._one_out
        while i < end and self._tx.poll(0):
            one[0] = rest[i]
            if self._out.write(one) == 0:
                break  # no room after all: try again next turn
            i += 1
        if i < len(rest):
            self._sent = i
            return False
        self._rest, self._sent = None, 0
        return True

    def drain(self):
        # True when no frame is half sent.
        return self._rest is None or self._push()

    def write(self, text):
        # False when the host is not reading (the frame stays queued), else True: the frame
        # is sent, or begun and its rest kept for drain().
        if not self.drain() or not self._tx.poll(0):
            return False
        self._rest, self._sent = text.encode() + b"\r\n", 0
        self._push()
        return True

    def last_words(self, text):
        # Before a restart: finish the frame begun, then this one, if the host reads.
        for _ in range(100):
            if self.drain():
                break
        if self._rest is None:
            self.write(text)
            for _ in range(100):
                if self.drain():
                    break
