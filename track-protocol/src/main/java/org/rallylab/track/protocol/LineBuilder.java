package org.rallylab.track.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Turns byte chunks, cut anywhere (even inside a UTF-8 character), into complete lines. A line ends
 * at LF; a CR before it is dropped (the device ends its lines CR LF); blank lines are skipped. A line longer than {@code maxLineBytes}
 * is dropped with one warning and the builder skips, without buffering, to the next LF.
 *
 * <p>Not thread-safe: one reader thread feeds it.
 */
final class LineBuilder {

    /** The host drops lines longer than this (docs/track-protocol.md, "Lines"). */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final int maxLineBytes;
    private final String source;
    private final Consumer<String> sink;
    private final System.Logger log;
    private byte[] buffer = new byte[256];
    private int length;
    private boolean skipping;

    LineBuilder(String source, Consumer<String> sink) {
        this(MAX_LINE_BYTES, source, sink, System.getLogger(LineBuilder.class.getName()));
    }

    LineBuilder(int maxLineBytes, String source, Consumer<String> sink, System.Logger log) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes " + maxLineBytes + " must be at least 1");
        }
        this.maxLineBytes = maxLineBytes;
        this.source = source;
        this.sink = sink;
        this.log = log;
    }

    void accept(byte[] chunk) {
        accept(chunk, 0, chunk.length);
    }

    void accept(byte[] chunk, int offset, int count) {
        int start = offset;
        int end = offset + count;
        for (int i = offset; i < end; i++) {
            if (chunk[i] != '\n') {
                continue;
            }
            if (!skipping) {
                append(chunk, start, i - start);
                if (!skipping) {
                    emit();
                }
            }
            skipping = false;
            length = 0;
            start = i + 1;
        }
        append(chunk, start, end - start);
    }

    /** Bytes held for the line not yet ended (never more than the limit plus one, for a CR). */
    int buffered() {
        return length;
    }

    private void append(byte[] chunk, int offset, int count) {
        if (skipping || count == 0) {
            return;
        }
        if (length + count > maxLineBytes + 1) {
            dropOverlong();
            skipping = true;
            return;
        }
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(length + count, Math.min(buffer.length * 2, maxLineBytes + 1)));
        }
        System.arraycopy(chunk, offset, buffer, length, count);
        length += count;
    }

    private void emit() {
        int end = length;
        if (end > 0 && buffer[end - 1] == '\r') {
            end--;
        }
        if (end > maxLineBytes) {
            dropOverlong();
        } else if (end > 0) {
            sink.accept(new String(buffer, 0, end, StandardCharsets.UTF_8));
        }
        length = 0;
    }

    private void dropOverlong() {
        length = 0;
        log.log(System.Logger.Level.WARNING, "dropped a line longer than " + maxLineBytes + " bytes from " + source
                + "; reading on from the next line");
    }
}
