# powercut.py - a file system that loses power at its N-th changing operation, and helpers
# to snapshot, restore and fingerprint a flash folder.
import binascii
import hashlib
import os
import fsio


class PowerCut(BaseException):
    # Not an Exception: nothing in the firmware may catch a power cut.
    pass


class CuttingFs(fsio.Fs):
    # Performs changing operations until the cut_at-th one (1-based), which dies: a write
    # or append leaves half of its data (a torn write), anything else does not happen.
    def __init__(self, cut_at):
        self.cut_at = cut_at
        self.ops = 0
        self.log = []

    def _op(self, what):
        self.ops += 1
        self.log.append(what)
        return self.ops == self.cut_at

    def write(self, path, data):
        if self._op("write " + path):
            fsio.Fs.write(self, path, data[:len(data) // 2])
            raise PowerCut()
        fsio.Fs.write(self, path, data)

    def append(self, path, data):
        if self._op("append " + path):
            fsio.Fs.append(self, path, data[:len(data) // 2])
            raise PowerCut()
        fsio.Fs.append(self, path, data)

    def rename(self, old, new):
        if self._op("rename %s %s" % (old, new)):
            raise PowerCut()
        fsio.Fs.rename(self, old, new)

    def remove(self, path):
        if self._op("remove " + path):
            raise PowerCut()
        fsio.Fs.remove(self, path)

    def mkdir(self, path):
        if self._op("mkdir " + path):
            raise PowerCut()
        fsio.Fs.mkdir(self, path)

    def rmdir(self, path):
        if self._op("rmdir " + path):
            raise PowerCut()
        fsio.Fs.rmdir(self, path)


def _is_dir(path):
    return os.stat(path)[0] & 0x4000


def snapshot(root):
    # {relative path: bytes, or None for a folder}
    snap = {}
    for name in os.listdir(root):
        p = root + "/" + name
        if _is_dir(p):
            snap[name] = None
            for sub in os.listdir(p):
                with open(p + "/" + sub, "rb") as f:
                    snap[name + "/" + sub] = f.read()
        else:
            with open(p, "rb") as f:
                snap[name] = f.read()
    return snap


def restore(root, snap):
    os.mkdir(root)
    for name in sorted(snap):
        if snap[name] is None:
            os.mkdir(root + "/" + name)
    for name, data in snap.items():
        if data is not None:
            with open(root + "/" + name, "wb") as f:
                f.write(data)


def fingerprint(root):
    # {file name: sha256 hex} of the plain files in a flash root, and the names of the
    # dot-entries (update leftovers).
    files, dots = {}, []
    for name in os.listdir(root):
        if name.startswith("."):
            dots.append(name)
        elif not _is_dir(root + "/" + name):
            with open(root + "/" + name, "rb") as f:
                files[name] = binascii.hexlify(hashlib.sha256(f.read()).digest()).decode()
    return files, sorted(dots)
