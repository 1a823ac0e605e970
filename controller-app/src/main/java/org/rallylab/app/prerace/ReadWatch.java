package org.rallylab.app.prerace;

import java.io.Closeable;
import java.util.concurrent.CancellationException;

/**
 * One read's count of rows and bytes: passed on to its {@link ReadProgress} every
 * {@value #ROWS_PER_UPDATE} rows and whenever the bytes move on, and checked for a cancel at
 * every step, so a cancelled read stops within a row or a buffer.
 */
final class ReadWatch {

    private static final int ROWS_PER_UPDATE = 50;

    private final ReadProgress progress;
    private int rows;
    private long bytes;
    private long totalBytes = -1;

    ReadWatch(ReadProgress progress) {
        this.progress = progress;
    }

    /** From now on, {@code bytes} count toward {@code totalBytes} (-1: not known). */
    void phase(long totalBytes) {
        this.totalBytes = totalBytes;
        this.bytes = 0;
        report();
    }

    /** {@code bytes} of the current phase's total are done. */
    void bytes(long bytes) {
        stopIfCancelled();
        if (bytes != this.bytes) {
            this.bytes = bytes;
            report();
        }
    }

    /** One more row read. */
    void row() {
        stopIfCancelled();
        rows++;
        if (rows % ROWS_PER_UPDATE == 0) {
            report();
        }
    }

    /** Tells the final count. */
    void done() {
        report();
    }

    /** The file being read is open (see {@link ReadProgress#opened}). */
    void opened(Closeable file) {
        progress.opened(file);
    }

    boolean cancelled() {
        return progress.cancelled();
    }

    /** Ends the read when it was cancelled. */
    void stopIfCancelled() {
        if (progress.cancelled()) {
            throw new CancellationException("the roster read was cancelled");
        }
    }

    private void report() {
        progress.update(rows, bytes, totalBytes);
    }
}
