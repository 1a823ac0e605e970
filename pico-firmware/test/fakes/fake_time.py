# fake_time.py - a `time` module with a clock the test (or the simulator) moves.
# Installed as sys.modules["time"] before the firmware is imported. Ticks wrap at 2**30
# like MicroPython's, so a test can start just before the wrap.
_PERIOD = 1 << 30
_MASK = _PERIOD - 1
_HALF = _PERIOD >> 1

_us = 0        # absolute microseconds since "power-up" (may grow past 2**30)
_tick_us = 0   # _us & _MASK, kept ready so ticks_us() allocates nothing in an IRQ handler


def set_us(us):
    # Move the clock to an absolute microsecond count; it never goes backwards.
    global _us, _tick_us
    if us < _us:
        raise ValueError("fake clock would go back from %d to %d us" % (_us, us))
    _us = us
    _tick_us = us & _MASK


def reset(us=0):
    # Start a new test's clock anywhere (the only way back in time).
    global _us, _tick_us
    _us = us
    _tick_us = us & _MASK


def advance_us(d):
    set_us(_us + d)


def advance_ms(d):
    set_us(_us + d * 1000)


def now_us():
    return _us


def ticks_us():
    return _tick_us


def ticks_ms():
    return (_us // 1000) & _MASK


def ticks_cpu():
    return _tick_us


def ticks_add(t, delta):
    return (t + delta) & _MASK


def ticks_diff(a, b):
    return ((a - b + _HALF) & _MASK) - _HALF


def sleep_us(d):
    advance_us(d)


def sleep_ms(d):
    advance_us(d * 1000)


def sleep(s):
    advance_us(int(s * 1000000))


def time():
    return 1700000000 + _us // 1000000


def time_ns():
    return 1700000000 * 1000000000 + _us * 1000
