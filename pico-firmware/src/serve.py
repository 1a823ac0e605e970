# serve.py - serving the track on the USB serial line: what main.py runs at power-up, one
# turn of the loop at a time (the simulator turns it too).
#
# While serving, a 0x03 byte is data, not Ctrl-C (micropython.kbd_intr(-1)): a stray byte
# must not stop the track. The way to the REPL is the request {"id":1,"cmd":"repl"} (or
# `repl` typed at a console): the Pico restarts into the plain REPL, for mpremote or Thonny,
# until its next reset. An error that escapes the loop is reported on the line and the Pico
# restarts; a loop that stops turning is restarted by the watchdog.
from micropython import const
import machine
import micropython
import restart

_WATCHDOG_MS = const(8000)


class Server:
    def __init__(self, link=None):
        # dev is None when this start was asked to leave for the REPL.
        self.boot = restart.why()
        self.dev = None
        if self.boot["reason"] == "repl":
            restart.keep("reset")  # a soft reset from the REPL (Ctrl-D) serves again
            return
        import config
        import device
        import usb_link
        self.dog = machine.WDT(timeout=_WATCHDOG_MS)
        self.link = link or usb_link.UsbLink()
        self.dev = device.Device(config.load(), self.link, self.boot)
        self._busy = True
        micropython.kbd_intr(-1)

    def turn(self):
        # One turn of the loop; False once the device is to leave for the REPL.
        self.dog.feed()
        for line in self.link.read_lines(0 if self._busy else 1):
            self.dev.feed(line)
        self._busy = not self.dev.poll()  # frames still to send: do not wait for input
        return not self.dev.to_repl

    def fail(self, e):
        # An error escaped the loop: say so if the host reads, and restart.
        import protocol
        micropython.kbd_intr(3)
        self.link.last_words('{"err":%s,"code":"internal"}' % protocol.dumps(
            "the track controller stopped on %s: %s; it is starting again" % (type(e).__name__, e)))
        restart.now("fault", e)

    def leave(self):
        micropython.kbd_intr(3)
        restart.now("repl")


def main():
    server = Server()
    if server.dev is None:
        return  # the REPL, as asked
    try:
        while server.turn():
            pass
    except Exception as e:  # a bug, no memory, a failing flash
        server.fail(e)
    server.leave()
