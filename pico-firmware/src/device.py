# device.py - the track controller: requests in, frames out, pins and engine in between.
# Host code drives it: feed(line) for each incoming line, poll() often (it handles the
# pins' edges and the timeouts, and writes queued frames while the link accepts them).
from micropython import const
import time
import machine
import protocol
import session
import engine
import inputs
import pins
import updater
import cmd_race
import cmd_subs
import cmd_admin

FIRMWARE = "rallylab-pico 0.1.0"
PROTOCOL = "2.0"
_RESET_GRACE_MS = const(1000)  # soft-reset after a commit even if the host stops reading
_DEBUG = const(0)

COMMANDS = {}
COMMANDS.update(cmd_race.COMMANDS)
COMMANDS.update(cmd_subs.COMMANDS)
COMMANDS.update(cmd_admin.COMMANDS)
_NAMES = ", ".join(sorted(COMMANDS))


class Device:
    def __init__(self, cfg, link):
        self.firmware = FIRMWARE
        self.protocol = PROTOCOL
        self.session = session.Session(link)
        self.sessions = [self.session]
        self.engine = engine.Engine(cfg["race_timeout_ms"], self)
        self.updater = updater.Updater()
        self.io = None
        self._reset_at = None
        self.apply(cfg)

    def apply(self, cfg):
        # Take a (validated) configuration: pins, roles, timeout.
        self.cfg = cfg
        if self.io:
            self.io.close()
        gate, lanes = cfg["gate_pin"], cfg["lane_pins"]
        self.role = {}
        for n in pins.USABLE:
            self.role[n] = ("learn", None)
        for i, n in enumerate(lanes):
            self.role[n] = ("lane", i + 1)
        self.role[gate] = ("shared", 2) if cfg["shared_pin7"] else ("gate", None)
        self.io = inputs.Inputs(sorted(self.role), cfg["debounce_ms"])
        self.ready_level = 1 if cfg["gate_invert"] else 0
        self.gate_ready = self.io.level[gate] == self.ready_level
        self.engine.timeout_us = cfg["race_timeout_ms"] * 1000

    # -- requests in ------------------------------------------------------------------
    def feed(self, line):
        s = self.session
        try:
            req = protocol.parse(line, s.next_human_id)
        except protocol.Err as e:
            s.respond(protocol.err(e.id, e.code, str(e)))
            return
        if req is None:
            return
        rid, cmd, args = req
        try:
            if rid in s.requests:
                raise protocol.Err("bad_args", "id %d is already in use by an outstanding request" % rid)
            handler = COMMANDS.get(cmd)
            if handler is None:
                raise protocol.Err("not_supported", "unknown command %s; commands: %s"
                                   % (protocol.dumps(cmd), _NAMES))
            handler(self, s, rid, args)
        except protocol.Err as e:
            s.respond(protocol.err(rid, e.code, str(e)))
        except Exception as e:  # a bug or a failing flash: say so, keep running
            if _DEBUG:
                import sys
                sys.print_exception(e)
            s.respond(protocol.err(rid, "internal", "%s failed: %s: %s" % (cmd, type(e).__name__, e)))

    def hold(self, s, rid, cmd):
        # Keep a wait_race / wait_gate outstanding until it completes or is cancelled.
        if len(s.requests) >= session.MAX_REQUESTS:
            raise protocol.Err("busy", "too many outstanding requests (%d); cancel one first"
                               % session.MAX_REQUESTS)
        s.requests[rid] = cmd

    def answer_waiters(self, cmd, payload):
        for s in self.sessions:
            for rid in [r for r, c in s.requests.items() if c == cmd]:
                del s.requests[rid]
                s.respond(protocol.ok(rid, payload))

    def waiting(self, cmd):
        for s in self.sessions:
            for c in s.requests.values():
                if c == cmd:
                    return True
        return False

    def reset_soon(self):
        self._reset_at = time.ticks_ms()

    # -- events out -------------------------------------------------------------------
    def emit(self, topic, name, fields):
        for s in self.sessions:
            for sub in s.subs.values():
                if topic in sub.topics:
                    s.push(sub, protocol.event(sub.id, name, fields))

    def ms_at(self, stamp):
        # The uptime in ms at a ticks_us() stamp of the recent past.
        ago = time.ticks_diff(time.ticks_us(), stamp) // 1000
        return time.ticks_add(time.ticks_ms(), -ago)

    def phase(self, new, prev):  # engine listener
        self.emit("engine", "phase", {"phase": new, "prev": prev})

    def race(self, name, fields, stamp):  # engine listener
        if stamp is not None:
            fields = dict(fields)
            fields["ms"] = self.ms_at(stamp)
        self.emit("race", name, fields)

    def finished(self, result):  # engine listener
        self.answer_waiters("wait_race", result)

    # -- the main loop's work ---------------------------------------------------------
    def poll(self):
        now = time.ticks_us()
        for t, n, level in self.io.poll(now):
            self._change(t, n, level)
        self.engine.poll(time.ticks_us())
        self.updater.poll(time.ticks_ms())
        for s in self.sessions:
            drained = s.flush()
        if self._reset_at is not None and (
                drained or time.ticks_diff(time.ticks_ms(), self._reset_at) >= _RESET_GRACE_MS):
            self._reset_at = None
            machine.soft_reset()

    def _change(self, t, n, level):
        kind, lane = self.role[n]
        ms = self.ms_at(t)
        if kind == "learn":
            self.emit("learn", "edge", {"pin": n, "level": level, "ms": ms})
            return
        edge = "fall" if level == 0 else "rise"
        if kind == "shared":
            kind = "lane" if self.engine.phase == engine.RACING else "gate"
        if kind == "gate":
            self.emit("edges", "edge", {"pin": n, "gate": True, "edge": edge, "ms": ms})
            ready = level == self.ready_level
            if ready != self.gate_ready:
                self.gate_ready = ready
                self.emit("gate", "state", {"gate_ready": ready, "ms": ms})
                if ready:
                    self.answer_waiters("wait_gate", {"gate_ready": True})
                else:
                    self.engine.gate_opened(t)
            return
        self.emit("edges", "edge", {"pin": n, "lane": lane, "edge": edge, "ms": ms})
        self.emit("lanes", "state", {"lane": lane, "triggered": level == 0, "ms": ms})
        if level == 0:
            self.engine.lane(lane, t)
