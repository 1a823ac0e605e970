# commit.py - install verified update files atomically, and finish or discard an
# interrupted install at boot.
#
# Why it is atomic: the verified files wait in .update/. The commit point is the rename
# of .commit.tmp to .commit (littlefs renames atomically). Before that point nothing in
# the root changed, so a power cut leaves the old firmware and boot discards .update/.
# After it, every new file is complete and verified in .update/, so boot rolls forward:
# each step below can be repeated, and a file that already moved is skipped.
import json
import fsio

STAGE = ".update"
_BACKUP = ".backup"
_MARK = ".commit"
_MARK_TMP = ".commit.tmp"


def staged(name):
    return STAGE + "/" + name


def install(names, version):
    fs = fsio.fs
    fs.write(_MARK_TMP, json.dumps({"version": version, "files": names}).encode())
    fs.rename(_MARK_TMP, _MARK)
    _roll_forward(names)


def pending():
    return fsio.fs.exists(_MARK)


def _roll_forward(names):
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
    fsio.remove_tree(_BACKUP)
    fsio.remove_tree(STAGE)
    fs.remove(_MARK)


def discard():
    # Throw away an upload that never reached its commit point.
    fsio.remove_tree(STAGE)
    fsio.remove_tree(_BACKUP)
    if fsio.fs.exists(_MARK_TMP):
        fsio.fs.remove(_MARK_TMP)


def recover():
    # Run at boot before any other firmware module is imported. Returns what it did.
    fs = fsio.fs
    if fs.exists(_MARK):
        try:
            names = json.loads(fs.read(_MARK))["files"]
        except (ValueError, KeyError, TypeError):
            names = None  # cannot happen: the marker is complete before its rename
        if names is not None:
            _roll_forward(names)
            return "rolled forward"
        fs.remove(_MARK)
    if fs.exists(STAGE) or fs.exists(_BACKUP) or fs.exists(_MARK_TMP):
        discard()
        return "discarded"
    return "clean"
