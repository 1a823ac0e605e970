# pins.py - pin inputs with pull-ups and their interrupt handlers.
#
# A handler runs as a hard interrupt and allocates nothing: when its pin's slot is empty
# it stamps time.ticks_us() into the slot and marks it full. The first edge is kept, the
# chatter that follows is left for the main loop's debounce. The main loop empties slots.
from micropython import const
from array import array
import machine
import time

_SLOTS = const(30)  # GPIO 0..29
USABLE = tuple(range(0, 23)) + (26, 27, 28)  # 23, 24, 25 and 29 belong to the board

_stamp = array("l", [0] * _SLOTS)
_full = bytearray(_SLOTS)
_ticks_us = time.ticks_us


def _handler(n):
    def on_edge(pin):
        if not _full[n]:
            _stamp[n] = _ticks_us()
            _full[n] = 1
    return on_edge


class Pins:
    def __init__(self, gpios):
        self._pins = {}
        for n in gpios:
            p = machine.Pin(n, machine.Pin.IN, machine.Pin.PULL_UP)
            _full[n] = 0
            p.irq(handler=_handler(n), trigger=machine.Pin.IRQ_FALLING | machine.Pin.IRQ_RISING,
                  hard=True)
            self._pins[n] = p

    def level(self, n):
        return self._pins[n].value()

    def take(self, n):
        # The stamp of the first edge since the last take, or -1. The handler writes only
        # to an empty slot, so reading the stamp before emptying the slot is safe.
        if not _full[n]:
            return -1
        t = _stamp[n]
        _full[n] = 0
        return t

    def close(self):
        for p in self._pins.values():
            p.irq(handler=None)
        self._pins = {}
