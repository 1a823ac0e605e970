# cmd_race.py - the commands of racing: gate, state, wait_race, wait_gate, cancel, reset.
# Each answers through the session (or stays outstanding).
import protocol
import engine
from protocol import Err, ok


def lanes_arg(v, count):
    # The lanes argument as a sorted digit string, or None when absent.
    if v is None:
        return None
    if type(v) is int and v > 0:
        v = str(v)  # the human form reads wait_race 12 as the number 12
    if type(v) is not str:
        raise Err("bad_args", 'lanes must be a string of lane digits such as "1356", not %s'
                  % protocol.dumps(v))
    if not v:
        raise Err("bad_args", 'lanes is empty: name the lanes to race, e.g. "%s"'
                  % "".join(str(i) for i in range(1, count + 1)))
    for i, c in enumerate(v):
        if not "0" <= c <= "9":
            raise Err("bad_args", 'lanes %s must be lane digits such as "1356"' % protocol.dumps(v))
        if not 1 <= int(c) <= count:
            raise Err("bad_args", "lane %s is not on this %d-lane track" % (c, count))
        if c in v[:i]:
            raise Err("bad_args", "lane %s is listed twice in lanes %s" % (c, protocol.dumps(v)))
    return "".join(sorted(v))


def wait_race(dev, s, rid, args):
    count = dev.cfg["lane_count"]
    lanes = lanes_arg(args.get("lanes"), count)
    after = args.get("after")
    if after is not None and type(after) is not str:
        raise Err("bad_args", "after must be a race_id string, not %s" % protocol.dumps(after))
    eng = dev.engine
    if after is not None and eng.last is not None and eng.last["race_id"] != after:
        s.respond(ok(rid, eng.last))
        return
    if eng.phase == engine.IDLE:
        dev.hold(s, rid, "wait_race")
        eng.arm(lanes or "".join(str(i) for i in range(1, count + 1)))
    elif lanes is None or lanes == eng.lanes:
        dev.hold(s, rid, "wait_race")  # join the race under way
    else:
        what = "armed" if eng.phase == engine.ARMED else "running"
        raise Err("busy", "a race is %s on lanes %s; wait for lanes %s after it" % (what, eng.lanes, lanes))


def wait_gate(dev, s, rid, args):
    if dev.gate_ready:
        s.respond(ok(rid, {"gate_ready": True}))
    else:
        dev.hold(s, rid, "wait_gate")


def gate(dev, s, rid, args):
    s.respond(ok(rid, {"gate_ready": dev.gate_ready}))


def state(dev, s, rid, args):
    s.respond(ok(rid, dev.engine.last))


def _disarm_if_unwaited(dev):
    if dev.engine.phase == engine.ARMED and not dev.waiting("wait_race"):
        dev.engine.disarm()


def cancel(dev, s, rid, args):
    target = args.get("target")
    if type(target) is not int:
        raise Err("bad_args", "cancel needs target: the id of the request to cancel")
    if target in s.requests:
        cmd = s.requests.pop(target)
        s.respond(protocol.err(target, "cancelled", "cancelled by request %d" % rid))
        if cmd == "wait_race":
            _disarm_if_unwaited(dev)
    elif target in s.subs:
        del s.subs[target]  # cancelling a subscription ends it
        dev.update_learning()
    else:
        raise Err("bad_args", "request %d is not outstanding: nothing to cancel" % target)
    s.respond(ok(rid, {}))


def reset(dev, s, rid, args):
    s.clear()
    dev.update_learning()
    _disarm_if_unwaited(dev)
    s.respond(ok(rid, {}))


COMMANDS = {"wait_race": wait_race, "wait_gate": wait_gate, "gate": gate, "state": state,
            "cancel": cancel, "reset": reset}
