# boothelp.py - "power up" a flash folder: import its firmware afresh, run boot.py (update
# recovery) and main.py's main() (config.json, the device) with a stand-in USB link that
# sends one line, then stops the loop. The test's own modules are restored afterwards.
import json
import os
import sys
import machine
from testlib import eq


class _Stop(BaseException):
    pass


class _FakeUsbLink:
    # Stands in for usb_link at boot: one request line, then the test stops the loop.
    def __init__(self, first):
        self.first = first
        self.lines = []
        self.reads = 0

    def read_lines(self, timeout_ms):
        self.reads += 1
        if self.reads == 1:
            return [self.first]
        raise _Stop()

    def write(self, text):
        self.lines.append(text)
        return True

    def drain(self):
        return True

    def last_words(self, text):
        self.lines.append(text)


last_boot = [None]  # the boot frame of the latest boot()


def boot(root, line='{"id":1,"cmd":"info"}'):
    # Import the firmware in `root` as the Pico would after a reset (boot.py, then main.py)
    # and return the ok payload of its answer to `line`.
    saved_modules = dict(sys.modules)
    saved_path = list(sys.path)
    link = _FakeUsbLink(line)

    class fake_usb:  # stands in for the usb_link module
        UsbLink = lambda: link
    try:
        for name in os.listdir("/flash") + os.listdir(root):  # every firmware module, old or new
            if name.endswith(".py") and name[:-3] in sys.modules:
                del sys.modules[name[:-3]]
        sys.modules["usb_link"] = fake_usb
        sys.path[:] = [root, "/lib", "/test"]
        machine.reset_fake()
        if "boot.py" in os.listdir(root):
            __import__("boot")
        main = __import__("main")
        try:
            main.main()
        except _Stop:
            pass
    finally:
        for name in list(sys.modules):
            if name not in saved_modules:
                del sys.modules[name]
        sys.modules.update(saved_modules)
        sys.path[:] = saved_path
    frames = [json.loads(t) for t in link.lines]
    eq(len(frames), 2, "the boot frame and one answer: %r" % frames)
    last_boot[0] = frames[0]["boot"]
    return frames[1]["ok"]
