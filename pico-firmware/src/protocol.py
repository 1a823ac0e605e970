# protocol.py - protocol 2.0 frames: parse a request line (JSON or the human form typed at
# a console) and build ok / err / event lines. Output is always one JSON object per line.
from micropython import const
import json

MAX_LINE = const(4096)
MAX_ID = 1 << 53  # the largest request id: every JSON reader holds integers up to 2^53 exactly
TOPICS = ("gate", "lanes", "edges", "race", "engine", "learn")
_POSITIONAL = {"wait_race": "lanes", "unsubscribe": "sub", "cancel": "target"}

def dumps(v):
    # Compact JSON with object keys in sorted order, so output is the same on every run
    # and easy to read at a console (MicroPython's dicts do not keep insertion order).
    # JSON has no infinity and no NaN: such a float is written as null, never as inf or nan.
    t = type(v)
    if t is float and (v != v or v - v != 0):
        return "null"
    if t is dict:
        return "{" + ",".join(json.dumps(k) + ":" + dumps(v[k]) for k in sorted(v)) + "}"
    if t is list or t is tuple:
        return "[" + ",".join(dumps(x) for x in v) + "]"
    return json.dumps(v)


class Err(Exception):
    # A request that cannot be served: the code is one of protocol 2.0's error codes.
    def __init__(self, code, msg, rid=None):
        super().__init__(msg)
        self.code = code
        self.id = rid


def ok(rid, payload):
    return '{"id":%s,"ok":%s}' % (dumps(rid), dumps(payload))


def err(rid, code, msg):
    if rid is None:
        return '{"err":%s,"code":"%s"}' % (dumps(msg), code)
    return '{"id":%s,"err":%s,"code":"%s"}' % (dumps(rid), dumps(msg), code)


def event(sub, name, fields):
    head = '{"sub":%d,"event":"%s"' % (sub, name)
    if not fields:
        return head + "}"
    return head + "," + dumps(fields)[1:]


def _short(s):
    return s if len(s) <= 40 else s[:37] + "..."


def parse(line, next_human_id):
    # (id, cmd, args) of a request line, or None for a blank or comment line.
    # Raises Err("bad_frame"|"bad_args") with the id when it is a valid request id (1..2^53,
    # or the human form's own negative id), else without one.
    if isinstance(line, (bytes, bytearray)):
        n = len(line) - (1 if line[-1:] == b"\r" else 0)
        if n > MAX_LINE:
            raise Err("bad_frame", "line too long")
        try:
            line = line.decode()
        except UnicodeError:
            raise Err("bad_frame", "line is not UTF-8")
    elif len(line.rstrip("\r\n").encode()) > MAX_LINE:
        raise Err("bad_frame", "line too long")
    line = line.strip()
    if not line:
        return None
    if line[0] in "{[":
        return _parse_json(line)
    if not ("a" <= line[0] <= "z" or "A" <= line[0] <= "Z" or line[0] == "#"):
        raise Err("bad_frame", "not a request: " + _short(line))
    return _parse_human(line, next_human_id)


def _parse_json(line):
    try:
        req = json.loads(line)
    except ValueError:
        raise Err("bad_frame", "not JSON: " + _short(line))
    if type(req) is not dict:
        raise Err("bad_frame", "a frame must be a JSON object")
    if "id" not in req:
        raise Err("bad_frame", 'missing "id": a request looks like {"id":1,"cmd":"info"}')
    rid = req["id"]
    if type(rid) is not int or not 0 < rid <= MAX_ID:
        # Not echoed: the answer could not be JSON (1e400 reads as inf) or a host could not
        # match it (an id beyond 2^53 loses digits in many JSON readers).
        raise Err("bad_frame", "id must be a whole number from 1 to %d (2^53), not %s"
                  % (MAX_ID, _short(json.dumps(rid))))
    cmd = req.get("cmd")
    if type(cmd) is not str or not cmd:
        raise Err("bad_frame", 'missing "cmd": a request looks like {"id":1,"cmd":"info"}', rid)
    return rid, cmd, req


def _value(text):
    try:
        return json.loads(text)
    except ValueError:
        return text


def _parse_human(line, next_human_id):
    i = line.find("#")
    if i >= 0:
        line = line[:i].strip()
        if not line:
            return None
    words = line.split()
    cmd = words[0]
    rid = next_human_id()
    args = {}
    topics = []
    for w in words[1:]:
        i = w.find("=")
        if i > 0:
            args[w[:i]] = _value(w[i + 1:])
        elif cmd == "subscribe":
            topics.append(w)
        elif cmd in _POSITIONAL and _POSITIONAL[cmd] not in args:
            args[_POSITIONAL[cmd]] = _value(w)
        else:
            raise Err("bad_args", "%s does not take the argument %s; write key=value" % (cmd, _short(w)), rid)
    if topics:
        args["topics"] = topics
    return rid, cmd, args
