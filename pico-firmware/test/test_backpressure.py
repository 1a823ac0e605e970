# Backpressure: a host that stops reading. The queue holds 64 frames; the oldest events
# are dropped (never a response), and a subscription that lost events gets
# {"sub":N,"event":"overflow","dropped":count} before its next event.
import machine
from testlib import eq, check
from rig import Rig


def toggle(r, gpio, times):
    # `times` learn edges on a spare pin, each level held past the debounce; returns
    # their ms stamps.
    stamps = []
    for _ in range(times):
        t = r.now() + 10000
        r.set_pin(gpio, 1 - machine.level(gpio), t)
        r.settle()
        stamps.append(t // 1000)
    return stamps


def account(frames, sub):
    # (ms of the delivered events, events reported lost) of one subscription.
    ms = [f["ms"] for f in frames if f.get("sub") == sub and f["event"] != "overflow"]
    lost = sum(f["dropped"] for f in frames if f.get("sub") == sub and f["event"] == "overflow")
    return ms, lost


def test_oldest_events_are_dropped_and_counted_by_overflow_frames():
    r = Rig()
    r.ok("subscribe", topics=["learn"])
    r.link.accept = False
    sent = toggle(r, 14, 100)
    eq(len(r.dev.session.queue), 64)
    r.link.accept = True
    r.poll()
    sent += toggle(r, 14, 1)
    out = r.frames()
    ms, lost = account(out, 1)
    eq(len(ms) + lost, 101, "every event is delivered or counted")
    eq(ms, sent[-len(ms):], "the newest events are the ones kept, in order")
    check(lost >= 36, "at least the 36 that did not fit are lost")
    eq(out[0]["event"], "edge")
    check(out[1:].count({"sub": 1, "event": "overflow", "dropped": 37}) == 1, "one overflow frame: %r" % out[:3])


def test_the_overflow_frame_comes_before_the_next_event():
    r = Rig()
    r.ok("subscribe", topics=["learn"])
    r.link.accept = False
    toggle(r, 14, 64)
    toggle(r, 14, 1)                     # drops event 1, queues overflow(1) + event 65
    r.link.accept = True
    r.poll()
    out = r.frames()
    eq(len(out), 64)
    kinds = [f["event"] for f in out]
    eq(kinds.count("overflow"), 1)
    eq(out[kinds.index("overflow")], {"sub": 1, "event": "overflow", "dropped": 2})
    eq(kinds.index("overflow"), 62, "after the older events that were kept, before the new one")


def test_responses_are_never_dropped():
    r = Rig()
    r.ok("subscribe", topics=["learn"])
    r.link.accept = False
    sent = toggle(r, 14, 30)
    ids = [r.request("gate") for _ in range(50)]   # answers queue behind the events
    sent += toggle(r, 14, 30)
    eq(len(r.dev.session.queue), 64)
    r.link.accept = True
    r.poll()
    out = r.frames()
    eq([f["id"] for f in out if "id" in f], ids)
    sent += toggle(r, 14, 1)
    out += r.frames()
    ms, lost = account(out, 1)
    eq(len(ms) + lost, 61)
    eq(ms, sent[-len(ms):])


def test_a_queue_full_of_responses_still_takes_responses():
    r = Rig()
    r.ok("subscribe", topics=["learn"])
    r.link.accept = False
    ids = [r.request("gate") for _ in range(70)]
    toggle(r, 14, 3)                            # no room at all: counted as dropped
    eq(len(r.dev.session.queue), 70)
    r.link.accept = True
    r.poll()
    eq([f["id"] for f in r.frames()], ids)
    toggle(r, 14, 1)
    eq([(f["event"], f.get("dropped")) for f in r.frames()], [("overflow", 3), ("edge", None)])


def test_overflow_is_per_subscription():
    r = Rig()
    r.send('{"id":1,"cmd":"subscribe","topics":["learn"]}')
    r.send('{"id":2,"cmd":"subscribe","topics":["gate"]}')
    r.frames()
    r.link.accept = False
    toggle(r, 14, 70)                            # sub 1's events fill the queue
    r.link.accept = True
    r.poll()
    r.frames()
    r.open_gate()                                # sub 2 lost nothing
    eq([(f["sub"], f["event"]) for f in r.frames()], [(2, "state")])


def test_a_dropped_overflow_frame_passes_its_count_on():
    r = Rig()
    r.ok("subscribe", topics=["learn"])
    r.link.accept = False
    sent = toggle(r, 14, 300)                    # overflow frames themselves get pushed out
    r.link.accept = True
    r.poll()
    sent += toggle(r, 14, 1)
    ms, lost = account(r.frames(), 1)
    eq(len(ms) + lost, 301)
    eq(ms, sent[-len(ms):])
