# simhost.py - the simulator's side inside MicroPython: boots the unchanged firmware on
# the fake machine as the Pico does (boot.py, then main.py's serve.Server, turned one loop
# at a time), moves the fake clock by the deltas the simulator gives, drives wires, and
# restarts the firmware in-process after a soft or hard reset (files are kept).
import os
import sys
import fake_time
import machine
import simio  # from run.mjs: write(line) -> bool, log(text)

ROOT = "/flash"
dev = None
protocol = None  # --report-protocol: what info reports instead of the real version


class Link:
    # The serial line as main.py's loop sees it: lines the simulator fed, frames out with
    # CR LF (simio.write adds them), whole or not at all.
    def __init__(self):
        self.inbox = []

    def read_lines(self, timeout_ms):
        if not self.inbox:
            return []
        return [self.inbox.pop(0)]  # one line per turn, as on the Pico

    def drain(self):
        return True

    def write(self, text):
        return simio.write(text)

    def last_words(self, text):
        simio.write(text)


def _firmware_modules():
    return [n[:-3] for n in os.listdir(ROOT) if n.endswith(".py")]


def configure(lanes, timeout_ms):
    # Write config.json for --lanes / --timeout-ms before the first boot.
    os.chdir(ROOT)
    import config
    changes = {"wiring": "dedicated_gate", "lane_count": lanes}
    if timeout_ms:
        changes["race_timeout_ms"] = timeout_ms
    config.save(config.merge(config.defaults(), changes))


server = None


def boot():
    # Power-up: import the firmware afresh, run boot.py (update recovery and rollback), then
    # start main.py's server.
    global dev, server
    os.chdir(ROOT)
    machine.reset_fake(keep_levels=True)
    for name in _firmware_modules():
        if name in sys.modules:
            del sys.modules[name]
    import commit
    import boot as _boot  # boot.py, as the Pico runs it before main.py
    if _boot.done != "clean":
        simio.log("boot: " + _boot.done)
    import config
    import device
    import serve
    if protocol:
        device.PROTOCOL = protocol
    server = serve.Server(Link())
    dev = server.dev
    if dev is None:
        simio.log("the firmware left for the REPL; the simulator starts it again")
        return boot()
    if config.load_error:
        simio.log(config.load_error)
    return dev.firmware


def _turn():
    try:
        server.turn()
    except machine.SoftReset:
        raise
    except Exception as e:
        server.fail(e)  # reports, then restarts (soft reset)


def _guard(fn, *args):
    try:
        fn(*args)
        if server.dev.to_repl:
            server.leave()
    except machine.SoftReset:
        simio.log("reset: starting the firmware again (%s)" % boot())


def advance(delta_us):
    if delta_us > 0:
        fake_time.advance_us(delta_us)


def step(delta_us):
    # Let delta_us pass, then turn the main loop once.
    advance(delta_us)
    _guard(_turn)


def feed(line):
    server.link.inbox.append(line)
    _guard(_turn)


def fire(delta_us, gpio, level):
    # Drive a wire exactly delta_us from now: the handler stamps that instant.
    advance(delta_us)
    machine.set_level(gpio, level)


def state():
    e = dev.engine
    return "%s %s %s" % (e.phase, e.race_id or "-", e.lanes or "-")


def gate_pin():
    return dev.cfg["gate_pin"]


def gate_level(ready):
    inv = dev.cfg["gate_invert"]
    return (1 if inv else 0) if ready else (0 if inv else 1)


def gate_ready():
    return dev.gate_ready


def lane_pin(n):
    pins = dev.cfg["lane_pins"]
    return pins[n - 1] if 1 <= n <= len(pins) else -1


def timeout_us():
    return dev.cfg["race_timeout_ms"] * 1000
