# engine.py - the race engine: IDLE -> ARMED (wait_race) -> RACING (the gate opens) ->
# IDLE when every armed lane has a time or the race timeout has passed (DNF lanes have
# no time). Times are ticks_diff(lane edge, gate edge) in microseconds, wrap-safe.
import time
import raceid

IDLE = "IDLE"
ARMED = "ARMED"
RACING = "RACING"


class Engine:
    def __init__(self, timeout_ms, out):
        # out: phase(new, prev), race(event, fields, stamp), finished(result)
        self.out = out
        self.timeout_us = timeout_ms * 1000
        self.phase = IDLE
        self.race_id = None
        self.lanes = ""        # armed lanes, e.g. "1356"
        self.gate_us = 0       # stamp of the gate edge that started the race
        self.times = {}        # lane number -> microseconds
        self.last = None       # the last completed race, as wait_race answers it

    def _set(self, phase):
        prev, self.phase = self.phase, phase
        self.out.phase(phase, prev)

    def arm(self, lanes):
        self.race_id = raceid.uuid4()
        self.lanes = lanes
        self.times = {}
        self._set(ARMED)
        self.out.race("armed", {"race_id": self.race_id, "lanes": lanes}, None)

    def disarm(self):
        if self.phase == ARMED:
            self.race_id = None
            self.lanes = ""
            self._set(IDLE)

    def gate_opened(self, t):
        if self.phase == ARMED:
            self.gate_us = t
            self._set(RACING)
            self.out.race("started", {"race_id": self.race_id}, t)

    def lane(self, n, t):
        # A lane's edge; True when it became that lane's time.
        if self.phase != RACING or str(n) not in self.lanes or n in self.times:
            return False
        us = time.ticks_diff(t, self.gate_us)
        if us < 0 or us >= self.timeout_us:
            return False
        self.times[n] = us
        if len(self.times) == len(self.lanes):
            self._complete()
        return True

    def poll(self, now):
        if self.phase == RACING and time.ticks_diff(now, self.gate_us) >= self.timeout_us:
            self._complete()

    def _complete(self):
        t_ms, t_us = {}, {}
        for n, us in self.times.items():
            t_us[str(n)] = us
            t_ms[str(n)] = (us + 500) // 1000  # round half up
        result = {"race_id": self.race_id, "lanes": self.lanes, "times_ms": t_ms, "times_us": t_us}
        self.last = result
        self.race_id = None
        self.lanes = ""
        self.out.race("completed", result, None)
        self._set(IDLE)
        self.out.finished(result)
