# Subscriptions: the answer, the state pushed at subscribe, the events of every topic.
from testlib import eq, check
from rig import Rig


def strip_ms(frames):
    out = []
    for f in frames:
        f = dict(f)
        f.pop("ms", None)
        out.append(f)
    return out


def test_subscribe_answers_sub_and_topics_then_pushes_the_state():
    r = Rig(start_us=9000000)
    r.send('{"id":7,"cmd":"subscribe","topics":["gate","lanes","engine","race","edges","learn"]}')
    eq(r.frames(), [
        {"id": 7, "ok": {"sub": 7, "topics": ["gate", "lanes", "engine", "race", "edges", "learn"]}},
        {"sub": 7, "event": "state", "gate_ready": True, "ms": 9000},
        {"sub": 7, "event": "state", "lane": 1, "triggered": False, "ms": 9000},
        {"sub": 7, "event": "state", "lane": 2, "triggered": False, "ms": 9000},
        {"sub": 7, "event": "state", "lane": 3, "triggered": False, "ms": 9000},
        {"sub": 7, "event": "state", "lane": 4, "triggered": False, "ms": 9000},
        {"sub": 7, "event": "phase", "phase": "IDLE", "prev": None},
    ])


def test_unknown_topics_are_reported_and_ignored():
    r = Rig()
    r.send('{"id":3,"cmd":"subscribe","topics":["gate","wifi",5]}')
    eq(r.frames()[0], {"id": 3, "ok": {"sub": 3, "topics": ["gate"], "unknown": ["wifi", "5"]}})


def test_subscribe_needs_topics():
    r = Rig()
    eq(r.error("subscribe")[0], "bad_args")
    eq(r.error("subscribe", topics=[])[0], "bad_args")
    eq(r.error("subscribe", topics={"gate": 1})[0], "bad_args")


def test_subscribe_to_race_during_a_race_pushes_armed_and_started():
    r = Rig()
    r.request("wait_race", lanes="12")
    rid = r.dev.engine.race_id
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.send('{"id":9,"cmd":"subscribe","topics":["race"]}')
    out = r.frames()
    eq(out[1:], [{"sub": 9, "event": "armed", "race_id": rid, "lanes": "12"},
                 {"sub": 9, "event": "started", "race_id": rid, "ms": t0 // 1000}])


def test_gate_topic_reports_every_debounced_change():
    r = Rig()
    r.ok("subscribe", topics=["gate"])
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.close_gate(t0 + 500000)
    eq(r.frames(), [{"sub": 1, "event": "state", "gate_ready": False, "ms": t0 // 1000},
                    {"sub": 1, "event": "state", "gate_ready": True, "ms": (t0 + 500000) // 1000}])


def test_lanes_topic_reports_close_and_open():
    r = Rig()
    r.ok("subscribe", topics=["lanes"])
    t = r.now() + 1000
    r.lane(3, t, hold_us=8000)
    eq(r.frames(), [{"sub": 1, "event": "state", "lane": 3, "triggered": True, "ms": t // 1000},
                    {"sub": 1, "event": "state", "lane": 3, "triggered": False, "ms": (t + 8000) // 1000}])


def test_edges_topic_reports_pin_role_and_direction():
    r = Rig()
    r.ok("subscribe", topics=["edges"])
    r.open_gate()
    r.lane(2)
    eq(strip_ms(r.frames()), [{"sub": 1, "event": "edge", "pin": 10, "gate": True, "edge": "rise"},
                              {"sub": 1, "event": "edge", "pin": 3, "lane": 2, "edge": "fall"},
                              {"sub": 1, "event": "edge", "pin": 3, "lane": 2, "edge": "rise"}])


def test_race_topic_reports_armed_started_completed():
    r = Rig()
    r.ok("subscribe", topics=["race"])
    f = r.race({1: 2000000, 2: 2100000}, lanes="12", gate_at=r.now() + 5000)
    rid = f["ok"]["race_id"]
    eq(strip_ms(r.other), [
        {"sub": 1, "event": "armed", "race_id": rid, "lanes": "12"},
        {"sub": 1, "event": "started", "race_id": rid},
        {"sub": 1, "event": "completed", "race_id": rid, "lanes": "12",
         "times_ms": {"1": 2000, "2": 2100}, "times_us": {"1": 2000000, "2": 2100000}}])


def test_engine_topic_reports_phase_and_prev():
    r = Rig()
    r.ok("subscribe", topics=["engine"])
    r.race({1: 2000000}, lanes="1")
    eq([(f["phase"], f["prev"]) for f in r.other if "sub" in f],
       [("ARMED", "IDLE"), ("RACING", "ARMED"), ("IDLE", "RACING")])


def test_learn_topic_reports_edges_on_unassigned_pins_only():
    r = Rig()
    r.ok("subscribe", topics=["learn"])
    t = r.now() + 1000
    r.set_pin(14, 0, t)
    r.settle()
    r.set_pin(14, 1, t + 400000)
    r.settle()
    r.lane(1)                      # assigned: not a learn edge
    r.open_gate()
    eq(r.frames(), [{"sub": 1, "event": "edge", "pin": 14, "level": 0, "ms": t // 1000},
                    {"sub": 1, "event": "edge", "pin": 14, "level": 1, "ms": (t + 400000) // 1000}])


def test_only_the_gate_and_lanes_interrupt_until_a_learn_subscription_opens():
    # Every watched pin's interrupt delays the lanes' handlers (up to 17 us on silicon):
    # unused pins interrupt only while someone learns the wiring.
    import machine
    r = Rig()
    used = [2, 3, 4, 5, 10]
    usable = list(range(0, 23)) + [26, 27, 28]
    eq([n for n in usable if machine.has_handler(n)], used)
    sub = r.ok("subscribe", topics=["learn"])["sub"]
    for n in usable:
        check(machine.has_handler(n), "GPIO %d watched while learning" % n)
    for n in (23, 24, 25, 29):
        check(not machine.has_handler(n), "GPIO %d left to the board" % n)
    r.ok("unsubscribe", sub=sub)
    eq([n for n in usable if machine.has_handler(n)], used)
    r.ok("subscribe", topics=["learn", "gate"])
    r.ok("reset")
    eq([n for n in usable if machine.has_handler(n)], used)


def test_unsubscribe_stops_events():
    r = Rig()
    sub = r.ok("subscribe", topics=["gate"])["sub"]
    eq(r.ok("unsubscribe", sub=sub), {})
    r.open_gate()
    eq(r.frames(), [])
    eq(r.error("unsubscribe", sub=sub), ("bad_args", "no subscription %d in this session" % sub))


def test_two_subscriptions_each_get_their_topics():
    r = Rig()
    r.send('{"id":1,"cmd":"subscribe","topics":["gate"]}')
    r.send('{"id":2,"cmd":"subscribe","topics":["gate","engine"]}')
    r.frames()
    r.request("wait_race")
    r._next = 10
    r.open_gate()
    got = sorted((f["sub"], f["event"]) for f in r.frames())
    eq(got, [(1, "state"), (2, "phase"), (2, "phase"), (2, "state")])


def test_an_open_subscription_id_cannot_be_reused():
    r = Rig()
    r.send('{"id":4,"cmd":"subscribe","topics":["gate"]}')
    r.frames()
    r.send('{"id":4,"cmd":"subscribe","topics":["lanes"]}')
    eq(r.frames(), [{"id": 4, "err": "subscription 4 is already open; unsubscribe it or use another id",
                     "code": "bad_args"}])


def test_too_many_subscriptions_is_busy():
    r = Rig()
    for _ in range(8):
        r.ok("subscribe", topics=["gate"])
    eq(r.error("subscribe", topics=["gate"]), ("busy", "too many subscriptions (8); unsubscribe one first"))


def test_a_learn_pin_flooding_the_interrupts_loses_entries_not_the_level():
    # 300 edges on a noisy unused pin while the loop is away: the ring keeps the latest 128
    # interrupts, the loss is counted, and the pin's level ends where the wire is.
    import machine
    import fake_time
    r = Rig()
    r.ok("subscribe", topics=["learn"])
    for k in range(300):
        fake_time.advance_us(23)
        machine.set_level(14, k % 2)
    eq(machine.level(14), 1)
    r.advance(5000)
    eq(r.dev.io.pins.lost, 300 - 128)
    eq(r.dev.io.level[14], 1)
    eq(r.ok("gate"), {"gate_ready": True})
