# The USB serial link of a real Pico, with its streams replaced: bytes become lines,
# a host that does not read holds frames back, main.py's loop serves requests.
import io
import usb_link
from testlib import eq, check
from rig import Rig


class _Ready:
    def __init__(self, stream=None, ready=True):
        self.stream, self.ready = stream, ready

    def poll(self, timeout_ms):
        if self.stream is not None:
            return self.stream.tell() < len(self.stream.getvalue())
        return self.ready


def link_for(data):
    inp = io.BytesIO(data)
    out = io.StringIO()
    tx = _Ready(ready=True)
    return usb_link.UsbLink(inp, out, _Ready(inp), tx), out, tx


def test_bytes_become_lines_at_lf():
    link, _, _ = link_for(b'info\r\n{"id":1,"cmd":"gate"}\npartial')
    eq(link.read_lines(1), [b"info\r", b'{"id":1,"cmd":"gate"}'])
    eq(link.read_lines(1), [])


def test_a_line_split_across_reads_is_joined():
    b = usb_link.LineBuilder()
    got = [b.add(c) for c in b"gat"] + [b.add(c) for c in b"e\n"]
    eq([x for x in got if x is not None], [b"gate"])


def test_an_overlong_line_is_cut_to_4097_bytes_and_refused_by_the_device():
    b = usb_link.LineBuilder()
    line = None
    for c in b"x" * 6000 + b"\n":
        line = b.add(c) or line
    eq(len(line), 4097)
    r = Rig()
    r.send(line)
    eq(r.frames(), [{"err": "line too long", "code": "bad_frame"}])
    eq(b.add(10), b"")  # the builder starts afresh


def test_frames_wait_while_the_host_does_not_read():
    link, out, tx = link_for(b"")
    tx.ready = False
    eq(link.write('{"id":1,"ok":{}}'), False)
    tx.ready = True
    eq(link.write('{"id":1,"ok":{}}'), True)
    eq(out.getvalue(), '{"id":1,"ok":{}}\n')


def test_a_device_served_over_the_link():
    link, out, _ = link_for(b"gate\n")
    r = Rig()
    import device
    dev = device.Device(r.cfg, link)
    for line in link.read_lines(1):
        dev.feed(line)
    dev.poll()
    eq(out.getvalue(), '{"id":-1,"ok":{"gate_ready":true}}\n')
