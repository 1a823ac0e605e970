# A start of the firmware and its restarts: the boot frame and why the device started, the
# loop that turns in serve.py (watchdog fed, 0x03 is data), an error that escapes the loop
# (reported, then a restart of the chip), and the way to the REPL.
import json
import machine
import restart
import device
import serve
from testlib import eq, check, raises
from rig import Rig


class _Link:
    def __init__(self, lines=()):
        self.inbox = list(lines)
        self.sent = []

    def read_lines(self, timeout_ms):
        return [self.inbox.pop(0)] if self.inbox else []

    def write(self, text):
        self.sent.append(text)
        return True

    def drain(self):
        return True

    def last_words(self, text):
        self.sent.append(text)

    def frames(self):
        out = [json.loads(t) for t in self.sent]
        self.sent = []
        return out


class _Micropython:
    # Records kbd_intr: the real module's attribute cannot be replaced.
    def __init__(self):
        self.kbd = []

    def kbd_intr(self, c):
        self.kbd.append(c)


def server(lines=()):
    Rig()  # a fresh flash folder and wires at rest
    fake = _Micropython()
    serve.micropython = fake
    s = serve.Server(_Link(lines))
    return s, fake


def test_a_power_up_says_so_on_the_line_and_in_info():
    machine.mem32[0x4005800C] = 0
    s, _ = server(['{"id":1,"cmd":"info"}'])
    s.turn()
    frames = s.link.frames()
    eq(frames[0], {"boot": {"reason": "power", "firmware": device.FIRMWARE}})
    eq(frames[1]["ok"]["boot"], {"reason": "power", "firmware": device.FIRMWARE})


def test_the_reason_of_a_restart_survives_it_once():
    for reason in ("reset", "update", "rollback"):
        restart.keep(reason)
        eq(restart.why(), {"reason": reason})
        eq(restart.why(), {"reason": "power"})
    machine.reset_causes.append(machine.WDT_RESET)
    try:
        eq(restart.why(), {"reason": "watchdog"})
    finally:
        machine.reset_causes.pop()


def test_while_serving_0x03_is_data_and_the_watchdog_is_fed_every_turn():
    s, fake = server(['\x03', '{"id":1,"cmd":"gate"}'])
    eq(fake.kbd, [-1])
    feeds = machine.WDT.feeds
    s.turn()
    s.turn()
    eq(machine.WDT.feeds - feeds, 2)
    frames = s.link.frames()
    eq(frames[1]["code"], "bad_frame")     # the 0x03 line is refused like any stray byte
    eq(frames[2], {"id": 1, "ok": {"gate_ready": True}})


def test_an_error_that_escapes_the_loop_is_reported_then_the_firmware_restarts():
    s, fake = server()
    s.link.frames()

    def broken():
        raise MemoryError("memory allocation failed, allocating 512 bytes")
    s.dev.poll = broken
    try:
        while s.turn():
            pass
    except MemoryError as e:
        raises(machine.SoftReset, s.fail, e)
    eq(s.link.frames(), [{"err": "the track controller stopped on MemoryError: memory allocation failed, "
                                 "allocating 512 bytes; it is starting again", "code": "internal"}])
    eq(fake.kbd, [-1, 3])
    s2, _ = server(['{"id":1,"cmd":"info"}'])
    s2.turn()
    eq(s2.link.frames()[0], {"boot": {"reason": "fault", "detail": "MemoryError", "firmware": device.FIRMWARE}})


def test_repl_answers_then_leaves_for_the_repl_until_the_next_reset():
    s, fake = server(['{"id":1,"cmd":"repl"}'])
    eq(s.turn(), False)                    # answered and sent: the loop ends
    eq(s.link.frames()[1:], [{"id": 1, "ok": {"repl": True}}])
    raises(machine.SoftReset, s.leave)     # the fake's machine.reset()
    s2, fake2 = server()
    eq(s2.dev, None)                       # this start stays at the REPL
    eq(fake2.kbd, [])
    s3, _ = server()
    check(s3.dev is not None, "the next reset serves again")
    s3.turn()
    eq(s3.link.frames()[0], {"boot": {"reason": "reset", "firmware": device.FIRMWARE}})


def test_repl_is_refused_while_a_race_is_armed():
    r = Rig()
    r.request("wait_race", lanes="1")
    eq(r.error("repl"), ("busy", "the track is ARMED; repl waits until the race completes or is cancelled"))
