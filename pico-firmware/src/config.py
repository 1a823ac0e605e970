# config.py - the track's wiring and timing, kept in config.json on the Pico's flash.
import json
import fsio

FILE = "config.json"
WIRINGS = ("breadboard", "dedicated_gate", "shared_pin7")
KEYS = ("wiring", "lane_count", "lane_pins", "gate_pin", "gate_invert", "lane_invert", "shared_pin7",
        "debounce_ms", "hold_us", "race_timeout_ms")
_LANE_GPIO = (2, 3, 4, 5, 6, 7, 8, 9)  # lane n on GP(n+1) in every wiring
_GATE_GPIO = 10
load_error = None  # why config.json was not used at boot, or None


def preset(wiring, lane_count):
    # The defaults a wiring brings: pins for lane_count lanes, the gate's pin and sense.
    pins = list(_LANE_GPIO[:lane_count])
    shared = wiring == "shared_pin7"
    gate = pins[1] if shared and lane_count > 1 else _GATE_GPIO
    return {"wiring": wiring, "lane_pins": pins, "gate_pin": gate,
            "gate_invert": wiring == "breadboard", "shared_pin7": shared,
            "debounce_ms": 10 if wiring == "breadboard" else 5}


def defaults():
    cfg = preset("dedicated_gate", 4)
    cfg["lane_count"] = 4
    cfg["race_timeout_ms"] = 10000
    cfg["lane_invert"] = False  # lane sensors read 0 (pulled to ground) while a car blocks them
    cfg["hold_us"] = 300        # a level must hold this long to count: a shorter spike is noise
    return cfg


def _int(cfg, key, lo, hi, what):
    v = cfg[key]
    if type(v) is not int:
        raise ValueError("%s must be a whole number, not %s" % (key, json.dumps(v)))
    if not lo <= v <= hi:
        raise ValueError("%s %d is out of range: %s" % (key, v, what))


def _pin(v, role):
    if type(v) is not int:
        raise ValueError("%s's pin must be a GPIO number, not %s" % (role, json.dumps(v)))
    if v in (23, 24, 25, 29):
        raise ValueError("%s's pin %d is not usable: GPIO 23, 24, 25 and 29 belong to the "
                         "Pico board; use GPIO 0-22 or 26-28" % (role, v))
    if not (0 <= v <= 22 or 26 <= v <= 28):
        raise ValueError("%s's pin %d does not exist: use GPIO 0-22 or 26-28" % (role, v))


def validate(cfg):
    # Raise ValueError naming the bad value and what to do; return cfg when it is sound.
    if cfg["wiring"] not in WIRINGS:
        raise ValueError("wiring %s is not one of %s" % (json.dumps(cfg["wiring"]), ", ".join(WIRINGS)))
    _int(cfg, "lane_count", 1, 8, "a track has 1 to 8 lanes")
    _int(cfg, "debounce_ms", 0, 100, "use 0 to 100 ms")
    _int(cfg, "race_timeout_ms", 1000, 60000, "use 1000 to 60000 ms")
    _int(cfg, "hold_us", 0, 5000, "use 0 to 5000 us (a car blocks a sensor for milliseconds)")
    for key in ("gate_invert", "lane_invert", "shared_pin7"):
        if type(cfg[key]) is not bool:
            raise ValueError("%s must be true or false, not %s" % (key, json.dumps(cfg[key])))
    pins, n = cfg["lane_pins"], cfg["lane_count"]
    if type(pins) is not list:
        raise ValueError("lane_pins must be a list of GPIO numbers, one per lane")
    if len(pins) != n:
        raise ValueError("lane_count is %d but lane_pins lists %d pins %s; give one pin per lane"
                         % (n, len(pins), json.dumps(pins)))
    owner = {}
    for i, p in enumerate(pins):
        _pin(p, "lane %d" % (i + 1))
        if p in owner:
            raise ValueError("pin %d is given to both lane %d and lane %d; a pin serves one role"
                             % (p, owner[p], i + 1))
        owner[p] = i + 1
    gate = cfg["gate_pin"]
    _pin(gate, "the gate")
    if cfg["shared_pin7"]:
        if n < 2:
            raise ValueError("shared_pin7 needs at least 2 lanes: the gate shares lane 2's pin")
        if gate != pins[1]:
            raise ValueError("with shared_pin7 the gate shares lane 2's pin (%d), but gate_pin is %d"
                             % (pins[1], gate))
    elif gate in owner:
        raise ValueError("pin %d is given to both the gate and lane %d; a pin serves one role "
                         "(set shared_pin7=true if the gate and lane 2 share one wire)"
                         % (gate, owner[gate]))
    return cfg


def merge(current, changes):
    # The configuration config_set asks for: `wiring` brings its defaults first (keeping the
    # lane count), a lane_count alone brings that wiring's pins, lane_pins alone sets the count.
    for key in changes:
        if key not in KEYS:
            raise ValueError("unknown configuration key %s (keys: %s)" % (json.dumps(key), ", ".join(KEYS)))
    new = dict(current)
    n = changes.get("lane_count", current["lane_count"])
    if type(n) is int and 1 <= n <= 8:
        if "wiring" in changes and changes["wiring"] in WIRINGS:
            new.update(preset(changes["wiring"], n))
        elif "lane_count" in changes and "lane_pins" not in changes:
            p = preset(new["wiring"], n)
            new["lane_pins"] = p["lane_pins"]
            if new["shared_pin7"]:
                new["gate_pin"] = p["gate_pin"]
    if "lane_pins" in changes and "lane_count" not in changes and type(changes["lane_pins"]) is list:
        new["lane_count"] = len(changes["lane_pins"])
    new.update(changes)
    return validate(new)


def load():
    # The saved configuration, or the defaults when there is none or it is unusable.
    global load_error
    load_error = None
    if not fsio.fs.exists(FILE):
        return defaults()
    try:
        saved = json.loads(fsio.fs.read(FILE))
        if type(saved) is not dict:
            raise ValueError("config.json is not a JSON object")
        cfg = defaults()
        cfg.update(saved)
        for key in saved:
            if key not in KEYS:
                del cfg[key]
        return validate(cfg)
    except (ValueError, OSError) as e:
        load_error = "config.json ignored: %s" % e
        return defaults()


def save(cfg):
    fsio.write_atomic(FILE, json.dumps(cfg).encode())
