# The race engine's rules: debounce, DNF after the timeout, first trigger only, unarmed
# lanes ignored, the gate's sense, and the shared pin 7 wiring.
import fake_time
import machine
from testlib import eq, check
from rig import Rig


def phases(frames):
    return [f["phase"] for f in frames if f.get("event") == "phase"]


def test_debounce_ignores_chatter_and_keeps_the_first_edge():
    r = Rig()
    rid = r.request("wait_race", lanes="1")
    t0 = r.now() + 1000
    r.set_pin(10, 1, t0)                  # gate opens, and bounces for 2 ms
    r.set_pin(10, 0, t0 + 300)
    r.poll()
    r.set_pin(10, 1, t0 + 1200)
    r.poll()
    r.set_pin(10, 0, t0 + 1900)
    r.set_pin(10, 1, t0 + 2000)
    r.poll()
    t1 = t0 + 2500000
    r.set_pin(2, 0, t1)                   # lane 1 closes and chatters (gaps under hold_us)
    r.set_pin(2, 1, t1 + 200)
    r.poll()
    r.set_pin(2, 0, t1 + 450)
    r.poll()
    r.set_pin(2, 1, t1 + 4000)
    r.settle()
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2500000})


def test_a_spike_shorter_than_hold_us_is_not_a_time():
    # A 2 us spike on a lane (EMI, a flicker on an optical sensor) 1 s before the car.
    r = Rig()
    eq(r.dev.cfg["hold_us"], 300)
    rid = r.request("wait_race", lanes="1")
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.set_pin(2, 0, t0 + 1000000)
    r.set_pin(2, 1, t0 + 1000002)
    r.advance(5000)
    eq(r.dev.engine.phase, "RACING")
    r.lane(1, t0 + 2500000)
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2500000})


def test_the_time_is_handed_on_only_once_the_level_has_held():
    r = Rig(hold_us=500)
    rid = r.request("wait_race", lanes="1")
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.set_pin(2, 0, t0 + 2000000)
    fake_time.set_us(t0 + 2000499)
    r.poll()
    eq(r.dev.engine.phase, "RACING")      # held 499 us: not yet
    fake_time.set_us(t0 + 2000500)
    r.poll()
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2000000})  # the first edge's stamp


def test_a_close_and_release_while_the_loop_is_busy_still_counts():
    # The car passes in 3 ms while the loop is stalled for 50 ms: the close is kept.
    r = Rig()
    rid = r.request("wait_race", lanes="1")
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.set_pin(2, 0, t0 + 2000000)
    r.set_pin(2, 1, t0 + 2003000)
    fake_time.set_us(t0 + 2050000)
    r.poll()
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2000000})


def test_lane_invert_times_sensors_that_go_high_when_blocked():
    r = Rig(lane_invert=True)
    for pin in (2, 3):
        machine.set_level(pin, 0)         # at rest these sensors read 0
    r.dev.apply(r.dev.cfg)
    rid = r.request("wait_race", lanes="12")
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.set_pin(2, 1, t0 + 2100000)
    r.set_pin(3, 1, t0 + 2200000)
    r.advance(2000)
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2100000, "2": 2200000})


def test_lanes_that_change_at_the_same_instant_get_the_same_stamp():
    # The first handler reads the whole GPIO register: every lane it finds changed gets
    # its stamp, whichever pin's interrupt ran first.
    r = Rig(lane_count=8, lane_pins=[2, 3, 4, 5, 6, 7, 8, 9])
    rid = r.request("wait_race")
    t0 = r.now() + 1000
    r.open_gate(t0)
    fake_time.set_us(t0 + 2500000)
    machine.lock_heap = False
    try:
        for pin in range(9, 1, -1):       # all eight wires fall before any handler runs
            machine._levels[pin] = 0
            machine._sync(pin)
        for pin in range(9, 1, -1):       # then the handlers run one after another, 25 us each
            machine._pins[pin].handler(machine._pins[pin])
            fake_time.advance_us(25)
    finally:
        machine.lock_heap = True
    r.advance(2000)
    eq(r.answer(rid)["ok"]["times_us"], dict((str(n), 2500000) for n in range(1, 9)))


def test_chatter_on_the_gate_sends_one_gate_event():
    r = Rig()
    r.ok("subscribe", topics=["gate"])
    t0 = r.now() + 1000
    for i, level in enumerate((1, 0, 1, 0, 1)):
        r.set_pin(10, level, t0 + i * 500)
        r.poll()
    r.settle()
    eq([f["gate_ready"] for f in r.frames()], [False])


def test_pulse_shorter_than_the_debounce_still_reports_the_release():
    r = Rig()
    r.ok("subscribe", topics=["lanes"])
    r.set_pin(3, 0, r.now() + 100)
    r.poll()
    r.set_pin(3, 1, r.now() + 1000)  # opens again within the 5 ms window
    r.settle()
    eq([(f["lane"], f["triggered"]) for f in r.frames()], [(2, True), (2, False)])


def test_unfinished_lanes_are_dnf_after_the_race_timeout():
    r = Rig(race_timeout_ms=4000)
    rid = r.request("wait_race", lanes="123")
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.lane(2, t0 + 2500000)
    r.advance(1400000)
    check(r.dev.engine.phase == "RACING", "still racing before the timeout")
    fake_time.set_us(t0 + 4000000)
    r.poll()
    ok = r.answer(rid)["ok"]
    eq(ok["times_us"], {"2": 2500000})
    eq(ok["times_ms"], {"2": 2500})
    eq(ok["lanes"], "123")
    eq(r.dev.engine.phase, "IDLE")


def test_a_lane_edge_after_the_timeout_is_dnf_even_if_the_loop_is_late():
    r = Rig(race_timeout_ms=3000)
    rid = r.request("wait_race", lanes="12")
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.lane(1, t0 + 2000000)
    r.set_pin(3, 0, t0 + 3000001)        # lane 2 after the timeout, seen in the same poll
    r.poll()
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2000000})


def test_only_the_first_trigger_of_an_armed_lane_counts():
    r = Rig()
    rid = r.request("wait_race", lanes="12")
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.lane(1, t0 + 2000000)
    r.lane(1, t0 + 2600000)               # a second car (or a hand) on lane 1
    r.lane(2, t0 + 3000000)
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2000000, "2": 3000000})


def test_unarmed_lanes_are_ignored():
    r = Rig()
    rid = r.request("wait_race", lanes="13")
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.lane(2, t0 + 1500000)
    r.lane(4, t0 + 1600000)
    r.lane(1, t0 + 2000000)
    r.lane(3, t0 + 2100000)
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2000000, "3": 2100000})


def test_lane_edges_before_the_gate_opens_do_not_count():
    r = Rig()
    rid = r.request("wait_race", lanes="1")
    r.lane(1, r.now() + 1000)              # someone pokes lane 1 while armed
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.lane(1, t0 + 2200000)
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2200000})


def test_an_armed_engine_waits_for_the_gate_as_long_as_it_takes():
    r = Rig()
    r.request("wait_race")
    r.advance(120 * 1000000, step=100000)  # two minutes, no timeout while ARMED
    eq(r.dev.engine.phase, "ARMED")


def test_armed_with_the_gate_open_starts_when_it_closes_then_opens():
    r = Rig()
    r.open_gate()
    rid = r.request("wait_race", lanes="1")
    r.advance(1000000)
    eq(r.dev.engine.phase, "ARMED")
    r.close_gate()
    eq(r.dev.engine.phase, "ARMED")
    t0 = r.now() + 500
    r.open_gate(t0)
    eq(r.dev.engine.phase, "RACING")
    r.lane(1, t0 + 2000000)
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2000000})


def test_phases_go_idle_armed_racing_idle():
    r = Rig()
    r.ok("subscribe", topics=["engine"])
    r.race({1: 2000000, 2: 2100000, 3: 2200000, 4: 2300000})
    eq(phases(r.other), ["ARMED", "RACING", "IDLE"])


def test_gate_invert_makes_a_pressed_button_the_start():
    # Breadboard: the gate is a push button to GND; released (high) is ready.
    r = Rig(wiring="breadboard", gate_invert=True)
    eq(r.ok("gate"), {"gate_ready": True})
    rid = r.request("wait_race", lanes="1")
    t0 = r.now() + 1000
    r.set_pin(10, 0, t0)                  # button pressed
    r.settle()
    eq(r.dev.engine.phase, "RACING")
    r.lane(1, t0 + 2000000)
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2000000})


def test_shared_pin7_rise_starts_and_fall_during_race_is_lane_2():
    r = Rig(wiring="shared_pin7", shared_pin7=True, gate_pin=3)
    eq(r.ok("gate"), {"gate_ready": True})     # reed closed: the wire is low
    rid = r.request("wait_race", lanes="12")
    t0 = r.now() + 1000
    r.set_pin(3, 1, t0)                   # the gate drops: reed opens, the wire rises
    r.settle()
    eq(r.dev.engine.phase, "RACING")
    r.lane(1, t0 + 2100000)
    r.set_pin(3, 0, t0 + 2400000)         # lane 2's switch closes the same wire
    r.advance(1000)
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2100000, "2": 2400000})
    r.set_pin(3, 1, r.now() + 3000)       # the car has passed: the wire rises again
    r.settle()
    eq(r.ok("gate"), {"gate_ready": False})    # the gate is still down
    r.set_pin(3, 0, r.now() + 1000000)    # the operator raises the gate
    r.settle()
    eq(r.ok("gate"), {"gate_ready": True})


def test_shared_pin7_lane_2_unarmed_is_ignored_and_gate_not_ready_during_race():
    r = Rig(wiring="shared_pin7", shared_pin7=True, gate_pin=3)
    r.ok("subscribe", topics=["gate", "lanes"])
    rid = r.request("wait_race", lanes="1")
    t0 = r.now() + 1000
    r.set_pin(3, 1, t0)
    r.settle()
    r.frames()
    r.set_pin(3, 0, t0 + 1500000)         # the shared wire falls while racing: lane 2
    r.settle()
    eq([(f.get("lane"), f.get("triggered")) for f in r.frames()], [(2, True)])
    eq(r.ok("gate"), {"gate_ready": False})
    r.lane(1, t0 + 2000000)
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2000000})
