# The USB serial link of a real Pico, with its streams replaced: bytes become lines,
# a host that does not read holds frames back, a frame the USB buffer takes only part of is
# finished before the next, main.py's loop serves requests.
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


class _Usb:
    # The USB TX buffer: takes at most `room` bytes per write (None: all of them), like
    # the rp2 port's stdout when the host has stopped reading.
    def __init__(self):
        self.data = b""
        self.room = None
        self.pieces = []

    def write(self, b):
        n = len(b) if self.room is None else min(self.room, len(b))
        self.data += bytes(b[:n])
        self.pieces.append(len(b))
        if self.room is not None:
            self.room -= n
        return n

    def getvalue(self):
        return self.data.decode()


def link_for(data):
    inp = io.BytesIO(data)
    out = _Usb()
    tx = _Ready(ready=True)
    return usb_link.UsbLink(inp, out, _Ready(inp), tx), out, tx


def test_bytes_become_lines_at_lf_one_line_per_turn():
    link, _, _ = link_for(b'info\r\n{"id":1,"cmd":"gate"}\npartial')
    eq(link.read_lines(1), [b"info\r"])
    eq(link.read_lines(1), [b'{"id":1,"cmd":"gate"}'])
    eq(link.read_lines(1), [])
    eq(link.read_lines(1), [])


def test_a_flood_of_input_gives_the_loop_back_after_256_bytes():
    # 16 update chunks (~1.4 KB each) once kept the loop away from the pins for 2 s.
    inp = io.BytesIO(b"x" * 3000 + b"\n")
    link = usb_link.UsbLink(inp, _Usb(), _Ready(inp), _Ready(ready=True))
    eq(link.read_lines(1), [])
    eq(inp.tell(), 256)
    turns = 1
    while True:
        turns += 1
        got = link.read_lines(1)
        if got:
            break
    eq(turns, 12)
    eq(len(got[0]), 3000)


def test_a_frame_taken_in_part_is_finished_before_the_next():
    link, out, tx = link_for(b"")
    out.room = 10
    eq(link.write('{"id":1,"ok":{"gate_ready":true}}'), True)   # begun: the rest is kept
    eq(out.getvalue(), '{"id":1,"o')
    out.room = 0
    eq(link.write('{"id":2,"ok":{}}'), False)                    # the next waits its turn
    eq(link.drain(), False)
    out.room = 5
    eq(link.write('{"id":2,"ok":{}}'), False)
    out.room = None
    eq(link.write('{"id":2,"ok":{}}'), True)
    eq(out.getvalue(), '{"id":1,"ok":{"gate_ready":true}}\r\n{"id":2,"ok":{}}\r\n')


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


def test_bytes_go_one_write_at_a_time_and_at_most_128_per_turn():
    # A write larger than the room the USB buffer has makes the rp2 port wait for the host
    # (half a second or more): the link never gives it more than the one byte poll() promises.
    link, out, _ = link_for(b"")
    frame = '{"id":1,"ok":{"pad":"%s"}}' % ("x" * 150)
    eq(link.write(frame), True)
    eq(out.pieces, [1] * 128)
    eq(link.drain(), True)
    eq(out.pieces, [1] * (len(frame) + 2))
    eq(out.getvalue(), frame + "\r\n")


def test_frames_wait_while_the_host_does_not_read():
    link, out, tx = link_for(b"")
    tx.ready = False
    eq(link.write('{"id":1,"ok":{}}'), False)
    tx.ready = True
    eq(link.write('{"id":1,"ok":{}}'), True)
    eq(out.getvalue(), '{"id":1,"ok":{}}\r\n')


def test_a_device_served_over_the_link():
    link, out, _ = link_for(b"gate\n")
    r = Rig()
    import device
    dev = device.Device(r.cfg, link)
    for line in link.read_lines(1):
        dev.feed(line)
    dev.poll()
    eq(out.getvalue(), '{"id":-1,"ok":{"gate_ready":true}}\r\n')
