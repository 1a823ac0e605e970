# session.py - one host connection: its outstanding requests, its subscriptions and its
# bounded outbound queue.
#
# Backpressure: the queue holds 64 frames. When it is full the oldest queued event is
# dropped, never a response. Each loss is counted on the first overflow frame of that
# subscription queued after the lost event, or, if there is none, on the subscription, whose
# next event is then preceded by {"sub":N,"event":"overflow","dropped":count}.
from micropython import const
import protocol

QUEUE = const(64)
MAX_REQUESTS = const(16)
MAX_SUBS = const(8)
_RESPONSE = const(0)
_EVENT = const(1)
_OVERFLOW = const(2)


class Sub:
    def __init__(self, sid, topics):
        self.id = sid
        self.topics = topics
        self.dropped = 0


class Session:
    def __init__(self, link):
        self.link = link
        self.requests = {}  # id -> (cmd, args) of outstanding wait_race / wait_gate
        self.subs = {}      # sub id -> Sub
        self.queue = []     # [kind, sub, text or dropped count]
        self._human = 0

    def next_human_id(self):
        self._human -= 1
        return self._human

    def respond(self, text):
        self.queue.append([_RESPONSE, None, text])

    def push(self, sub, text):
        if not self._room(1):
            sub.dropped += 1
            return
        if sub.dropped:
            if not self._room(2):
                sub.dropped += 1
                return
            self.queue.append([_OVERFLOW, sub, sub.dropped])
            sub.dropped = 0
        self.queue.append([_EVENT, sub, text])

    def _room(self, n):
        # True when n frames fit, after dropping the oldest events while they do not.
        q = self.queue
        i = 0
        while len(q) + n > QUEUE:
            while i < len(q) and q[i][0] == _RESPONSE:
                i += 1
            if i == len(q):
                return False  # only responses: they are never dropped
            kind, sub, v = q.pop(i)
            lost = v if kind == _OVERFLOW else 1
            for later in q[i:]:
                if later[0] == _OVERFLOW and later[1] is sub:
                    later[2] += lost
                    break
            else:
                sub.dropped += lost
        return True

    def flush(self):
        if not self.link.drain():
            return False
        q = self.queue
        while q:
            kind, sub, v = q[0]
            text = protocol.event(sub.id, "overflow", {"dropped": v}) if kind == _OVERFLOW else v
            if not self.link.write(text):
                return False
            q.pop(0)
        return True

    def clear(self):
        # reset: drop the outstanding requests and subscriptions (no answers).
        self.requests = {}
        self.subs = {}
