# updater.py - in-band firmware update: update_begin names the files, update_chunk brings
# each file in order (base64), its SHA-256 is checked when its last byte arrives, and
# update_commit installs them atomically (commit.py). A session idle for 30 s is aborted.
from micropython import const
import binascii
import hashlib
import time
import fsio
import commit
import raceid
from protocol import Err, dumps

CHUNK = const(1024)
_IDLE_MS = const(30000)
_MAX_FILES = const(32)
_MAX_SIZE = const(262144)
_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="


class _File:
    def __init__(self, name, size, sha):
        self.name, self.size, self.sha = name, size, sha
        self.got = 0
        self.hash = hashlib.sha256()


def _hex(digest):
    return binascii.hexlify(digest).decode()


def _plain(name):
    return (type(name) is str and 0 < len(name) <= 64 and name[0] != "."
            and "/" not in name and "\\" not in name)


class Updater:
    def __init__(self):
        self.id = None
        self.version = None
        self.files = {}
        self._touched = 0
        self._gone = None  # (id, why) of the last session that ended without a commit

    def _session(self, args):
        sid = args.get("session")
        if self.id is None or sid != self.id:
            why = " (%s)" % self._gone[1] if self._gone and self._gone[0] == sid else ""
            raise Err("bad_args", "no update session %s%s; start with update_begin" % (dumps(sid), why))
        self._touched = time.ticks_ms()

    def begin(self, args):
        if self.id is not None:
            raise Err("busy", "update session %s is open; update_abort it or wait 30 s" % dumps(self.id))
        version, files = args.get("version"), args.get("files")
        if type(version) is not str or not version:
            raise Err("bad_args", 'version must be a string such as "0.2.0"')
        if type(files) is not list or not 0 < len(files) <= _MAX_FILES:
            raise Err("bad_args", "files must list 1 to %d files as {name, size, sha256}" % _MAX_FILES)
        table = {}
        for f in files:
            name = f.get("name") if type(f) is dict else None
            if not _plain(name):
                raise Err("bad_args", "file name %s is not a plain file name (no '/', no leading '.')"
                          % dumps(name))
            size, sha = f.get("size"), f.get("sha256")
            if type(size) is not int or not 0 <= size <= _MAX_SIZE:
                raise Err("bad_args", "size of %s must be 0 to %d bytes, not %s" % (name, _MAX_SIZE, dumps(size)))
            if type(sha) is not str or len(sha) != 64 or any(c not in "0123456789abcdefABCDEF" for c in sha):
                raise Err("bad_args", "sha256 of %s must be 64 hex digits, not %s" % (name, dumps(sha)))
            if name in table:
                raise Err("bad_args", "%s is listed twice" % name)
            table[name] = _File(name, size, sha.lower())
        for f in table.values():
            if f.size == 0 and _hex(f.hash.digest()) != f.sha:
                raise Err("bad_args", "%s is empty but its sha256 is not that of no bytes" % f.name)
        commit.discard()
        fsio.fs.mkdir(commit.STAGE)
        for f in table.values():
            fsio.fs.write(commit.staged(f.name), b"")
        self.id = _session_id()
        self.version, self.files = version, table
        self._touched = time.ticks_ms()
        return {"session": self.id, "chunk_size": CHUNK}

    def chunk(self, args):
        self._session(args)
        name, offset, data = args.get("name"), args.get("offset"), args.get("data")
        f = self.files.get(name)
        if f is None:
            raise Err("bad_args", "%s is not in this update (files: %s)" % (dumps(name), ", ".join(self.files)))
        if type(offset) is not int or offset != f.got:
            raise Err("bad_args", "update_chunk for %s at offset %s, but %d bytes have arrived: send offset %d"
                      % (name, dumps(offset), f.got, f.got))
        raw = _b64(data)
        if len(raw) > CHUNK:
            raise Err("bad_args", "a chunk holds at most %d bytes, this one %d" % (CHUNK, len(raw)))
        if f.got + len(raw) > f.size:
            raise Err("bad_args", "%s would grow to %d bytes, but update_begin said %d"
                      % (name, f.got + len(raw), f.size))
        fsio.fs.append(commit.staged(name), raw)
        f.hash.update(raw)
        f.got += len(raw)
        if f.got == f.size and f.size:
            got = _hex(f.hash.digest())
            if got != f.sha:
                fsio.fs.write(commit.staged(name), b"")
                f.got, f.hash = 0, hashlib.sha256()
                raise Err("bad_args", "sha256 of %s is %s but update_begin said %s; send the file again from offset 0"
                          % (name, got, f.sha))
        return {"received": f.got}

    def commit(self, args):
        self._session(args)
        for f in self.files.values():
            if f.got != f.size:
                raise Err("bad_state", "%s is incomplete: %d of %d bytes" % (f.name, f.got, f.size))
        version, names = self.version, sorted(self.files)
        self.id, self.files = None, {}
        commit.install(names, version)
        return {"version": version}

    def abort(self, args):
        self._session(args)
        self._end("aborted by update_abort")

    def _end(self, why):
        self._gone = (self.id, why)
        self.id, self.files = None, {}
        commit.discard()

    def poll(self, now_ms, idle=True):
        # An abandoned session is discarded after 30 s, but only while no race is armed or
        # running: discarding writes the flash, which stops interrupts.
        if self.id is not None and idle and time.ticks_diff(now_ms, self._touched) >= _IDLE_MS:
            self._end("aborted after 30 s without a request")


def _b64(data):
    if type(data) is not str or len(data) % 4:
        raise Err("bad_args", "data must be base64 text (a multiple of 4 characters)")
    raw = data.encode()
    for c in raw:
        if c not in _B64:
            raise Err("bad_args", "data is not base64: it holds %s" % dumps(chr(c)))
    return binascii.a2b_base64(raw)


def _session_id():
    return raceid.uuid4()[:8]
