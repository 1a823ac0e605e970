# main.py - runs at power-up: finish or discard an interrupted update before importing
# anything else, then serve the track controller on the USB serial line.
import commit


def main():
    commit.recover()
    import config
    import device
    import usb_link
    link = usb_link.UsbLink()
    dev = device.Device(config.load(), link)
    while True:
        for line in link.read_lines(1):
            dev.feed(line)
        dev.poll()


if __name__ == "__main__":
    main()
