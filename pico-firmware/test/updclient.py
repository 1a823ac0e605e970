# updclient.py - the host side of an in-band update, for tests.
import binascii
import hashlib


def sha(data):
    return binascii.hexlify(hashlib.sha256(data).digest()).decode()


def b64(data):
    return binascii.b2a_base64(data).decode().strip()


def begin(r, files, version="0.1.1"):
    listed = [{"name": n, "size": len(d), "sha256": sha(d)} for n, d in sorted(files.items())]
    return r.call("update_begin", version=version, files=listed)


def send_file(r, session, name, data, chunk=1024):
    # Every chunk of one file; returns the last answer.
    f = None
    for off in range(0, len(data), chunk):
        f = r.call("update_chunk", session=session, name=name, offset=off, data=b64(data[off:off + chunk]))
        if "ok" not in f:
            return f
    return f


def upload(r, files, version="0.1.1"):
    # update_begin and every chunk; returns the session id.
    f = begin(r, files, version)
    if "ok" not in f:
        raise AssertionError("update_begin failed: %r" % f)
    s = f["ok"]["session"]
    for name, data in sorted(files.items()):
        f = send_file(r, s, name, data)
        if f is not None and "ok" not in f:
            raise AssertionError("update_chunk failed: %r" % f)
    return s
