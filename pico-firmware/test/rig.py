# rig.py - a Device on a fake Pico for tests: fake pins, a fake clock, a link that records
# frames (and can stop accepting them), and helpers that drive the wires at exact instants.
import json
import os
import random
import machine
import fake_time
import config
import device

_run = [0]


class Link:
    def drain(self):
        return True  # frames are taken whole

    def __init__(self):
        self.lines = []
        self.accept = True

    def write(self, text):
        if not self.accept:
            return False
        if "\n" in text:
            raise AssertionError("a frame must be one line: %r" % text)
        self.lines.append(text)
        return True


def fresh_dir(with_firmware=False):
    # A new, empty flash root as the current folder (optionally holding the firmware files).
    _run[0] += 1
    path = "/run/f%d" % _run[0]
    os.mkdir(path)
    if with_firmware:
        for name in os.listdir("/flash"):
            with open("/flash/" + name, "rb") as src, open(path + "/" + name, "wb") as dst:
                dst.write(src.read())
    os.chdir(path)
    return path


class Rig:
    def __init__(self, start_us=5000000, seed=1, with_firmware=False, cfg=None, **changes):
        fake_time.reset(start_us)
        random.seed(seed)
        self.dir = fresh_dir(with_firmware)
        c = config.defaults() if cfg is None else cfg
        c.update(changes)
        self.cfg = config.validate(c)
        # a track at rest: the gate up and ready, the lane sensors open
        machine.set_level(c["gate_pin"], 1 if c["gate_invert"] else 0)
        self.link = Link()
        self.dev = device.Device(self.cfg, self.link)
        self._next = 0

    # -- wires ------------------------------------------------------------------------
    def _at(self, at_us):
        if at_us is not None:
            fake_time.set_us(at_us)

    def set_pin(self, gpio, level, at_us=None):
        # Drive a wire at an exact instant (the clock is there while the handler runs).
        self._at(at_us)
        machine.set_level(gpio, level)

    def gate_level(self, ready):
        c = self.dev.cfg
        return (1 if c["gate_invert"] else 0) if ready else (0 if c["gate_invert"] else 1)

    def open_gate(self, at_us=None):
        self.set_pin(self.dev.cfg["gate_pin"], self.gate_level(False), at_us)
        self.settle()

    def close_gate(self, at_us=None):
        self.set_pin(self.dev.cfg["gate_pin"], self.gate_level(True), at_us)
        self.settle()

    def lane(self, n, at_us=None, hold_us=3000):
        # A car passes lane n's sensor: it closes at at_us and opens hold_us later.
        pin = self.dev.cfg["lane_pins"][n - 1]
        self.set_pin(pin, 0, at_us)
        self.poll()
        self.set_pin(pin, 1, fake_time.now_us() + hold_us)
        self.settle()

    # -- time -------------------------------------------------------------------------
    def now(self):
        return fake_time.now_us()

    def poll(self):
        self.dev.poll()

    def advance(self, us, step=1000):
        # Let time pass, polling every `step` us as the main loop would.
        end = fake_time.now_us() + us
        while fake_time.now_us() + step < end:
            fake_time.advance_us(step)
            self.dev.poll()
        fake_time.set_us(end)
        self.dev.poll()

    def settle(self):
        # Poll past the debounce window so levels are final.
        self.poll()
        self.advance((self.dev.cfg["debounce_ms"] + 1) * 1000)

    # -- requests ---------------------------------------------------------------------
    def send(self, line, poll=True):
        self.dev.feed(line)
        if poll:
            self.dev.poll()

    def request(self, cmd, poll=True, **args):
        # Send a request (and poll once, unless poll=False); returns its id.
        self._next += 1
        req = {"id": self._next, "cmd": cmd}
        req.update(args)
        self.send(json.dumps(req), poll)
        return self._next

    def frames(self):
        # The frames written since the last call, parsed.
        out = [json.loads(t) for t in self.link.lines]
        self.link.lines = []
        return out

    def texts(self):
        out = self.link.lines
        self.link.lines = []
        return out

    def call(self, cmd, **args):
        # One command answered at once: returns its frame (ok or err); other frames are kept
        # in self.other.
        rid = self.request(cmd, **args)
        return self.answer(rid)

    def answer(self, rid):
        mine = None
        self.other = []
        for f in self.frames():
            if f.get("id") == rid and mine is None:
                mine = f
            else:
                self.other.append(f)
        if mine is None:
            raise AssertionError("no answer to request %d" % rid)
        return mine

    def ok(self, cmd, **args):
        f = self.call(cmd, **args)
        if "ok" not in f:
            raise AssertionError("%s failed: %r" % (cmd, f))
        return f["ok"]

    def error(self, cmd, **args):
        # (code, message) of a command expected to fail.
        f = self.call(cmd, **args)
        if "err" not in f:
            raise AssertionError("%s did not fail: %r" % (cmd, f))
        return f["code"], f["err"]

    def race(self, times_us, lanes=None, gate_at=None):
        # Arm (wait_race), open the gate, pass the cars at gate + time; return the answer.
        if not self.dev.gate_ready:
            self.close_gate()  # the operator raises the gate before the next heat
        args = {} if lanes is None else {"lanes": lanes}
        rid = self.request("wait_race", **args)
        t0 = self.now() + 10000 if gate_at is None else gate_at
        self.open_gate(t0)
        last = t0
        for lane, us in sorted(times_us.items(), key=lambda kv: kv[1]):
            last = t0 + us
            self.set_pin(self.dev.cfg["lane_pins"][lane - 1], 0, last)
            self.poll()
        for lane in times_us:
            self.set_pin(self.dev.cfg["lane_pins"][lane - 1], 1, last + 3000)
        self.settle()
        return self.answer(rid)
