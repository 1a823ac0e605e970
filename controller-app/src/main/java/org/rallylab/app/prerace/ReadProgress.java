package org.rallylab.app.prerace;

import java.io.Closeable;

/**
 * Told how far a roster read has come, and asked whether to stop. {@link RosterFile#read(
 * java.nio.file.Path, ReadProgress)} calls it from the reading thread now and then (after each
 * piece of the file and every few rows, not for every byte), and ends with a
 * {@link java.util.concurrent.CancellationException} soon after {@link #cancelled()} turns true
 * (at once when the watcher also closes the file it was handed in {@link #opened}).
 */
public interface ReadProgress {

    /** Nobody watching; never cancelled. */
    ReadProgress NONE = new ReadProgress() {
        @Override
        public void update(int rows, long bytes, long totalBytes) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /**
     * {@code rows} rows read so far, and {@code bytes} of {@code totalBytes}: of the file while it
     * is loaded or its text parsed, of what an .xlsx unpacks to while it is unpacked.
     * {@code totalBytes} is -1 when not known (a file that is still arriving).
     */
    void update(int rows, long bytes, long totalBytes);

    /** Whether the person importing has asked to stop. */
    boolean cancelled();

    /**
     * The file being read, once it is open. A read waiting for a slow device or a pipe hears a
     * cancel only when data comes; closing {@code file} ends it at once. Close it from a thread of
     * your own: closing may wait for the device.
     */
    default void opened(Closeable file) {
    }
}
