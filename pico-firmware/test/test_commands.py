# The one-shot commands (info, dbg, gate, state), wait_gate, concurrency and the error
# codes busy and internal.
import fake_time
import fsio
import device
from testlib import eq, check
from rig import Rig


def test_info_payload():
    r = Rig()
    eq(r.ok("info"), {"protocol": "2.0", "firmware": device.FIRMWARE, "lane_count": 4,
                      "topics": ["gate", "lanes", "edges", "race", "engine", "learn"],
                      "race_timeout_ms": 10000, "clock": "us"})


def test_info_follows_the_configuration():
    r = Rig(lane_count=6, lane_pins=[2, 3, 4, 5, 6, 7], race_timeout_ms=15000)
    i = r.ok("info")
    eq((i["lane_count"], i["race_timeout_ms"]), (6, 15000))


def test_dbg_payload_at_rest():
    r = Rig(start_us=12345678)
    r.set_pin(4, 0)   # lane 3's sensor is held closed, not yet debounced
    d = r.ok("dbg")
    check(d["controller"]["mem_free"] > 0, "free memory reported")
    del d["controller"]["mem_free"]
    eq(d["controller"], {"uptime_ms": 12345, "firmware": device.FIRMWARE})
    eq(d["io"], {"start_gate": {"raw": 0, "debounced": 0, "invert": False},
                 "lanes": {"1": {"raw": 1, "debounced": 1}, "2": {"raw": 1, "debounced": 1},
                           "3": {"raw": 0, "debounced": 1}, "4": {"raw": 1, "debounced": 1}},
                 "debounce_ms": 5})
    eq(d["engine"], {"phase": "IDLE", "race_id": None, "active_lanes": None, "gate_ready": True})


def test_dbg_while_armed():
    r = Rig()
    r.request("wait_race", lanes="24")
    e = r.ok("dbg")["engine"]
    eq((e["phase"], e["active_lanes"], e["race_id"] == r.dev.engine.race_id), ("ARMED", "24", True))


def test_gate_reports_readiness():
    r = Rig()
    eq(r.ok("gate"), {"gate_ready": True})
    r.open_gate()
    eq(r.ok("gate"), {"gate_ready": False})


def test_state_is_null_until_a_race_completes_then_the_last_race():
    r = Rig()
    eq(r.call("state"), {"id": 1, "ok": None})
    f = r.race({1: 2000000, 2: 2100000, 3: 2200000, 4: 2300000})
    eq(r.ok("state"), f["ok"])
    check(set(f["ok"]) == {"race_id", "lanes", "times_ms", "times_us"}, "wait_race payload keys")


def test_wait_gate_answers_at_once_when_ready():
    r = Rig()
    eq(r.ok("wait_gate"), {"gate_ready": True})


def test_wait_gate_waits_for_the_gate_to_close():
    r = Rig()
    r.open_gate()
    rid = r.request("wait_gate")
    eq(r.frames(), [])
    r.close_gate()
    eq(r.frames(), [{"id": rid, "ok": {"gate_ready": True}}])


def test_wait_gate_can_be_cancelled():
    r = Rig()
    r.open_gate()
    rid = r.request("wait_gate")
    c = r.request("cancel", target=rid)
    eq(r.frames(), [{"id": rid, "err": "cancelled by request %d" % c, "code": "cancelled"},
                    {"id": c, "ok": {}}])
    r.close_gate()
    eq(r.frames(), [])


def test_requests_run_concurrently_with_an_outstanding_wait():
    r = Rig()
    r.open_gate()
    w = r.request("wait_race", lanes="12")
    g = r.request("wait_gate")
    eq(r.ok("dbg")["engine"]["phase"], "ARMED")
    eq(r.ok("gate"), {"gate_ready": False})
    r.close_gate()
    eq(r.frames(), [{"id": g, "ok": {"gate_ready": True}}])
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.ok("info")
    r.lane(1, t0 + 2000000)
    r.ok("state")
    r.lane(2, t0 + 2100000)
    eq(r.answer(w)["ok"]["times_us"], {"1": 2000000, "2": 2100000})


def test_too_many_outstanding_requests_is_busy():
    r = Rig()
    r.open_gate()
    for _ in range(16):
        r.request("wait_gate")
    code, msg = r.error("wait_gate")
    eq((code, msg), ("busy", "too many outstanding requests (16); cancel one first"))


class _BrokenFs(fsio.Fs):
    def write(self, path, data):
        raise OSError(28)  # ENOSPC: the flash is full


def test_a_failing_flash_is_internal_and_the_device_runs_on():
    r = Rig()
    saved = fsio.fs
    fsio.fs = _BrokenFs()
    try:
        code, msg = r.error("config_set", debounce_ms=9)
    finally:
        fsio.fs = saved
    eq(code, "internal")
    check(msg.startswith("config_set failed: OSError"), msg)
    eq(r.ok("config_get")["debounce_ms"], 5)  # nothing was applied
    eq(r.ok("gate"), {"gate_ready": True})


def test_uptime_comes_from_ticks_ms():
    r = Rig(start_us=7000000)
    fake_time.advance_ms(1500)
    eq(r.ok("dbg")["controller"]["uptime_ms"], 8500)
