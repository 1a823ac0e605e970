# Frames: what the device says to lines that are not valid requests, the human form,
# and the envelope of every answer.
import json
from testlib import eq, check
from rig import Rig
import protocol


def one(r, line):
    r.send(line)
    out = r.frames()
    eq(len(out), 1, "one frame for %r" % line)
    return out[0]


def test_garbage_is_bad_frame_without_id():
    r = Rig()
    eq(one(r, '{"id": 5, "cmd": "info"'), {"err": 'not JSON: {"id": 5, "cmd": "info"', "code": "bad_frame"})
    f = one(r, "{not json at all}")
    eq((f["code"], "id" in f), ("bad_frame", False))


def test_json_trailing_garbage_is_bad_frame():
    r = Rig()
    eq(one(r, '{"id":1,"cmd":"info"} extra')["code"], "bad_frame")


def test_non_object_json_is_bad_frame():
    r = Rig()
    eq(one(r, "[1,2,3]"), {"err": "a frame must be a JSON object", "code": "bad_frame"})
    eq(one(r, '"info"'), {"err": 'not a request: "info"', "code": "bad_frame"})
    eq(one(r, "42")["code"], "bad_frame")


def test_too_long_line_is_bad_frame_and_the_next_line_works():
    r = Rig()
    long = '{"id":1,"cmd":"info","pad":"' + "x" * 4100 + '"}'
    eq(one(r, long), {"err": "line too long", "code": "bad_frame"})
    eq(one(r, long.encode()), {"err": "line too long", "code": "bad_frame"})
    check("ok" in one(r, '{"id":2,"cmd":"info"}'), "the next line is served")


def test_line_of_exactly_4096_bytes_is_read():
    r = Rig()
    line = '{"id":1,"cmd":"gate","pad":"' + "x" * (4096 - 30) + '"}'
    eq(len(line), 4096)
    eq(one(r, line), {"id": 1, "ok": {"gate_ready": True}})
    eq(one(r, line.encode() + b"\r"), {"id": 1, "ok": {"gate_ready": True}})  # CR LF: the CR is not counted
    eq(one(r, line.encode() + b"x"), {"err": "line too long", "code": "bad_frame"})


def test_missing_or_bad_id_is_bad_frame_without_id():
    r = Rig()
    eq(one(r, '{"cmd":"info"}')["code"], "bad_frame")
    f = one(r, '{"id":-4,"cmd":"info"}')
    eq(("id" in f, f["code"]), (False, "bad_frame"))
    f = one(r, '{"id":"seven","cmd":"info"}')
    eq(f, {"err": 'id must be a whole number from 1 to 9007199254740992 (2^53), not "seven"', "code": "bad_frame"})
    f = one(r, '{"id":[1],"cmd":"info"}')
    eq(("id" in f, f["code"]), (False, "bad_frame"))
    f = one(r, '{"id":true,"cmd":"info"}')
    eq(("id" in f, f["code"]), (False, "bad_frame"))


def test_id_not_an_integer_from_1_to_2_53_is_bad_frame_without_id_issue11():
    # The answer must be JSON whatever the id was: {"id":1e400} once got {"id":inf,...}.
    r = Rig()
    for text, shown in (("1e400", "inf"), ("-1e400", "-inf"), ("2.5", "2.5"), ("1.0", "1.0"),
                        ("9007199254740993", "9007199254740993"), ("0", "0"), ("-4", "-4"),
                        ('"seven"', '"seven"'), ("true", "true"), ("null", "null"), ("[1]", "[1]")):
        r.send('{"id":%s,"cmd":"gate"}' % text)
        out = r.texts()
        eq(len(out), 1, "one frame for id " + text)
        eq(json.loads(out[0]), {"err": "id must be a whole number from 1 to 9007199254740992 (2^53), not " + shown,
                                "code": "bad_frame"}, "the answer to id " + text)
    eq(one(r, '{"id":9007199254740992,"cmd":"gate"}'), {"id": 9007199254740992, "ok": {"gate_ready": True}})


def test_dumps_writes_json_even_for_a_number_json_has_not_issue11():
    eq(protocol.dumps({"a": float("inf"), "b": [float("-inf"), float("nan")], "c": 2.5}),
       '{"a":null,"b":[null,null],"c":2.5}')


def test_missing_cmd_is_bad_frame_with_the_id():
    r = Rig()
    f = one(r, '{"id":9}')
    eq((f["id"], f["code"]), (9, "bad_frame"))
    f = one(r, '{"id":10,"cmd":42}')
    eq((f["id"], f["code"]), (10, "bad_frame"))


def test_unknown_command_is_not_supported():
    r = Rig()
    f = one(r, '{"id":3,"cmd":"launch"}')
    eq((f["id"], f["code"]), (3, "not_supported"))
    check(f["err"].startswith('unknown command "launch"; commands: cancel, config_get'), f["err"])


def test_reusing_an_outstanding_id_is_bad_args():
    r = Rig()
    r.send('{"id":5,"cmd":"wait_race"}')
    eq(r.frames(), [])
    eq(one(r, '{"id":5,"cmd":"info"}'), {"id": 5, "err": "id 5 is already in use by an outstanding request",
                                         "code": "bad_args"})
    check("ok" in one(r, '{"id":6,"cmd":"info"}'), "other ids work")


def test_an_id_may_be_reused_once_answered():
    r = Rig()
    check("ok" in one(r, '{"id":1,"cmd":"gate"}'), "first")
    check("ok" in one(r, '{"id":1,"cmd":"gate"}'), "again")


def test_cr_lf_and_surrounding_spaces_are_accepted():
    r = Rig()
    eq(one(r, '  {"id":1,"cmd":"gate"}\r\n'), {"id": 1, "ok": {"gate_ready": True}})
    eq(one(r, "gate\r\n"), {"id": -1, "ok": {"gate_ready": True}})


def test_unknown_request_fields_are_ignored():
    r = Rig()
    eq(one(r, '{"id":1,"cmd":"gate","color":"red"}'), {"id": 1, "ok": {"gate_ready": True}})


def test_human_form_numbers_requests_minus_one_minus_two():
    r = Rig()
    eq(one(r, "gate")["id"], -1)
    eq(one(r, "info")["id"], -2)
    eq(one(r, '{"id":1,"cmd":"gate"}')["id"], 1)
    eq(one(r, "state")["id"], -3)


def test_human_form_ignores_blank_lines_and_comments():
    r = Rig()
    for line in ("", "   ", "# a comment", "   # indented comment", "\r"):
        r.send(line)
    eq(r.frames(), [])
    eq(one(r, "gate   # how is the gate?"), {"id": -1, "ok": {"gate_ready": True}})


def test_human_form_values_are_json_when_they_parse():
    r = Rig()
    f = one(r, "config_set debounce_ms=7 gate_invert=false")
    eq((f["ok"]["debounce_ms"], f["ok"]["gate_invert"]), (7, False))
    f = one(r, "config_set lane_pins=[2,3,4] gate_pin=12")
    eq((f["ok"]["lane_pins"], f["ok"]["lane_count"], f["ok"]["gate_pin"]), ([2, 3, 4], 3, 12))
    f = one(r, "config_set wiring=breadboard")  # not JSON: read as a string
    eq(f["ok"]["wiring"], "breadboard")


def test_human_form_positional_arguments():
    r = Rig()
    r.send("wait_race 13")
    eq(r.dev.engine.lanes, "13")
    r.send("cancel -1")
    eq([(f["id"], f.get("code")) for f in r.frames() if "id" in f], [(-1, "cancelled"), (-2, None)])
    r.send("subscribe gate engine")
    out = r.frames()
    eq(out[0], {"id": -3, "ok": {"sub": -3, "topics": ["gate", "engine"]}})
    eq(one(r, "unsubscribe -3"), {"id": -4, "ok": {}})


def test_human_form_extra_positional_is_bad_args_with_its_id():
    r = Rig()
    eq(one(r, "info now"), {"id": -1, "err": "info does not take the argument now; write key=value",
                            "code": "bad_args"})
    eq(one(r, "cancel 1 2")["code"], "bad_args")


def test_every_frame_is_one_json_object_on_one_line():
    r = Rig()
    r.send("subscribe gate lanes edges race engine learn")
    r.send("dbg")
    r.send("config_get")
    r.race({1: 2000000, 2: 2100000, 3: 2200000, 4: 2300000})
    for f in r.other:
        check(type(f) is dict, "frame is an object")
    for t in r.texts():
        check(t.startswith("{") and "\n" not in t, t)
        json.loads(t)
