# commit.py - install verified update files atomically, keep the previous version until the
# new one has proved it runs, and finish, discard or undo an update at boot.
#
# Why the install is atomic: the verified files wait in .update/. The commit point is the
# rename of .commit.tmp to .commit (littlefs renames atomically). Before that point nothing
# in the root changed, so a power cut leaves the old firmware and boot discards .update/.
# After it, every new file is complete and verified in .update/, so boot rolls forward:
# each step below can be repeated, and a file that already moved is skipped.
#
# Why a bad version cannot strand the track: the files it replaced stay in .backup/ and
# .trial names them. The first start of the new version is its trial (boot.py counts it and
# starts the watchdog, so a main.py that dies at import is restarted). When the new version
# has answered a request, confirm() drops the backup. A second start with the trial still
# open means the new version never answered: boot.py puts the previous files back.
import json
import fsio

STAGE = ".update"
_BACKUP = ".backup"
_MARK = ".commit"
_MARK_TMP = ".commit.tmp"
_TRIAL = ".trial"
_ROLLBACK = ".rollback"
_trial = None  # the open trial ({"version", "replaced", "added", "starts"}) or None


def staged(name):
    return STAGE + "/" + name


def _load(path):
    try:
        return json.loads(fsio.fs.read(path))
    except (OSError, ValueError):
        return None


def install(names, version):
    fs = fsio.fs
    confirm()  # an earlier version still on trial has answered: it is the one to keep
    fsio.remove_tree(_BACKUP)
    fs.write(_MARK_TMP, json.dumps({"version": version, "files": names}).encode())
    fs.rename(_MARK_TMP, _MARK)
    _roll_forward(names, version)


def pending():
    return fsio.fs.exists(_MARK)


def _roll_forward(names, version):
    fs = fsio.fs
    if not fs.exists(_BACKUP):
        fs.mkdir(_BACKUP)
    for name in names:
        src = staged(name)
        if not fs.exists(src):
            continue  # moved into place before the power cut
        if fs.exists(name):
            old = _BACKUP + "/" + name
            if fs.exists(old):
                fs.remove(old)
            fs.rename(name, old)
        fs.rename(src, name)
    replaced = [n for n in names if fs.exists(_BACKUP + "/" + n)]
    added = [n for n in names if n not in replaced]
    fsio.write_atomic(_TRIAL, json.dumps({"version": version, "replaced": replaced, "added": added,
                                          "starts": 0}).encode())
    fsio.remove_tree(STAGE)
    fs.remove(_MARK)


def discard():
    # Throw away an upload that never reached its commit point.
    fsio.remove_tree(STAGE)
    if fsio.fs.exists(_MARK_TMP):
        fsio.fs.remove(_MARK_TMP)


def recover():
    # Run at boot before any other firmware module is imported. Returns what it did.
    fs = fsio.fs
    if fs.exists(_MARK):
        mark = _load(_MARK)
        if mark is not None and "files" in mark:
            _roll_forward(mark["files"], mark.get("version", "?"))
            return "rolled forward"
        fs.remove(_MARK)  # cannot happen: the marker is complete before its rename
    if fs.exists(STAGE) or fs.exists(_MARK_TMP):
        discard()
        return "discarded"
    if fs.exists(_BACKUP) and not fs.exists(_TRIAL):
        fsio.remove_tree(_BACKUP)  # a confirm cut short
    return "clean"


def at_boot():
    # boot.py: finish an interrupted install, then count this start of a version on trial.
    # Returns "rollback" when the previous version was put back, "trial" when this start is
    # the new version's trial, else what recover() did.
    global _trial
    done = recover()
    trial = _load(_TRIAL)
    if trial is None:
        return done
    if trial.get("starts", 0) >= 1:
        _undo(trial)
        return "rollback"
    trial["starts"] = 1
    fsio.write_atomic(_TRIAL, json.dumps(trial).encode())
    _trial = trial
    return "trial"


def on_trial():
    return _trial is not None


def confirm():
    # The version on trial answered a request: keep it, drop the previous one.
    global _trial
    fs = fsio.fs
    if fs.exists(_TRIAL):
        fs.remove(_TRIAL)
    fsio.remove_tree(_BACKUP)
    if fs.exists(_ROLLBACK):
        fs.remove(_ROLLBACK)
    _trial = None


def _undo(trial):
    # Put the previous version back. Each step can be repeated after a power cut.
    fs = fsio.fs
    fsio.write_atomic(_ROLLBACK, json.dumps({
        "version": trial.get("version", "?"),
        "why": "version %s did not answer after it was installed; the previous firmware "
               "was put back" % trial.get("version", "?")}).encode())
    for name in trial.get("added", ()):
        if fs.exists(name):
            fs.remove(name)
    for name in trial.get("replaced", ()):
        old = _BACKUP + "/" + name
        if fs.exists(old):
            if fs.exists(name):
                fs.remove(name)
            fs.rename(old, name)
    fsio.remove_tree(_BACKUP)
    fs.remove(_TRIAL)


def rollback_note():
    # {"version", "why"} of the last update that was undone, until the next one is confirmed.
    return _load(_ROLLBACK)
