package org.rallylab.track.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A serial port through jSerialComm (USB CDC on the Pico: 115200 8N1, nominal on USB). Opening it
 * raises DTR before anything is read. A reader thread reads with a 100 ms semi-blocking timeout;
 * the first read error (the Pico unplugged, the other end of a pty gone) closes the port and is
 * reported as the one disconnect.
 */
public final class SerialTransport implements Transport {

    /** Raspberry Pi's USB vendor id: a Pico running MicroPython shows it. */
    public static final int PICO_VENDOR_ID = 0x2E8A;

    private static final System.Logger LOG = System.getLogger(SerialTransport.class.getName());
    private static final int READ_TIMEOUT_MS = 100;
    private static final int WRITE_TIMEOUT_MS = 2000;

    /**
     * Line settings. The Pico ignores them (USB); commercial timers need them (9600 8N1,
     * NewBold 1200 7N2). {@code parity} is 'N', 'E' or 'O'; {@code stopBits} 1 or 2.
     */
    public record Settings(int baudRate, int dataBits, int stopBits, char parity) {
        public static final Settings PICO = new Settings(115_200, 8, 1, 'N');

        public Settings {
            if (baudRate < 1) {
                throw new IllegalArgumentException("baud rate " + baudRate + " must be positive");
            }
            if (dataBits < 5 || dataBits > 8) {
                throw new IllegalArgumentException("data bits " + dataBits + " must be 5 to 8");
            }
            if (stopBits != 1 && stopBits != 2) {
                throw new IllegalArgumentException("stop bits " + stopBits + " must be 1 or 2");
            }
            if ("NEO".indexOf(parity) < 0) {
                throw new IllegalArgumentException("parity '" + parity + "' must be N, E or O");
            }
        }
    }

    /**
     * A serial port found on this computer. {@code description} is for a person choosing a port
     * ("Raspberry Pi Pico (Board in FS mode) on /dev/ttyACM0"); vendor and product ids are -1 when
     * the port is not USB.
     */
    public record PortInfo(String path, String description, int vendorId, int productId, boolean likelyPico) {
    }

    private final String path;
    private final Settings settings;
    private volatile SerialPort port;
    private volatile Thread reader;
    private volatile boolean closing;

    public SerialTransport(String path) {
        this(path, Settings.PICO);
    }

    public SerialTransport(String path, Settings settings) {
        this.path = Objects.requireNonNull(path, "path");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The serial ports on this computer, likely Picos first (USB vendor id 0x2E8A), then other USB ports. */
    public static List<PortInfo> listPorts() {
        List<PortInfo> ports = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            ports.add(describe(p));
        }
        return ordered(ports);
    }

    static List<PortInfo> ordered(List<PortInfo> ports) {
        List<PortInfo> sorted = new ArrayList<>(ports);
        sorted.sort(Comparator.comparing((PortInfo p) -> !p.likelyPico())
                .thenComparing(p -> p.vendorId() < 0)
                .thenComparing(PortInfo::path));
        return sorted;
    }

    private static PortInfo describe(SerialPort p) {
        String path = p.getSystemPortPath();
        int vendor = p.getVendorID();
        int product = p.getProductID();
        boolean pico = vendor == PICO_VENDOR_ID;
        String name = p.getPortDescription();
        String description;
        if (pico) {
            description = "Raspberry Pi Pico" + (blank(name) ? "" : " (" + name + ")") + " on " + path;
        } else if (vendor >= 0) {
            description = "USB serial device " + (blank(name) ? p.getDescriptivePortName() : name)
                    + String.format(" (USB %04X:%04X)", vendor, product) + " on " + path;
        } else {
            description = "serial port " + path + (blank(name) ? "" : " (" + name + ")");
        }
        return new PortInfo(path, description, vendor, product, pico);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public synchronized void open(Listener listener) throws IOException {
        if (port != null) {
            throw new IllegalStateException(description() + " is already open");
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException(description() + " does not exist: is the Pico plugged in?", e);
        }
        p.setComPortParameters(settings.baudRate(), settings.dataBits(),
                settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
                switch (settings.parity()) {
                    case 'E' -> SerialPort.EVEN_PARITY;
                    case 'O' -> SerialPort.ODD_PARITY;
                    default -> SerialPort.NO_PARITY;
                });
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MS, WRITE_TIMEOUT_MS);
        if (!p.openPort()) {
            throw new IOException(openFailure(p.getLastErrorCode()));
        }
        // DTR up on every open, before the reader starts: MicroPython's USB serial writes nothing to
        // a host that has not raised it, and the Pico would look silent. A transport is opened once;
        // every reconnect opens a new one, so every reopen raises DTR again. (A pty has no modem
        // lines: there setDTR() fails, harmlessly.)
        p.setDTR();
        Thread t = new Thread(() -> readLoop(p, listener), "serial reader " + path);
        t.setDaemon(true);
        reader = t;
        port = p;
        t.start();
    }

    private String openFailure(int errno) {
        return description() + switch (errno) {
            case 2 -> " does not exist: is the Pico plugged in?";
            case 13 -> " cannot be opened: permission denied (on Linux, add yourself to the 'dialout' group)";
            case 16 -> " is in use by another program";
            default -> " could not be opened (error " + errno + ")";
        };
    }

    private void readLoop(SerialPort p, Listener listener) {
        byte[] buffer = new byte[4096];
        String reason = null;
        while (!closing) {
            int n = p.readBytes(buffer, buffer.length);
            if (n < 0) {
                reason = "lost " + description() + " (error " + p.getLastErrorCode() + "): was it unplugged?";
                break;
            }
            if (n > 0) {
                try {
                    listener.received(Arrays.copyOf(buffer, n));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "the listener of " + description() + " failed", e);
                }
            }
        }
        p.closePort();
        listener.disconnected(closing ? "closed by RallyLab" : reason);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        SerialPort p = port;
        Thread r = reader;
        if (p == null || r == null || closing || !r.isAlive()) {
            throw new IOException(description() + " is not open");
        }
        synchronized (this) {
            int written = p.writeBytes(bytes, bytes.length);
            if (written != bytes.length) {
                throw new IOException("could not write to " + description() + " (wrote " + written + " of "
                        + bytes.length + " bytes, error " + p.getLastErrorCode() + ")");
            }
        }
    }

    /** Stops the reader (within about 100 ms) and closes the port. */
    @Override
    public void close() {
        closing = true;
        Thread t = reader;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2L * READ_TIMEOUT_MS + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String description() {
        return "serial port " + path;
    }
}
