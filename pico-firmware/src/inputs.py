# inputs.py - debounced levels of the watched pins, and the changes since the last poll.
#
# The first edge after a quiet pin flips its debounced level at the edge's own stamp, so
# the debounce never delays a time. Edges within debounce_ms after a change are chatter and
# ignored; when the window has passed the pin is read once more and, if it disagrees (a
# pulse shorter than the window), the level follows with a change stamped at that read.
import time
import pins


class Inputs:
    def __init__(self, gpios, debounce_ms):
        self.gpios = tuple(gpios)
        self.debounce_us = debounce_ms * 1000
        self.pins = pins.Pins(self.gpios)
        self.level = {}    # gpio -> debounced level
        self._since = {}   # gpio -> stamp of the last change, while its window is open
        for n in self.gpios:
            self.level[n] = self.pins.level(n)

    def raw(self, n):
        return self.pins.level(n)

    def poll(self, now):
        # [(stamp, gpio, level)] of the debounced changes, oldest first.
        changes = []
        diff = time.ticks_diff
        for n in self.gpios:
            t = self.pins.take(n)
            since = self._since.get(n)
            if t >= 0 and (since is None or diff(t, since) >= self.debounce_us):
                self._flip(n, t, 1 - self.level[n], changes)
                since = t
            if since is not None and diff(now, since) >= self.debounce_us:
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
