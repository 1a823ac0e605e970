# simhost.py - the simulator's side inside MicroPython: boots the unchanged firmware on
# the fake machine, moves the fake clock by the deltas the simulator gives, drives wires,
# and restarts the firmware in-process after machine.soft_reset() (files are kept).
import os
import sys
import fake_time
import machine
import simio  # from run.mjs: write(line) -> bool, log(text)

ROOT = "/flash"
dev = None
protocol = None  # --report-protocol: what info reports instead of the real version


class Link:
    def write(self, text):
        return simio.write(text)


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


def boot():
    # Power-up: recover an interrupted update, import the firmware afresh, start it.
    global dev
    os.chdir(ROOT)
    machine.reset_fake(keep_levels=True)
    for name in _firmware_modules():
        if name in sys.modules:
            del sys.modules[name]
    import commit
    done = commit.recover()
    if done != "clean":
        simio.log("boot recovery: " + done)
    import config
    import device
    if protocol:
        device.PROTOCOL = protocol
    dev = device.Device(config.load(), Link())
    if config.load_error:
        simio.log(config.load_error)
    return dev.firmware


def _guard(fn, *args):
    try:
        fn(*args)
    except machine.SoftReset:
        simio.log("soft reset: restarting the firmware (%s)" % boot())


def advance(delta_us):
    if delta_us > 0:
        fake_time.advance_us(delta_us)


def step(delta_us):
    # Let delta_us pass, then run the main loop's poll once.
    advance(delta_us)
    _guard(dev.poll)


def feed(line):
    _guard(dev.feed, line)
    _guard(dev.poll)


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
