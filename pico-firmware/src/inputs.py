# inputs.py - debounced levels of the watched pins, and the changes since the last poll.
#
# A change is handed on only once its pin has held the new level for hold_us (pins.py), and
# it carries the stamp of its first edge, so neither the hold nor the debounce ever delays a
# time. After a change, further changes within debounce_ms are chatter and ignored; when the
# window has passed the pin's level is looked at once more and, if it disagrees (a pulse
# shorter than the window), the level follows with a change stamped at that look.
import time
import pins


class Inputs:
    def __init__(self, gpios, debounce_ms, hold_us):
        self.debounce_us = debounce_ms * 1000
        self.pins = pins.Pins(gpios, hold_us)
        self.level = {}    # gpio -> debounced level
        self._since = {}   # gpio -> stamp of the last change, while its window is open
        self._read(gpios)

    def _read(self, gpios):
        for n in gpios:
            self.level[n] = self.pins.level(n)
            self._since.pop(n, None)

    def watch(self, gpios):
        # Start watching more pins (learn mode), leaving the watched ones as they are.
        new = [n for n in gpios if n not in self.level]
        if new:
            self.pins.watch(new)
            self._read(new)

    def unwatch(self, gpios):
        self.pins.unwatch(gpios)
        for n in gpios:
            self.level.pop(n, None)
            self._since.pop(n, None)

    def raw(self, n):
        return self.pins.raw(n)

    def poll(self, now):
        # [(stamp, gpio, level)] of the debounced changes, oldest first.
        changes = []
        diff = time.ticks_diff
        for t, n, lvl in self.pins.bursts(now):
            if n not in self.level:
                continue
            since = self._since.get(n)
            if lvl != self.level[n] and (since is None or diff(t, since) >= self.debounce_us):
                self._flip(n, t, lvl, changes)
        for n in list(self._since):
            if diff(now, self._since[n]) >= self.debounce_us:
                lvl = self.pins.level(n)
                if lvl != self.level[n]:
                    self._flip(n, now, lvl, changes)
                else:
                    del self._since[n]
        if len(changes) > 1:
            changes.sort(key=lambda c: diff(c[0], now))
        return changes

    def _flip(self, n, t, lvl, changes):
        self.level[n] = lvl
        self._since[n] = t
        changes.append((t, n, lvl))

    def close(self):
        self.pins.close()
