# restart.py - the device's restarts and why they happened. A restart is a reset of the whole
# chip (MicroPython's soft reset would print a line that is not JSON, and would leave a full
# heap and the watchdog running): the USB line drops and comes back, as at power-up. The
# reason is kept through the reset in the watchdog's SCRATCH0 register, which resets leave
# alone and power-up clears (the Pico SDK uses SCRATCH4-7 only).
from micropython import const
import machine

_SCRATCH0 = const(0x4005800C)
_MAGIC = const(0x2A5C0000)
_CODES = ("reset", "fault", "update", "repl", "rollback")
_FAULTS = ("an error", "MemoryError", "OSError")


def keep(reason, fault=0):
    machine.mem32[_SCRATCH0] = _MAGIC | (_CODES.index(reason) << 8) | fault


def now(reason, error=None):
    # Reset the chip; boot.py and main.py run again and say why.
    fault = 0
    if isinstance(error, MemoryError):
        fault = 1
    elif isinstance(error, OSError):
        fault = 2
    keep(reason, fault)
    machine.reset()


def why():
    # This start's reason, as {"reason": ...} (plus "detail"), and forget it.
    kept = machine.mem32[_SCRATCH0]
    machine.mem32[_SCRATCH0] = 0
    if kept & 0xFFFF0000 == _MAGIC:
        code = (kept >> 8) & 0xFF
        if code < len(_CODES):
            boot = {"reason": _CODES[code]}
            if _CODES[code] == "fault":
                boot["detail"] = _FAULTS[kept & 0xFF] if kept & 0xFF < len(_FAULTS) else _FAULTS[0]
            return boot
    if machine.reset_cause() == machine.WDT_RESET:
        return {"reason": "watchdog"}
    return {"reason": "power"}
