# wait_race: lanes, after, joining, busy; cancel and reset.
from testlib import eq, check
from rig import Rig

_TIMES = {1: 2000000, 2: 2100000, 3: 2200000, 4: 2300000}


def is_uuid4(s):
    parts = s.split("-")
    return ([len(p) for p in parts] == [8, 4, 4, 4, 12] and parts[2][0] == "4"
            and parts[3][0] in "89ab" and all(c in "0123456789abcdef" for c in s.replace("-", "")))


def test_wait_race_without_lanes_arms_every_lane():
    r = Rig()
    r.request("wait_race")
    eq((r.dev.engine.phase, r.dev.engine.lanes), ("ARMED", "1234"))


def test_lanes_are_normalised_to_ascending_digits():
    r = Rig()
    f = r.race({3: 2000000, 1: 2100000}, lanes="31")
    eq(f["ok"]["lanes"], "13")


def test_race_ids_are_uuid4_and_new_for_every_race():
    r = Rig()
    a = r.race(_TIMES)["ok"]["race_id"]
    b = r.race(_TIMES)["ok"]["race_id"]
    check(is_uuid4(a) and is_uuid4(b), "%s %s" % (a, b))
    check(a != b, "a new id per race")


def test_bad_lanes_name_the_problem():
    r = Rig()
    eq(r.error("wait_race", lanes="1259"), ("bad_args", "lane 5 is not on this 4-lane track"))
    eq(r.error("wait_race", lanes="0"), ("bad_args", "lane 0 is not on this 4-lane track"))
    eq(r.error("wait_race", lanes="121"), ("bad_args", 'lane 1 is listed twice in lanes "121"'))
    eq(r.error("wait_race", lanes="1,2"), ("bad_args", 'lanes "1,2" must be lane digits such as "1356"'))
    eq(r.error("wait_race", lanes=""), ("bad_args", 'lanes is empty: name the lanes to race, e.g. "1234"'))
    eq(r.error("wait_race", lanes=[1, 2])[0], "bad_args")
    eq(r.error("wait_race", after=7), ("bad_args", "after must be a race_id string, not 7"))
    eq(r.dev.engine.phase, "IDLE")


def test_after_a_different_id_returns_the_last_race_at_once():
    r = Rig()
    last = r.race(_TIMES)["ok"]
    eq(r.ok("wait_race", after="an-older-race-id"), last)
    eq(r.dev.engine.phase, "IDLE")


def test_after_the_last_id_arms_and_waits_for_the_next_race():
    r = Rig()
    last = r.race(_TIMES)["ok"]
    f = r.race({1: 2500000, 2: 2600000}, lanes="12")
    check(f["ok"]["race_id"] != last["race_id"], "a new race")
    rid = r.request("wait_race", lanes="12", after=f["ok"]["race_id"])
    eq(r.frames(), [])
    eq(r.dev.engine.phase, "ARMED")


def test_after_with_no_race_yet_arms():
    r = Rig()
    r.request("wait_race", after="anything")
    eq(r.dev.engine.phase, "ARMED")


def test_a_second_wait_race_joins_the_armed_race():
    r = Rig()
    a = r.request("wait_race", lanes="12")
    b = r.request("wait_race", lanes="21")
    c = r.request("wait_race")
    rid = r.dev.engine.race_id
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.lane(1, t0 + 2000000)
    r.lane(2, t0 + 2100000)
    out = r.frames()
    eq(sorted(f["id"] for f in out), [a, b, c])
    for f in out:
        eq((f["ok"]["race_id"], f["ok"]["times_us"]), (rid, {"1": 2000000, "2": 2100000}))


def test_joining_a_running_race():
    r = Rig()
    a = r.request("wait_race", lanes="1")
    t0 = r.now() + 1000
    r.open_gate(t0)
    b = r.request("wait_race", lanes="1")
    r.lane(1, t0 + 2000000)
    eq(sorted(f["id"] for f in r.frames()), [a, b])


def test_wait_race_on_other_lanes_is_busy():
    r = Rig()
    r.request("wait_race", lanes="1234")
    eq(r.error("wait_race", lanes="12"), ("busy", "a race is armed on lanes 1234; wait for lanes 12 after it"))
    r.open_gate()
    eq(r.error("wait_race", lanes="3"), ("busy", "a race is running on lanes 1234; wait for lanes 3 after it"))


def test_cancel_of_the_only_wait_while_armed_disarms():
    r = Rig()
    r.ok("subscribe", topics=["engine"])
    w = r.request("wait_race")
    c = r.request("cancel", target=w)
    out = r.frames()
    eq([f.get("phase") for f in out if "sub" in f], ["ARMED", "IDLE"])
    eq([f for f in out if "id" in f], [{"id": w, "err": "cancelled by request %d" % c, "code": "cancelled"},
                                       {"id": c, "ok": {}}])
    r.open_gate()
    eq(r.dev.engine.phase, "IDLE")
    eq(r.ok("state"), None)


def test_cancel_of_one_of_two_waits_keeps_the_race_armed():
    r = Rig()
    a = r.request("wait_race")
    b = r.request("wait_race")
    r.ok("cancel", target=a)
    eq(r.dev.engine.phase, "ARMED")
    r.ok("cancel", target=b)
    eq(r.dev.engine.phase, "IDLE")


def test_cancel_while_racing_keeps_the_race_and_its_result():
    r = Rig()
    w = r.request("wait_race", lanes="12")
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.ok("cancel", target=w)
    eq(r.dev.engine.phase, "RACING")
    r.lane(1, t0 + 2000000)
    r.lane(2, t0 + 2100000)
    eq(r.frames(), [])              # nobody waits any more
    last = r.ok("state")
    eq(last["times_us"], {"1": 2000000, "2": 2100000})
    eq(r.ok("wait_race", after="the-race-before"), last)


def test_cancel_of_an_unknown_request_is_bad_args():
    r = Rig()
    eq(r.error("cancel", target=99), ("bad_args", "request 99 is not outstanding: nothing to cancel"))
    eq(r.error("cancel"), ("bad_args", "cancel needs target: the id of the request to cancel"))


def test_cancel_of_a_subscription_ends_it():
    r = Rig()
    sub = r.ok("subscribe", topics=["gate"])["sub"]
    eq(r.ok("cancel", target=sub), {})
    r.open_gate()
    eq(r.frames(), [])


def test_reset_drops_requests_and_subscriptions_and_disarms():
    r = Rig()
    r.ok("subscribe", topics=["gate", "engine"])
    w = r.request("wait_race")
    r.frames()
    eq(r.ok("reset"), {})
    eq(r.dev.engine.phase, "IDLE")
    r.open_gate()
    r.close_gate()
    eq(r.frames(), [])              # no answer to the dropped wait, no events
    r.request("info")
    r.send('{"id":%d,"cmd":"gate"}' % w)   # the dropped id is free again
    eq(r.frames()[-1], {"id": w, "ok": {"gate_ready": True}})


def test_reset_while_racing_lets_the_race_finish_as_the_last_race():
    r = Rig()
    r.request("wait_race", lanes="1")
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.ok("reset")
    eq(r.dev.engine.phase, "RACING")
    r.lane(1, t0 + 2000000)
    eq(r.frames(), [])
    eq(r.ok("state")["times_us"], {"1": 2000000})


def test_a_race_that_finished_while_the_host_was_away_is_delivered_once():
    # The host's reconnect: reset, then wait_race with after = the last race it recorded.
    r = Rig()
    first = r.race(_TIMES)["ok"]
    r.close_gate()
    r.request("wait_race", lanes="12")       # then the cable is pulled
    t0 = r.now() + 1000
    r.open_gate(t0)
    r.lane(1, t0 + 2000000)
    r.lane(2, t0 + 2100000)
    r.frames()                               # lost with the cable
    r.ok("reset")
    missed = r.ok("wait_race", lanes="12", after=first["race_id"])
    eq(missed["times_us"], {"1": 2000000, "2": 2100000})
    r.request("wait_race", lanes="12", after=missed["race_id"])
    eq(r.frames(), [])
    eq(r.dev.engine.phase, "ARMED")
