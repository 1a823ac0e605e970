package org.rallylab.track.transport;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Two connected in-memory {@link Transport}s, for tests: what one end writes, the other receives,
 * as one chunk per write, on that end's own reader thread. {@link #disconnect(String)} is the
 * cable coming out: both ends report it once. Closing either end disconnects both.
 */
public final class MemoryPipe {

    private static final System.Logger LOG = System.getLogger(MemoryPipe.class.getName());

    private final End host;
    private final End device;

    public MemoryPipe() {
        this("memory pipe");
    }

    public MemoryPipe(String name) {
        host = new End(name + " (host end)");
        device = new End(name + " (device end)");
        host.peer = device;
        device.peer = host;
    }

    /** The end the race controller uses. */
    public Transport host() {
        return host;
    }

    /** The end a test double of the device uses. */
    public Transport device() {
        return device;
    }

    /** Ends the link; bytes already written are still delivered first. */
    public void disconnect(String reason) {
        host.end(reason);
        device.end(reason);
    }

    private static final class End implements Transport {
        private static final byte[] END = new byte[0];

        private final String name;
        private final BlockingQueue<byte[]> inbound = new LinkedBlockingQueue<>();
        private End peer;
        private Listener listener;
        private volatile String endReason;

        End(String name) {
            this.name = name;
        }

        @Override
        public synchronized void open(Listener listener) throws IOException {
            if (this.listener != null) {
                throw new IllegalStateException(name + " is already open");
            }
            if (endReason != null) {
                throw new IOException(name + " is disconnected: " + endReason);
            }
            this.listener = listener;
            Thread reader = new Thread(this::deliver, name + " reader");
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            String reason = endReason;
            if (reason != null) {
                throw new IOException(name + " is disconnected: " + reason);
            }
            peer.inbound.add(bytes.clone());
        }

        @Override
        public void close() {
            end("closed by RallyLab");
            peer.end("the other end closed the connection");
        }

        @Override
        public String description() {
            return name;
        }

        void end(String reason) {
            synchronized (this) {
                if (endReason != null) {
                    return;
                }
                endReason = reason;
            }
            inbound.add(END);
        }

        private void deliver() {
            try {
                while (true) {
                    byte[] chunk = inbound.take();
                    if (chunk == END) {
                        listener.disconnected(endReason);
                        return;
                    }
                    try {
                        listener.received(chunk);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "the listener of " + name + " failed", e);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
