package org.rallylab.track.transport;

import java.io.IOException;

/**
 * A byte link to a timer: a serial port, a child process's stdin/stdout, an in-memory pipe. It knows
 * nothing of lines or JSON, so adapters for other timers can use it as well.
 *
 * <p>Contract: {@link #open} at most once. After a successful open the listener gets the bytes
 * that arrive, in order, from one reader thread, then exactly one
 * {@link Listener#disconnected(String)}, also after {@link #close()}. {@link #write} may be called
 * from any thread; each call's bytes go out together.
 */
public interface Transport extends AutoCloseable {

    /** Opens the link; throws with a message a person understands ("serial port /dev/ttyACM0 is busy"). */
    void open(Listener listener) throws IOException;

    /** Sends bytes; throws when the link is down. */
    void write(byte[] bytes) throws IOException;

    /** Ends the link. Idempotent; never blocks for long. */
    @Override
    void close();

    /** What this link is, for messages: "serial port /dev/ttyACM0", "process 'node sim/run.mjs'". */
    String description();

    /** Receives what the link reads. Called from the transport's reader thread: do not block. */
    interface Listener {

        /** Bytes as they arrived, cut anywhere. The array belongs to the listener. */
        void received(byte[] chunk);

        /** The link is gone, with why ("the Pico was unplugged", "closed by RallyLab"). Called once. */
        void disconnected(String reason);
    }
}
