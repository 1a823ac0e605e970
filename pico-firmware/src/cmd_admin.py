# cmd_admin.py - the commands of the device itself: info, dbg, config_get, config_set and
# the in-band update (update_begin, update_chunk, update_commit, update_abort).
import gc
import time
import commit
import config
import engine
import protocol
from protocol import Err, ok


def info(dev, s, rid, args):
    payload = {"protocol": dev.protocol, "firmware": dev.firmware,
               "lane_count": dev.cfg["lane_count"], "topics": list(protocol.TOPICS),
               "race_timeout_ms": dev.cfg["race_timeout_ms"], "clock": "us"}
    if dev.boot is not None:
        payload["boot"] = dev.boot
    undone = commit.rollback_note()
    if undone is not None:
        payload["rollback"] = undone
    s.respond(ok(rid, payload))


def dbg(dev, s, rid, args):
    cfg, io, eng = dev.cfg, dev.io, dev.engine
    gate = cfg["gate_pin"]
    lanes = {}
    for i, pin in enumerate(cfg["lane_pins"]):
        lanes[str(i + 1)] = {"raw": io.raw(pin), "debounced": io.level[pin]}
    gc.collect()
    controller = {"uptime_ms": time.ticks_ms(), "firmware": dev.firmware, "mem_free": gc.mem_free()}
    if config.load_error:
        controller["config_error"] = config.load_error
    s.respond(ok(rid, {
        "controller": controller,
        "io": {"start_gate": {"raw": io.raw(gate), "debounced": io.level[gate], "invert": cfg["gate_invert"]},
               "lanes": lanes, "debounce_ms": cfg["debounce_ms"]},
        "engine": {"phase": eng.phase, "race_id": eng.race_id, "active_lanes": eng.lanes or None,
                   "gate_ready": dev.gate_ready}}))


def config_get(dev, s, rid, args):
    s.respond(ok(rid, dev.cfg))


def _idle(dev, what):
    phase = dev.engine.phase
    if phase != engine.IDLE:
        raise Err("busy", "the track is %s; %s waits until the race completes or is cancelled" % (phase, what))


def config_set(dev, s, rid, args):
    _idle(dev, "config_set")
    changes = {}
    for k in args:
        if k not in ("id", "cmd"):
            changes[k] = args[k]
    if not changes:
        raise Err("bad_args", "config_set needs one or more of: " + ", ".join(config.KEYS))
    try:
        new = config.merge(dev.cfg, changes)
    except ValueError as e:
        raise Err("bad_args", str(e))
    if new == dev.cfg and not config.load_error:
        s.respond(ok(rid, new))  # nothing changed: the flash is not written
        return
    config.save(new)
    config.load_error = None
    dev.apply(new)
    s.respond(ok(rid, new))


def update_begin(dev, s, rid, args):
    _idle(dev, "update_begin")  # the flash is written with interrupts off: never while racing
    s.respond(ok(rid, dev.updater().begin(args)))


def update_chunk(dev, s, rid, args):
    _idle(dev, "update_chunk")
    s.respond(ok(rid, dev.updater().chunk(args)))


def update_commit(dev, s, rid, args):
    _idle(dev, "update_commit")
    try:
        payload = dev.updater().commit(args)
    except OSError as e:
        if not commit.pending():
            raise
        dev.reset_soon()  # the commit point has passed: boot finishes the install
        raise Err("internal", "update_commit stopped part-way (%s); the device restarts and "
                  "finishes the update at boot" % e)
    s.respond(ok(rid, payload))
    dev.reset_soon()


def update_abort(dev, s, rid, args):
    _idle(dev, "update_abort")
    dev.updater().abort(args)
    s.respond(ok(rid, {}))


def repl(dev, s, rid, args):
    # Leave for MicroPython's REPL (mpremote, Thonny): the Pico restarts into it once this
    # answer is sent, and serves the track again after its next reset or power-up.
    _idle(dev, "repl")
    s.respond(ok(rid, {"repl": True}))
    dev.reset_soon("repl")


COMMANDS = {"info": info, "dbg": dbg, "config_get": config_get, "config_set": config_set,
            "update_begin": update_begin, "update_chunk": update_chunk,
            "update_commit": update_commit, "update_abort": update_abort, "repl": repl}
