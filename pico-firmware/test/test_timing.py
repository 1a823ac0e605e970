# Timing: a lane's time is ticks_diff(lane edge, gate edge) stamped in the pin interrupt,
# so the reported time equals the true edge-to-edge time whenever the loop runs.
import machine
import fake_time
from testlib import eq, check, raises
from rig import Rig


def test_times_equal_edge_to_edge_microseconds():
    r = Rig()
    f = r.race({1: 2345678, 2: 2500000, 3: 3000001, 4: 2000499})
    eq(f["ok"]["times_us"], {"1": 2345678, "2": 2500000, "3": 3000001, "4": 2000499})


def test_times_ms_round_half_up():
    r = Rig()
    f = r.race({1: 2000499, 2: 2000500, 3: 2000501, 4: 2999999})
    eq(f["ok"]["times_ms"], {"1": 2000, "2": 2001, "3": 2001, "4": 3000})


def test_slow_loop_does_not_delay_the_time():
    # The loop polls only every 50 ms: the edges are still timed to the microsecond.
    r = Rig()
    rid = r.request("wait_race", lanes="12")
    t0 = r.now() + 7
    r.set_pin(10, 1, t0)            # gate opens; nobody polls for a while
    r.set_pin(2, 0, t0 + 2222222)   # lane 1
    fake_time.set_us(t0 + 2222222 + 50000)
    r.poll()
    r.set_pin(3, 0, t0 + 2333333)   # lane 2
    fake_time.set_us(t0 + 2333333 + 50000)
    r.poll()
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2222222, "2": 2333333})


def test_race_across_the_ticks_wrap():
    # ticks_us() wraps at 2**30 us (about 17.9 minutes of uptime); the gate opens 1 s
    # before the wrap and the cars finish after it.
    r = Rig(start_us=(1 << 30) - 1500000)
    f = r.race({1: 2345678, 2: 3456789}, lanes="12", gate_at=(1 << 30) - 1000000)
    eq(f["ok"]["times_us"], {"1": 2345678, "2": 3456789})
    eq(f["ok"]["times_ms"], {"1": 2346, "2": 3457})


def test_race_across_the_second_wrap():
    r = Rig(start_us=(2 << 30) - 20)
    f = r.race({3: 2000000}, lanes="3", gate_at=(2 << 30) - 10)
    eq(f["ok"]["times_us"], {"3": 2000000})


def test_pin_handlers_run_as_hard_interrupts():
    Rig()
    check(machine._pins[10].hard and machine._pins[2].hard, "gate and lane IRQs are hard")
    eq(machine._pins[10].trigger, machine.Pin.IRQ_FALLING | machine.Pin.IRQ_RISING)


def test_pin_handlers_allocate_nothing():
    # The fake fires handlers with the heap locked; a race with many edges passes, so
    # the firmware's handlers do not allocate.
    r = Rig()
    calls = machine.irq_calls
    r.race({1: 2100000, 2: 2200000, 3: 2300000, 4: 2400000})
    check(machine.irq_calls - calls >= 9, "the handlers ran")


def test_fake_irq_detects_an_allocating_handler():
    # The check above is real: a handler that allocates fails under the fake.
    p = machine.Pin(20, machine.Pin.IN, machine.Pin.PULL_UP)
    p.irq(handler=lambda pin: [pin] * 3)
    raises(MemoryError, machine.set_level, 20, 0)


def test_a_dead_heat_is_stamped_equal_even_when_handlers_take_25_us_each():
    # The fake models the Pico's interrupt cost: eight lanes fall at one instant, their
    # handlers run one after another, 25 us each. One handler's register read stamps all.
    r = Rig(lane_count=8, lane_pins=[2, 3, 4, 5, 6, 7, 8, 9])
    rid = r.request("wait_race")
    t0 = r.now() + 1000
    r.open_gate(t0)
    machine.irq_cost_us = 25
    try:
        fake_time.set_us(t0 + 2500000)
        machine.set_levels(dict((pin, 0) for pin in range(2, 10)))
        calls = machine.irq_calls
    finally:
        machine.irq_cost_us = 0
    r.advance(2000)
    eq(r.answer(rid)["ok"]["times_us"], dict((str(n), 2500000) for n in range(1, 9)))


def test_with_the_interrupt_cost_a_lane_10_us_behind_is_stamped_when_its_handler_runs():
    # What the register read cannot fix: a lane that falls while another's handler runs
    # waits for it (the cost is modelled, so the simulator shows it as the Pico would).
    r = Rig()
    rid = r.request("wait_race", lanes="12")
    t0 = r.now() + 1000
    r.open_gate(t0)
    machine.irq_cost_us = 25
    try:
        r.set_pin(2, 0, t0 + 2400000)
        r.set_pin(3, 0, t0 + 2400010)
    finally:
        machine.irq_cost_us = 0
    r.advance(2000)
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2400000, "2": 2400025})


def test_a_bounce_faster_than_the_handler_still_keeps_the_first_edge():
    # The lane falls, bounces back up and down again before its handler reads the register:
    # the handler's own pin had an edge at its stamp, whatever the register shows by then.
    r = Rig()
    rid = r.request("wait_race", lanes="1")
    t0 = r.now() + 1000
    r.open_gate(t0)
    fake_time.set_us(t0 + 2000000)
    machine._levels[2] = 1                # the register already shows the wire back up
    machine._sync(2)
    p = machine._pins[2]
    p.handler(p)                          # the interrupt of the fall, stamped now
    r.set_pin(2, 0, t0 + 2000040)         # the contact closes for good 40 us later
    r.advance(2000)
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2000000})
