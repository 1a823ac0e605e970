# cmd_subs.py - subscribe and unsubscribe, and the state pushed at subscribe.
import time
import protocol
import session
import engine
from protocol import Err, ok, TOPICS


def subscribe(dev, s, rid, args):
    topics = args.get("topics")
    if type(topics) is str:
        topics = [topics]
    if type(topics) is not list or not topics:
        raise Err("bad_args", 'subscribe needs topics, a list such as ["gate","lanes"] (topics: %s)'
                  % ", ".join(TOPICS))
    if rid in s.subs:
        raise Err("bad_args", "subscription %d is already open; unsubscribe it or use another id" % rid)
    if len(s.subs) >= session.MAX_SUBS:
        raise Err("busy", "too many subscriptions (%d); unsubscribe one first" % session.MAX_SUBS)
    known, unknown = [], []
    for t in topics:
        if t in TOPICS:
            if t not in known:
                known.append(t)
        else:
            unknown.append(t if type(t) is str else protocol.dumps(t))
    sub = session.Sub(rid, tuple(known))
    s.subs[rid] = sub
    payload = {"sub": rid, "topics": known}
    if unknown:
        payload["unknown"] = unknown
    s.respond(ok(rid, payload))
    dev.update_learning()
    for t in known:
        _snapshot(dev, s, sub, t)


def _snapshot(dev, s, sub, topic):
    # The current state pushed at subscribe.
    ms = time.ticks_ms()
    eng = dev.engine
    if topic == "gate":
        s.push(sub, protocol.event(sub.id, "state", {"gate_ready": dev.gate_ready, "ms": ms}))
    elif topic == "lanes":
        for n in range(1, dev.cfg["lane_count"] + 1):
            pin = dev.cfg["lane_pins"][n - 1]
            on = dev.io.level[pin] == dev.lane_on
            if dev.role[pin][0] == "shared":
                on = on and eng.phase == engine.RACING
            s.push(sub, protocol.event(sub.id, "state", {"lane": n, "triggered": on, "ms": ms}))
    elif topic == "race" and eng.phase != engine.IDLE:
        s.push(sub, protocol.event(sub.id, "armed", {"race_id": eng.race_id, "lanes": eng.lanes}))
        if eng.phase == engine.RACING:
            s.push(sub, protocol.event(sub.id, "started",
                                       {"race_id": eng.race_id, "ms": dev.ms_at(eng.gate_us)}))
    elif topic == "engine":
        s.push(sub, protocol.event(sub.id, "phase", {"phase": eng.phase, "prev": None}))


def unsubscribe(dev, s, rid, args):
    sid = args.get("sub")
    if type(sid) is not int or sid not in s.subs:
        raise Err("bad_args", "no subscription %s in this session" % protocol.dumps(sid))
    del s.subs[sid]
    dev.update_learning()
    s.respond(ok(rid, {}))


COMMANDS = {"subscribe": subscribe, "unsubscribe": unsubscribe}
