# machine.py - a fake of MicroPython's machine module for host tests and the simulator.
# set_level(gpio, level) drives a wire: when the level changes and the pin's IRQ trigger
# matches, the handler runs at once like an interrupt, with the heap locked, so a handler
# that allocates fails the test (MemoryError) as it would misbehave on the Pico.
import micropython
import fake_time

_levels = {}       # gpio -> level on the wire (what Pin.value() reads)
_gpio_in = [0]     # the SIO GPIO_IN register: bit n is _levels[n] (kept in step by set_level)
_pins = {}         # gpio -> the latest Pin object made for it
soft_resets = 0    # how many times soft_reset() was called
resets = 0         # how many times reset() was called
irq_calls = 0      # how many times a handler ran
lock_heap = True   # run handlers with the heap locked
irq_cost_us = 0    # how long each handler runs, as on the Pico (~25 us); 0: instantly
_busy_until = [None]  # while handlers are modelled with a cost: when the last one ends


class SoftReset(Exception):
    # Raised by soft_reset() and reset(): the firmware's run ends here.
    pass


class Pin:
    IN = 0
    OUT = 1
    OPEN_DRAIN = 2
    PULL_UP = 1
    PULL_DOWN = 2
    IRQ_FALLING = 4
    IRQ_RISING = 8

    def __init__(self, id, mode=-1, pull=-1, value=None):
        self.id = id
        self.mode = mode
        self.pull = pull
        self.handler = None
        self.trigger = 0
        self.hard = False
        if id not in _levels:
            _levels[id] = 0 if pull == Pin.PULL_DOWN else 1
        if value is not None:
            _levels[id] = value
        _sync(id)
        _pins[id] = self

    def value(self, v=None):
        if v is None:
            return _levels[self.id]
        _levels[self.id] = 1 if v else 0
        _sync(self.id)

    def __call__(self, v=None):
        return self.value(v)

    def irq(self, handler=None, trigger=IRQ_FALLING | IRQ_RISING, hard=False):
        self.handler = handler
        self.trigger = trigger if handler else 0
        self.hard = hard

    def __repr__(self):
        return "Pin(GPIO%d)" % self.id


def set_level(gpio, level):
    # Drive the wire of a GPIO; fire its handler when the edge matches its trigger.
    global irq_calls
    old = _levels.get(gpio, 1)
    _levels[gpio] = level
    _sync(gpio)
    p = _pins.get(gpio)
    if p is None or p.handler is None or old == level:
        return
    if p.trigger & (Pin.IRQ_FALLING if level == 0 else Pin.IRQ_RISING):
        irq_calls += 1
        _run(p)


def _sync(gpio):
    bit = 1 << gpio
    _known[0] |= bit
    _gpio_in[0] = (_gpio_in[0] | bit) if _levels[gpio] else (_gpio_in[0] & ~bit)


class _Mem32:
    # machine.mem32: GPIO_IN (0xD0000004) reads the wires (an unknown wire reads 1: pulled
    # up); the watchdog's scratch registers keep what is written, across soft_reset().
    def __init__(self):
        self.words = {}

    def __getitem__(self, addr):
        if addr == 0xD0000004:
            return _gpio_in[0] | _unknown_high()
        return self.words.get(addr, 0)

    def __setitem__(self, addr, value):
        self.words[addr] = value & 0xFFFFFFFF


def _unknown_high():
    # Wires nobody set are open switches on pulled-up inputs.
    return ~_known[0] & 0x3FFFFFFF


_known = [0]  # bit n: GPIO n has a level in _levels
mem32 = _Mem32()
PWRON_RESET = 1
WDT_RESET = 3
reset_causes = [PWRON_RESET]


def reset_cause():
    return reset_causes[-1]


class WDT:
    feeds = 0
    made = 0

    def __init__(self, id=0, timeout=5000):
        WDT.made += 1
        self.timeout = timeout

    def feed(self):
        WDT.feeds += 1


def _run(p):
    # Run a pin's handler. With irq_cost_us set, it starts when the handler before it has
    # ended and the clock reads that instant while it runs; then the clock is put back, as
    # the edges that follow were driven at their own instants.
    if not irq_cost_us:
        _call(p)
        return
    now = fake_time.now_us()
    busy = _busy_until[0]
    start = busy if busy is not None and fake_time.ticks_diff(busy, now) > 0 else now
    _busy_until[0] = start + irq_cost_us
    fake_time.set_us(start)
    try:
        _call(p)
    finally:
        fake_time.reset(now)  # back to the instant the wires were driven


def _call(p):
    if lock_heap:
        micropython.heap_lock()
        try:
            p.handler(p)
        finally:
            micropython.heap_unlock()
    else:
        p.handler(p)


def set_levels(levels):
    # Several wires change at one instant ({gpio: level}); then their handlers run, lowest
    # GPIO first, as the RP2040's interrupt controller takes them.
    changed = []
    for gpio in sorted(levels):
        if _levels.get(gpio, 1) != levels[gpio]:
            changed.append(gpio)
        _levels[gpio] = levels[gpio]
        _sync(gpio)
    for gpio in changed:
        p = _pins.get(gpio)
        if p is not None and p.handler is not None:
            global irq_calls
            irq_calls += 1
            _run(p)


def level(gpio):
    return _levels.get(gpio, 1)


def has_handler(gpio):
    p = _pins.get(gpio)
    return p is not None and p.handler is not None


def reset_fake(keep_levels=False):
    # Forget every pin (and, unless keep_levels, every wire level) and the reset count.
    global soft_resets, irq_calls, resets
    _pins.clear()
    if not keep_levels:
        _levels.clear()
        _gpio_in[0] = 0
        _known[0] = 0
    soft_resets = 0
    resets = 0
    irq_calls = 0
    _busy_until[0] = None


def soft_reset():
    global soft_resets
    soft_resets += 1
    raise SoftReset()


def reset():
    global resets
    resets += 1
    raise SoftReset()


def unique_id():
    return b"\xe6\x61\x38\x83\x1b\x2e\x4c\x2a"


def freq(hz=None):
    return 125000000


def disable_irq():
    return 0


def enable_irq(state=0):
    pass


def idle():
    pass
