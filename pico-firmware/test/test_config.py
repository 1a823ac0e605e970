# config_get / config_set: validation with messages that name the value, the wirings'
# presets, saving to config.json and loading it at boot.
import json
import machine
import config
import fsio
from testlib import eq, check
from rig import Rig
from boothelp import boot

DEFAULTS = {"wiring": "dedicated_gate", "lane_count": 4, "lane_pins": [2, 3, 4, 5], "gate_pin": 10,
            "gate_invert": False, "lane_invert": False, "shared_pin7": False, "debounce_ms": 5,
            "hold_us": 300, "race_timeout_ms": 10000}


def test_config_get_returns_the_whole_configuration():
    eq(Rig().ok("config_get"), DEFAULTS)


def test_config_set_returns_the_new_configuration_and_saves_it():
    r = Rig()
    new = r.ok("config_set", debounce_ms=12, race_timeout_ms=20000)
    expect = dict(DEFAULTS, debounce_ms=12, race_timeout_ms=20000)
    eq(new, expect)
    eq(r.ok("config_get"), expect)
    eq(json.loads(fsio.fs.read("config.json")), expect)
    eq(r.ok("info")["race_timeout_ms"], 20000)


def test_config_set_without_a_change_leaves_the_flash_alone():
    r = Rig()
    r.ok("config_set", debounce_ms=12)
    written = []
    real = fsio.fs

    class Watching(fsio.Fs):
        def write(self, path, data):
            written.append(path)
            real.write(path, data)

    fsio.fs = Watching()
    try:
        eq(r.ok("config_set", debounce_ms=12, lane_count=4), dict(DEFAULTS, debounce_ms=12))
    finally:
        fsio.fs = real
    eq(written, [])


def test_saved_configuration_is_loaded_at_boot():
    r = Rig()
    r.ok("config_set", lane_count=6)
    eq(config.load(), dict(DEFAULTS, lane_count=6, lane_pins=[2, 3, 4, 5, 6, 7]))


def test_main_py_boots_with_the_saved_configuration():
    r = Rig(with_firmware=True)
    r.ok("config_set", lane_count=6, race_timeout_ms=12000)
    info = boot(r.dir)
    eq((info["lane_count"], info["race_timeout_ms"]), (6, 12000))
    eq(boot(r.dir, "config_get")["lane_pins"], [2, 3, 4, 5, 6, 7])


def test_no_config_file_means_the_defaults():
    Rig()
    eq(config.load(), DEFAULTS)
    eq(config.load_error, None)


def test_a_broken_config_file_falls_back_to_defaults_and_says_why():
    r = Rig()
    fsio.fs.write("config.json", b'{"lane_count": 12}')
    eq(config.load(), DEFAULTS)
    eq(config.load_error, "config.json ignored: lane_count 12 is out of range: a track has 1 to 8 lanes")
    eq(r.ok("dbg")["controller"]["config_error"], config.load_error)
    fsio.fs.write("config.json", b"{garbage")
    eq(config.load(), DEFAULTS)
    check(config.load_error.startswith("config.json ignored: "), config.load_error)


def test_an_old_config_file_missing_keys_gets_defaults_for_them():
    Rig()
    fsio.fs.write("config.json", b'{"lane_count": 2, "lane_pins": [6, 7], "color": "red"}')
    eq(config.load(), dict(DEFAULTS, lane_count=2, lane_pins=[6, 7]))


def test_bad_values_are_refused_with_the_value_named():
    r = Rig()
    cases = [
        ({"lane_count": 9}, "lane_count 9 is out of range: a track has 1 to 8 lanes"),
        ({"lane_count": 0}, "lane_count 0 is out of range: a track has 1 to 8 lanes"),
        ({"lane_count": "4"}, 'lane_count must be a whole number, not "4"'),
        ({"debounce_ms": 101}, "debounce_ms 101 is out of range: use 0 to 100 ms"),
        ({"debounce_ms": -1}, "debounce_ms -1 is out of range: use 0 to 100 ms"),
        ({"race_timeout_ms": 999}, "race_timeout_ms 999 is out of range: use 1000 to 60000 ms"),
        ({"race_timeout_ms": 60001}, "race_timeout_ms 60001 is out of range: use 1000 to 60000 ms"),
        ({"gate_invert": 1}, "gate_invert must be true or false, not 1"),
        ({"shared_pin7": "yes"}, 'shared_pin7 must be true or false, not "yes"'),
        ({"wiring": "breadbored"}, 'wiring "breadbored" is not one of breadboard, dedicated_gate, shared_pin7'),
        ({"colour": "red"}, 'unknown configuration key "colour" (keys: wiring, lane_count, lane_pins, gate_pin, '
                            'gate_invert, lane_invert, shared_pin7, debounce_ms, hold_us, race_timeout_ms)'),
        ({"hold_us": 5001}, "hold_us 5001 is out of range: use 0 to 5000 us (a car blocks a sensor for milliseconds)"),
        ({"lane_invert": "no"}, 'lane_invert must be true or false, not "no"'),
        ({"lane_pins": "2345"}, "lane_pins must be a list of GPIO numbers, one per lane"),
    ]
    for args, msg in cases:
        eq(r.error("config_set", **args), ("bad_args", msg), repr(args))
    eq(r.ok("config_get"), DEFAULTS)


def test_lane_count_must_match_lane_pins():
    r = Rig()
    eq(r.error("config_set", lane_count=3, lane_pins=[2, 3, 4, 5]),
       ("bad_args", "lane_count is 3 but lane_pins lists 4 pins [2, 3, 4, 5]; give one pin per lane"))


def test_lane_count_alone_takes_the_wirings_pins_and_lane_pins_alone_sets_the_count():
    r = Rig()
    eq(r.ok("config_set", lane_count=8)["lane_pins"], [2, 3, 4, 5, 6, 7, 8, 9])
    new = r.ok("config_set", lane_pins=[11, 12, 13])
    eq((new["lane_count"], new["lane_pins"]), (3, [11, 12, 13]))


def test_board_pins_23_24_25_29_and_missing_pins_are_refused():
    r = Rig()
    for pin in (23, 24, 25, 29):
        eq(r.error("config_set", gate_pin=pin),
           ("bad_args", "the gate's pin %d is not usable: GPIO 23, 24, 25 and 29 belong to the Pico board; "
                        "use GPIO 0-22 or 26-28" % pin))
    eq(r.error("config_set", lane_pins=[2, 3, 30]),
       ("bad_args", "lane 3's pin 30 does not exist: use GPIO 0-22 or 26-28"))
    eq(r.error("config_set", lane_pins=[2, -1])[1], "lane 2's pin -1 does not exist: use GPIO 0-22 or 26-28")
    eq(r.error("config_set", lane_pins=[2, 2.5])[1], "lane 2's pin must be a GPIO number, not 2.5")
    eq(r.ok("config_set", lane_pins=[0, 22, 26, 28], gate_pin=27)["lane_pins"], [0, 22, 26, 28])


def test_a_pin_serves_one_role():
    r = Rig()
    eq(r.error("config_set", lane_pins=[2, 3, 2, 5]),
       ("bad_args", "pin 2 is given to both lane 1 and lane 3; a pin serves one role"))
    eq(r.error("config_set", gate_pin=4),
       ("bad_args", "pin 4 is given to both the gate and lane 3; a pin serves one role "
                    "(set shared_pin7=true if the gate and lane 2 share one wire)"))


def test_shared_pin7_needs_the_gate_on_lane_2s_pin():
    r = Rig()
    eq(r.error("config_set", shared_pin7=True),
       ("bad_args", "with shared_pin7 the gate shares lane 2's pin (3), but gate_pin is 10"))
    eq(r.error("config_set", shared_pin7=True, gate_pin=3, lane_count=1, lane_pins=[3]),
       ("bad_args", "shared_pin7 needs at least 2 lanes: the gate shares lane 2's pin"))
    eq(r.ok("config_set", shared_pin7=True, gate_pin=3)["gate_pin"], 3)


def test_wiring_presets():
    r = Rig()
    eq(r.ok("config_set", wiring="breadboard"),
       dict(DEFAULTS, wiring="breadboard", gate_invert=True, debounce_ms=10))
    eq(r.ok("config_set", wiring="shared_pin7"),
       dict(DEFAULTS, wiring="shared_pin7", gate_pin=3, shared_pin7=True))
    eq(r.ok("config_set", wiring="dedicated_gate", lane_count=6),
       dict(DEFAULTS, lane_count=6, lane_pins=[2, 3, 4, 5, 6, 7]))
    eq(r.ok("config_set", wiring="breadboard", debounce_ms=20)["debounce_ms"], 20)  # given keys win


def test_config_set_is_busy_while_armed_or_racing():
    r = Rig()
    r.request("wait_race", lanes="1")
    eq(r.error("config_set", debounce_ms=7),
       ("busy", "the track is ARMED; config_set waits until the race completes or is cancelled"))
    r.open_gate()
    eq(r.error("config_set", debounce_ms=7)[0], "busy")
    eq(r.ok("config_get")["debounce_ms"], 5)


def test_config_set_needs_a_key():
    eq(Rig().error("config_set")[0], "bad_args")


def test_new_pins_take_effect_at_once():
    r = Rig()
    r.ok("config_set", lane_pins=[14, 15], gate_pin=16)
    check(not machine.has_handler(2), "old lane pin 2 no longer interrupts")
    rid = r.request("wait_race")
    eq(r.dev.engine.lanes, "12")
    machine.set_level(16, 0)
    r.settle()
    t0 = r.now() + 1000
    r.set_pin(16, 1, t0)
    r.settle()
    r.set_pin(15, 0, t0 + 2000000)
    r.poll()
    r.set_pin(14, 0, t0 + 2100000)
    r.advance(1000)
    eq(r.answer(rid)["ok"]["times_us"], {"1": 2100000, "2": 2000000})
