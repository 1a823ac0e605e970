# The in-band firmware update: begin, chunks in order with SHA-256 checks, commit (then a
# soft reset), abort, the 30 s idle abort, and refusals.
import os
import machine
import fake_time
import fsio
from testlib import eq, check, raises
from rig import Rig
from updclient import begin, send_file, upload, sha, b64

NEW_ENGINE = b"# engine.py of 0.1.1\n" + b"x = 1\n" * 400   # 2 406 bytes: three chunks


def read(name):
    with open(name, "rb") as f:
        return f.read()


def leftovers():
    return [n for n in os.listdir() if n.startswith(".")]


def test_update_happy_path_replaces_files_and_restarts():
    r = Rig(with_firmware=True)
    files = {"engine.py": NEW_ENGINE, "notes.txt": b"hello"}
    f = begin(r, files)
    eq(f["ok"]["chunk_size"], 1024)
    s = f["ok"]["session"]
    eq(send_file(r, s, "engine.py", NEW_ENGINE)["ok"], {"received": len(NEW_ENGINE)})
    eq(send_file(r, s, "notes.txt", b"hello")["ok"], {"received": 5})
    old_main = read("main.py")
    rid = r.request("update_commit", poll=False, session=s)
    e = raises(machine.SoftReset, r.poll)  # the answer goes out first, then the reset
    eq(r.frames(), [{"id": rid, "ok": {"version": "0.1.1"}}])
    eq(machine.resets, 1)
    eq(machine.soft_resets, 0)  # a soft reset would print a line that is not JSON
    eq(read("engine.py"), NEW_ENGINE)
    eq(read("notes.txt"), b"hello")
    eq(read("main.py"), old_main)
    eq(leftovers(), [".backup", ".trial"])  # the old engine.py is kept until the new one answers
    eq(read(".backup/engine.py"), read("/flash/engine.py"))


def test_the_reset_waits_for_the_answer_to_be_written_up_to_a_second():
    r = Rig(with_firmware=True)
    s = upload(r, {"a.py": b"A = 1\n"})
    r.link.accept = False
    r.request("update_commit", poll=False, session=s)
    fake_time.advance_ms(500)
    r.poll()
    eq(machine.resets, 0)
    fake_time.advance_ms(600)
    raises(machine.SoftReset, r.poll)


def test_chunk_answers_count_received_bytes():
    r = Rig()
    s = begin(r, {"engine.py": NEW_ENGINE})["ok"]["session"]
    answers = [r.ok("update_chunk", session=s, name="engine.py", offset=off,
                    data=b64(NEW_ENGINE[off:off + 1024]))["received"] for off in (0, 1024, 2048)]
    eq(answers, [1024, 2048, len(NEW_ENGINE)])


def test_bad_file_names_are_refused():
    r = Rig()
    for name in ("lib/engine.py", ".hidden", "", "..", "a\\b.py", 5):
        code, msg = r.error("update_begin", version="1", files=[{"name": name, "size": 1, "sha256": "0" * 64}])
        eq(code, "bad_args", repr(name))
        check("is not a plain file name" in msg, msg)


def test_bad_begin_arguments_are_refused():
    r = Rig()
    ok_file = {"name": "a.py", "size": 1, "sha256": "0" * 64}
    eq(r.error("update_begin", files=[ok_file]), ("bad_args", 'version must be a string such as "0.2.0"'))
    eq(r.error("update_begin", version="1", files=[])[0], "bad_args")
    eq(r.error("update_begin", version="1", files=[dict(ok_file, size=-1)])[1],
       "size of a.py must be 0 to 262144 bytes, not -1")
    eq(r.error("update_begin", version="1", files=[dict(ok_file, sha256="abc")])[1],
       'sha256 of a.py must be 64 hex digits, not "abc"')
    eq(r.error("update_begin", version="1", files=[ok_file, ok_file])[1], "a.py is listed twice")


def test_a_bad_sha256_is_refused_and_the_file_can_be_sent_again():
    r = Rig(with_firmware=True)
    listed = [{"name": "engine.py", "size": len(NEW_ENGINE), "sha256": sha(b"something else")}]
    s = r.ok("update_begin", version="0.1.1", files=listed)["session"]
    f = send_file(r, s, "engine.py", NEW_ENGINE)
    eq(f["code"], "bad_args")
    eq(f["err"], "sha256 of engine.py is %s but update_begin said %s; send the file again from offset 0"
       % (sha(NEW_ENGINE), sha(b"something else")))
    eq(r.error("update_commit", session=s), ("bad_state", "engine.py is incomplete: 0 of %d bytes" % len(NEW_ENGINE)))
    eq(r.ok("update_chunk", session=s, name="engine.py", offset=0, data=b64(NEW_ENGINE[:1024])),
       {"received": 1024})


def test_out_of_order_chunks_are_refused():
    r = Rig()
    s = begin(r, {"engine.py": NEW_ENGINE})["ok"]["session"]
    eq(r.error("update_chunk", session=s, name="engine.py", offset=1024, data=b64(NEW_ENGINE[1024:2048])),
       ("bad_args", "update_chunk for engine.py at offset 1024, but 0 bytes have arrived: send offset 0"))
    r.ok("update_chunk", session=s, name="engine.py", offset=0, data=b64(NEW_ENGINE[:1024]))
    eq(r.error("update_chunk", session=s, name="engine.py", offset=0, data=b64(NEW_ENGINE[:1024]))[1],
       "update_chunk for engine.py at offset 0, but 1024 bytes have arrived: send offset 1024")


def test_chunk_errors_name_the_problem():
    r = Rig()
    s = begin(r, {"a.py": b"12345"})["ok"]["session"]
    eq(r.error("update_chunk", session=s, name="b.py", offset=0, data="")[1],
       '"b.py" is not in this update (files: a.py)')
    eq(r.error("update_chunk", session=s, name="a.py", offset=0, data="abc")[1],
       "data must be base64 text (a multiple of 4 characters)")
    eq(r.error("update_chunk", session=s, name="a.py", offset=0, data="ab!=")[1],
       'data is not base64: it holds "!"')
    eq(r.error("update_chunk", session=s, name="a.py", offset=0, data=b64(b"1234567"))[1],
       "a.py would grow to 7 bytes, but update_begin said 5")
    eq(r.error("update_chunk", session="nope", name="a.py", offset=0, data="")[1],
       'no update session "nope"; start with update_begin')


def test_a_chunk_larger_than_chunk_size_is_refused():
    r = Rig()
    big = b"y" * 2000
    s = begin(r, {"a.py": big})["ok"]["session"]
    eq(r.error("update_chunk", session=s, name="a.py", offset=0, data=b64(big))[1],
       "a chunk holds at most 1024 bytes, this one 2000")


def test_only_one_update_session_at_a_time():
    r = Rig()
    s = upload(r, {"a.py": b"1"})
    eq(r.error("update_begin", version="2", files=[{"name": "b.py", "size": 1, "sha256": sha(b"1")}]),
       ("busy", 'update session "%s" is open; update_abort it or wait 30 s' % s))


def test_abort_discards_the_upload():
    r = Rig(with_firmware=True)
    before = read("engine.py")
    s = upload(r, {"engine.py": NEW_ENGINE})
    eq(r.ok("update_abort", session=s), {})
    eq(leftovers(), [])
    eq(read("engine.py"), before)
    eq(r.error("update_commit", session=s),
       ("bad_args", 'no update session "%s" (aborted by update_abort); start with update_begin' % s))
    upload(r, {"a.py": b"1"})  # a new session can start


def test_a_session_idle_for_30_s_is_aborted():
    r = Rig(with_firmware=True)
    s = begin(r, {"engine.py": NEW_ENGINE})["ok"]["session"]
    r.ok("update_chunk", session=s, name="engine.py", offset=0, data=b64(NEW_ENGINE[:1024]))
    r.advance(29900000, step=100000)
    r.ok("update_chunk", session=s, name="engine.py", offset=1024, data=b64(NEW_ENGINE[1024:2048]))
    r.advance(29900000, step=100000)
    check(leftovers() == [".update"], "still open after 29.9 s idle")
    r.advance(100000)
    eq(leftovers(), [])
    eq(r.error("update_chunk", session=s, name="engine.py", offset=2048, data=b64(NEW_ENGINE[2048:])),
       ("bad_args", 'no update session "%s" (aborted after 30 s without a request); start with update_begin' % s))


def test_commit_is_refused_while_armed_or_racing():
    r = Rig(with_firmware=True)
    s = upload(r, {"engine.py": NEW_ENGINE})
    r.request("wait_race", lanes="1")
    eq(r.error("update_commit", session=s),
       ("busy", "the track is ARMED; update_commit waits until the race completes or is cancelled"))
    t0 = r.now() + 1000
    r.open_gate(t0)
    eq(r.error("update_commit", session=s)[0], "busy")
    r.lane(1, t0 + 2000000)
    r.frames()
    r.request("update_commit", poll=False, session=s)
    raises(machine.SoftReset, r.poll)
    eq(read("engine.py"), NEW_ENGINE)


def test_no_flash_is_written_while_a_race_is_armed_or_running():
    # The rp2 port erases and programs the flash with interrupts off (18-34 ms of lane
    # time lost on silicon): every update request that writes is refused until the race ends.
    import fsio
    r = Rig(with_firmware=True, race_timeout_ms=60000)
    s = begin(r, {"engine.py": NEW_ENGINE})["ok"]["session"]
    writes = []
    real = fsio.fs

    class Watching(fsio.Fs):
        def write(self, path, data):
            writes.append(path)
            real.write(path, data)

        def append(self, path, data):
            writes.append(path)
            real.append(path, data)

        def remove(self, path):
            writes.append(path)
            real.remove(path)

    fsio.fs = Watching()
    try:
        r.request("wait_race", lanes="1")
        t0 = r.now() + 1000
        for phase in ("ARMED", "RACING"):
            if phase == "RACING":
                r.open_gate(t0)
            for cmd, args in (("update_begin", {"version": "2", "files": [{"name": "a.py", "size": 1, "sha256": sha(b"1")}]}),
                              ("update_chunk", {"session": s, "name": "engine.py", "offset": 0,
                                                "data": b64(NEW_ENGINE[:1024])}),
                              ("update_abort", {"session": s})):
                code, msg = r.error(cmd, **args)
                eq(code, "busy", cmd)
                eq(msg, "the track is %s; %s waits until the race completes or is cancelled" % (phase, cmd))
        # the session's 30 s idle timeout passes during the race: the discard waits
        r.advance(31000000, step=100000)
        eq(r.dev.engine.phase, "RACING")
        eq(writes, [])
        r.lane(1, r.now() + 1000)
    finally:
        fsio.fs = real
    r.poll()
    eq(leftovers(), [])  # the race is over: the abandoned session is discarded now


def test_an_empty_file_is_complete_at_begin():
    r = Rig(with_firmware=True)
    s = upload(r, {"empty.txt": b""})
    r.request("update_commit", poll=False, session=s)
    raises(machine.SoftReset, r.poll)
    eq(read("empty.txt"), b"")


def test_a_flash_failure_during_commit_after_the_commit_point_resets_to_finish_at_boot():
    r = Rig(with_firmware=True)
    s = upload(r, {"engine.py": NEW_ENGINE, "a.py": b"A"})
    real = fsio.fs

    class Failing(fsio.Fs):
        def rename(self, a, b):
            if a == ".update/engine.py":
                raise OSError(5)
            real.rename(a, b)
    fsio.fs = Failing()
    try:
        rid = r.request("update_commit", poll=False, session=s)
    finally:
        fsio.fs = real
    raises(machine.SoftReset, r.poll)
    f = r.answer(rid)
    eq(f["code"], "internal")
    check("finishes the update at boot" in f["err"], f["err"])
    import commit
    eq(commit.recover(), "rolled forward")
    eq(read("engine.py"), NEW_ENGINE)
    eq(leftovers(), [".backup", ".trial"])
