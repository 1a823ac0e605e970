# pins.py - pin inputs with pull-ups, their interrupts, and the bursts of edges each pin saw.
#
# The interrupt handler runs as a hard interrupt, allocates nothing and does as little as it
# can, because handlers run one after another (a lane that changes while another's handler
# runs is stamped only when its own runs): it stamps time.ticks_us(), reads the whole GPIO
# input register and writes both, with its pin's number, into a ring. The main loop reads the
# ring. Every watched pin found changed in an entry's register gets that entry's stamp, so
# lanes that finish at the same instant get the same time whichever pin's interrupt ran
# first. A pin whose own interrupt came with no change of it seen since its last one gets
# the stamp too: it had an edge, but bounced back before the register was read.
#
# A pin's burst is its first edge and every edge that follows within hold_us of the one
# before; the burst keeps the first edge's stamp. A burst ends once the pin has been quiet for
# hold_us, at the level it then has: a 2 us spike that came back is no change at all, and
# contact bounce keeps the first edge's stamp.
from micropython import const
from array import array
import machine
import time

_SLOTS = const(30)  # GPIO 0..29
_RING = const(128)  # interrupts the loop may fall behind by (a power of two)
_GPIO_IN = const(0xD0000004)  # SIO: the levels of GPIO 0..29, one bit each
USABLE = tuple(range(0, 23)) + (26, 27, 28)  # 23, 24, 25 and 29 belong to the board

_at = array("l", [0] * _RING)      # the ring, written by the handler only: its stamp,
_levels = array("l", [0] * _RING)  # the GPIO register it read,
_pin = bytearray(_RING)            # and whose interrupt it was
_head = 0                          # entries written (mod 2^30)
_ticks_us = time.ticks_us
_mem32 = machine.mem32


def _handler(n):
    def on_edge(pin):
        global _head
        now = _ticks_us()  # the stamp first, before anything else
        i = _head & (_RING - 1)
        _levels[i] = _mem32[_GPIO_IN]
        _at[i] = now
        _pin[i] = n
        _head = (_head + 1) & 0x3FFFFFFF
    return on_edge


class Pins:
    def __init__(self, gpios, hold_us):
        self.hold_us = hold_us
        self._pins = {}
        self._mask = 0
        self._seen = 0       # the watched pins' levels as the last entry read them
        self._tail = _head   # the next entry to read
        self._first = {}     # gpio -> stamp of the first edge of its open burst
        self._last = {}      # gpio -> stamp of that burst's latest edge
        self._marks = {}     # gpio -> changes seen, and the count at its own last interrupt
        self.lost = 0        # entries the loop fell too far behind to read
        self.watch(gpios)

    def watch(self, gpios):
        # Watch more pins: their levels are read with interrupts off, so an edge between the
        # read and the first interrupt is not lost.
        for n in gpios:
            if n not in self._pins:
                self._pins[n] = machine.Pin(n, machine.Pin.IN, machine.Pin.PULL_UP)
        state = machine.disable_irq()
        try:
            levels = _mem32[_GPIO_IN]
            for n in gpios:
                bit = 1 << n
                self._mask |= bit
                self._seen = (self._seen & ~bit) | (levels & bit)
                self._marks[n] = [0, 0]
        finally:
            machine.enable_irq(state)
        for n in gpios:
            self._pins[n].irq(handler=_handler(n), trigger=machine.Pin.IRQ_FALLING | machine.Pin.IRQ_RISING,
                              hard=True)

    def unwatch(self, gpios):
        for n in gpios:
            p = self._pins.pop(n, None)
            if p is not None:
                p.irq(handler=None)
                self._mask &= ~(1 << n)
                self._first.pop(n, None)
                self._last.pop(n, None)

    def level(self, n):
        # The pin's level as the interrupts last saw it (a level the loop has not read
        # an interrupt for yet is not shown).
        return (self._seen >> n) & 1

    def raw(self, n):
        return (_mem32[_GPIO_IN] >> n) & 1

    def bursts(self, now):
        # [(stamp of the first edge, gpio, level it ended at)] of the bursts that ended since
        # the last call, oldest first. A burst that ended at the level it began with was noise.
        ended = []
        head = _head
        behind = (head - self._tail) & 0x3FFFFFFF
        if behind > _RING:
            self.lost += behind - _RING
            self._tail = (head - _RING) & 0x3FFFFFFF
        while self._tail != head:
            i = self._tail & (_RING - 1)
            self._entry(_at[i], _levels[i], _pin[i], ended)
            self._tail = (self._tail + 1) & 0x3FFFFFFF
        for n in list(self._first):
            if time.ticks_diff(now, self._last[n]) >= self.hold_us:
                ended.append((self._first.pop(n), n, (self._seen >> n) & 1))
                del self._last[n]
        return ended

    def _entry(self, t, levels, own, ended):
        before = self._seen
        levels &= self._mask
        changed = levels ^ before
        self._seen = levels
        marks = self._marks.get(own)
        if marks is not None:
            if marks[0] == marks[1]:
                changed |= 1 << own  # its edge came and went before the register was read
        for n in self._marks:
            bit = 1 << n
            if not changed & bit:
                continue
            last = self._last.get(n)
            if last is not None and time.ticks_diff(t, last) >= self.hold_us:
                ended.append((self._first.pop(n), n, (before >> n) & 1))  # quiet long enough
                last = None
            if last is None:
                self._first[n] = t
            self._last[n] = t
            self._marks[n][0] += 1
        if marks is not None:
            marks[1] = marks[0]

    def close(self):
        self.unwatch(list(self._pins))
