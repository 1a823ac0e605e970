# device.py - the track controller: requests in, frames out, pins and engine in between.
# Host code drives it: feed(line) for each incoming line, poll() often (it handles the
# pins' edges and the timeouts, and writes queued frames while the link accepts them).
from micropython import const
import time
import protocol
import session
import engine
import inputs
import pins
import commit
import restart
import cmd_race
import cmd_subs
import cmd_admin

FIRMWARE = "rallylab-pico 0.2.0"
PROTOCOL = "2.0"
_RESET_GRACE_MS = const(1000)  # restart after a commit even if the host stops reading
_DEBUG = const(0)

COMMANDS = {}
COMMANDS.update(cmd_race.COMMANDS)
COMMANDS.update(cmd_subs.COMMANDS)
COMMANDS.update(cmd_admin.COMMANDS)
_NAMES = ", ".join(sorted(COMMANDS))


class Device:
    def __init__(self, cfg, link, boot=None):
        # boot: why this start happened (restart.why()), announced on the line and in
        # info; None when a test builds the device.
        self.firmware = FIRMWARE
        self.protocol = PROTOCOL
        self.session = session.Session(link)
        self.sessions = [self.session]
        self.engine = engine.Engine(cfg["race_timeout_ms"], self)
        self._updater = None  # made at the first update request: a start imports less
        self.io = None
        self.boot = None if boot is None else dict(boot, firmware=FIRMWARE)
        self.learning = False   # a subscription to "learn" is open: every usable pin is watched
        self.to_repl = False    # the repl command was answered: leave for the REPL once it is sent
        self._answered = False  # a request was served since this start (confirms a new version)
        self._reset_at = None
        self.apply(cfg)
        if self.boot is not None:
            self.session.respond('{"boot":%s}' % protocol.dumps(self.boot))

    def apply(self, cfg):
        # Take a (validated) configuration: pins, roles, timeout. Only the gate and lane
        # pins interrupt; the others do while a learn subscription is open.
        self.cfg = cfg
        if self.io:
            self.io.close()
        gate, lanes = cfg["gate_pin"], cfg["lane_pins"]
        self.role = {}
        for i, n in enumerate(lanes):
            self.role[n] = ("lane", i + 1)
        self.role[gate] = ("shared", 2) if cfg["shared_pin7"] else ("gate", None)
        self.io = inputs.Inputs(sorted(self.role), cfg["debounce_ms"], cfg["hold_us"])
        self.ready_level = 1 if cfg["gate_invert"] else 0
        self.lane_on = 1 if cfg["lane_invert"] else 0  # a lane's level while a car blocks it
        self.gate_ready = self.io.level[gate] == self.ready_level
        self.engine.timeout_us = cfg["race_timeout_ms"] * 1000
        if self.learning:
            self.learning = False
            self.update_learning()

    def update_learning(self):
        # Watch the unused pins while some subscription wants "learn" edges, and only then:
        # every watched pin's interrupt costs the lanes' handlers time.
        want = False
        for s in self.sessions:
            for sub in s.subs.values():
                if "learn" in sub.topics:
                    want = True
        if want == self.learning:
            return
        self.learning = want
        others = [n for n in pins.USABLE if n not in self.role]
        if want:
            self.io.watch(others)
        else:
            self.io.unwatch(others)

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
            self._answered = True
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

    def reset_soon(self, why="update"):
        # Restart once the queued frames are sent (or after a grace time if nobody reads):
        # "update" restarts the firmware, "repl" leaves for the REPL.
        self._reset_at = time.ticks_ms()
        self._reset_why = why

    def updater(self):
        if self._updater is None:
            import updater
            self._updater = updater.Updater()
        return self._updater

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
        # True when every queued frame was sent.
        now = time.ticks_us()
        for t, n, level in self.io.poll(now):
            self._change(t, n, level)
        self.engine.poll(time.ticks_us())
        idle = self.engine.phase == engine.IDLE
        if self._updater is not None:
            self._updater.poll(time.ticks_ms(), idle)
        if self._answered and idle and commit.on_trial():
            commit.confirm()  # this version answers: the previous one is no longer kept
        for s in self.sessions:
            drained = s.flush()
        if self._reset_at is not None and (
                drained or time.ticks_diff(time.ticks_ms(), self._reset_at) >= _RESET_GRACE_MS):
            self._reset_at = None
            if self._reset_why == "repl":
                self.to_repl = True
            else:
                restart.now("update")
        return drained

    def _change(self, t, n, level):
        kind, lane = self.role.get(n, ("learn", None))
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
        on = level == self.lane_on
        self.emit("edges", "edge", {"pin": n, "lane": lane, "edge": edge, "ms": ms})
        self.emit("lanes", "state", {"lane": lane, "triggered": on, "ms": ms})
        if on:
            self.engine.lane(lane, t)
