# machine.py - a fake of MicroPython's machine module for host tests and the simulator.
# set_level(gpio, level) drives a wire: when the level changes and the pin's IRQ trigger
# matches, the handler runs at once like an interrupt, with the heap locked, so a handler
# that allocates fails the test (MemoryError) as it would misbehave on the Pico.
import micropython

_levels = {}       # gpio -> level on the wire (what Pin.value() reads)
_pins = {}         # gpio -> the latest Pin object made for it
soft_resets = 0    # how many times soft_reset() was called
irq_calls = 0      # how many times a handler ran
lock_heap = True   # run handlers with the heap locked


class SoftReset(Exception):
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
        _pins[id] = self

    def value(self, v=None):
        if v is None:
            return _levels[self.id]
        _levels[self.id] = 1 if v else 0

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
    p = _pins.get(gpio)
    if p is None or p.handler is None or old == level:
        return
    if p.trigger & (Pin.IRQ_FALLING if level == 0 else Pin.IRQ_RISING):
        irq_calls += 1
        if lock_heap:
            micropython.heap_lock()
            try:
                p.handler(p)
            finally:
                micropython.heap_unlock()
        else:
            p.handler(p)


def level(gpio):
    return _levels.get(gpio, 1)


def has_handler(gpio):
    p = _pins.get(gpio)
    return p is not None and p.handler is not None


def reset_fake(keep_levels=False):
    # Forget every pin (and, unless keep_levels, every wire level) and the reset count.
    global soft_resets, irq_calls
    _pins.clear()
    if not keep_levels:
        _levels.clear()
    soft_resets = 0
    irq_calls = 0


def soft_reset():
    global soft_resets
    soft_resets += 1
    raise SoftReset()


def reset():
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
