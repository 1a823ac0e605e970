# A power cut at every file operation of update_commit, and at every file operation of
# the boot recovery that follows, leaves exactly the old firmware or exactly the new one,
# complete and bootable.
import os
import sys
import json
import fsio
import commit
import machine
from testlib import eq, check
from rig import Rig
from updclient import upload, sha
from powercut import PowerCut, CuttingFs, snapshot, restore, fingerprint
from boothelp import boot


def _read(name):
    with open("/flash/" + name, "rb") as f:
        return f.read()


import device
OLD_VERSION = device.FIRMWARE
NEW_VERSION = "rallylab-pico 9.9.9"

# The new firmware: device.py names another version, engine.py changed, a new module.
NEW = {
    "device.py": _read("device.py").replace(OLD_VERSION.encode(), NEW_VERSION.encode()),
    "engine.py": _read("engine.py") + b"\n# 0.1.1: the same engine, one comment longer\n",
    "extra.py": b"# a module new in 0.1.1\nEXTRA = 1\n",
}


def prepare():
    # A flash with the old firmware and the new files uploaded and verified; returns
    # (rig, session, old fingerprint, new fingerprint).
    r = Rig(with_firmware=True)
    old, _ = fingerprint(r.dir)
    s = upload(r, NEW, version="0.1.1")
    new = dict(old)
    for name, data in NEW.items():
        new[name] = sha(data)
    return r, s, old, new


_roots = [0]


def restore_new(snap):
    # A new flash root holding a snapshot, as the current folder.
    _roots[0] += 1
    root = "/run/restored%d" % _roots[0]
    restore(root, snap)
    os.chdir(root)
    return root


def commit_with_cut(cut_at):
    # update_commit over the protocol with the power cut at operation cut_at; returns
    # (snapshot after the cut, old, new, whether the power was cut, ops done).
    r, s, old, new = prepare()
    real = fsio.fs
    fs = CuttingFs(cut_at)
    fsio.fs = fs
    cut = False
    try:
        r.request("update_commit", poll=False, session=s)
    except PowerCut:
        cut = True
    finally:
        fsio.fs = real
    return snapshot(r.dir), old, new, cut, fs


def settle_state(root, old, new, what):
    # The old set with nothing left over, or the new set on trial: the old files kept in
    # .backup until the new version answers.
    files, dots = fingerprint(root)
    check(files == old or files == new, what + ": exactly the old set or the new set, got %r" % files)
    eq(dots, [] if files == old else [".backup", ".trial"], what + ": update leftovers")
    return "new" if files == new else "old"


def test_the_commit_without_a_cut_counts_its_operations():
    _, _, _, cut, fs = commit_with_cut(0)
    check(not cut, "no cut")
    check(fs.log[0].startswith("write .commit.tmp") and fs.log[1] == "rename .commit.tmp .commit", fs.log)
    check(len(fs.log) >= 10, "%d operations: %r" % (len(fs.log), fs.log))


def test_a_cut_at_every_commit_operation_and_every_recovery_operation():
    _, _, _, _, fs = commit_with_cut(0)
    total = len(fs.log)
    results = {}
    scenarios = 0
    for cut_at in range(1, total + 1):
        snap, old, new, cut, _ = commit_with_cut(cut_at)
        check(cut, "the power was cut at operation %d" % cut_at)
        rec_cut = 1
        while True:
            root = restore_new(snap)
            fs = CuttingFs(rec_cut)
            fsio.fs = fs
            try:
                commit.recover()
                done = True
            except PowerCut:
                done = False
            finally:
                fsio.fs = fsio.Fs()
            commit.recover()                # the next boot
            what = "cut at commit op %d (%s), recovery op %d" % (cut_at, fs.log and fs.log[-1], rec_cut)
            got = settle_state(root, old, new, what)
            results.setdefault(cut_at, set()).add(got)
            scenarios += 1
            if done:
                break
            rec_cut += 1
    for cut_at, got in results.items():
        eq(got, {"old"} if cut_at <= 2 else {"new"}, "cut at operation %d" % cut_at)
    check(scenarios > total, "%d scenarios" % scenarios)
    print("     %d commit operations, %d power-cut scenarios" % (total, scenarios))


def test_both_outcomes_boot():
    snap_old, old, new, _, _ = commit_with_cut(1)   # before the commit point
    snap_new, _, _, _, _ = commit_with_cut(5)       # after it
    for snap, version in ((snap_old, OLD_VERSION), (snap_new, NEW_VERSION)):
        root = restore_new(snap)
        eq(boot(root)["firmware"], version)
        check(("extra.py" in os.listdir(root)) == (version == NEW_VERSION), "extra.py")
        files, dots = fingerprint(root)
        eq(files, old if version == OLD_VERSION else new, version)
        eq(dots, [], version + ": the version that answered is kept, the backup dropped")


def test_a_new_version_that_never_answers_is_undone_at_the_next_start():
    snap, old, new, _, _ = commit_with_cut(0)
    root = restore_new(snap)
    eq(commit.at_boot(), "trial")         # the first start of the new version
    eq(commit.at_boot(), "rollback")      # it never answered: the next start undoes it
    files, dots = fingerprint(root)
    eq(files, old)
    eq(dots, [".rollback"])
    eq(commit.rollback_note()["version"], "0.1.1")
    ok = boot(root)
    eq(ok["firmware"], OLD_VERSION)
    eq(ok["rollback"]["version"], "0.1.1")


def test_a_cut_at_every_operation_of_the_undo_leaves_the_old_firmware():
    snap, old, new, _, _ = commit_with_cut(0)
    root = restore_new(snap)
    commit.at_boot()
    tried = snapshot(root)
    cut_at = 1
    while True:
        root = restore_new(tried)
        fs = CuttingFs(cut_at)
        fsio.fs = fs
        try:
            commit.at_boot()
            done = True
        except PowerCut:
            done = False
        finally:
            fsio.fs = fsio.Fs()
        commit.at_boot()                  # the next start
        files, dots = fingerprint(root)
        eq(files, old, "cut at undo op %d (%s)" % (cut_at, fs.log and fs.log[-1]))
        eq(dots, [".rollback"], "cut at undo op %d" % cut_at)
        if done:
            break
        cut_at += 1
    check(cut_at > 3, "%d undo operations" % cut_at)


def test_a_cut_during_the_upload_leaves_the_old_firmware():
    r = Rig(with_firmware=True)
    old, _ = fingerprint(r.dir)
    fs = CuttingFs(4)
    fsio.fs = fs
    try:
        upload(r, NEW)
        raise AssertionError("no cut")
    except PowerCut:
        pass
    finally:
        fsio.fs = fsio.Fs()
    eq(commit.recover(), "discarded")
    eq(fingerprint(r.dir), (old, []))


def test_a_clean_flash_needs_no_recovery():
    Rig(with_firmware=True)
    eq(commit.recover(), "clean")
