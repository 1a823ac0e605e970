package org.rallylab.app.prerace;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the parts of one .xlsx unpack to, counted as they are inflated and stopped at
 * {@link RosterLimits#MAX_UNPACKED_BYTES}. The sizes a zip declares are not trusted: a bomb
 * declares what it likes. A part that goes past the limit, or is read after a cancel, simply
 * ends; {@link #check()} then tells why, whatever the XML parser made of the cut.
 */
final class UnpackedBytes {

    private final String fileName;
    private final ReadWatch watch;
    private long count;
    private String overIn;

    UnpackedBytes(String fileName, ReadWatch watch) {
        this.fileName = fileName;
        this.watch = watch;
    }

    /** The bytes unpacked so far, all parts together. */
    long count() {
        return count;
    }

    /** {@code in}, the inflating stream of {@code part}, counted. */
    InputStream counted(String part, InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (overIn != null || watch.cancelled()) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, RosterLimits.MAX_UNPACKED_BYTES - count + 1));
                if (n > 0) {
                    count += n;
                    if (count > RosterLimits.MAX_UNPACKED_BYTES) {
                        overIn = part;
                        return -1;
                    }
                    watch.bytes(count);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] skipped = new byte[(int) Math.min(n, 8192)];
                int read = read(skipped, 0, skipped.length);
                return Math.max(read, 0);
            }
        };
    }

    /** Throws the refusal when a part went past the limit. */
    void check() throws RosterFileException {
        if (overIn != null) {
            throw RosterLimits.unpacksTooMuch(fileName, overIn);
        }
    }
}
