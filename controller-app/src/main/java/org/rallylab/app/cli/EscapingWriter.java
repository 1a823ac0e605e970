package org.rallylab.app.cli;

import java.io.IOException;
import java.io.Writer;
import org.rallylab.domain.event.EventLimits;

/**
 * Passes text on with every control character ({@link EventLimits#isControl}: C0, DEL, C1 and
 * the bidirectional overrides) written as {@code \}{@code uXXXX}, ESC as {@code \}{@code u001b},
 * so nothing the command line prints (a name from a rally file, a file name, an argument echoed
 * in an error, a message from the store) can retitle the terminal, move its cursor or show text
 * reversed. {@link Main#run} puts it under both streams, so no command can forget it.
 *
 * <p>Line endings pass: {@code \n}, and {@code \r} directly followed by {@code \n} (Windows'
 * line separator), also when the two come in separate writes; a lone {@code \r}, which would
 * overwrite the line, is escaped. Every other character (accents, emoji, CJK, each half of a
 * surrogate pair) passes unchanged.
 *
 * <p>Inside a JSON string {@code \}{@code uXXXX} is that character's JSON escape, so JSON output
 * (also the C1 characters Jackson writes raw) stays valid and reads back to the same text.
 */
final class EscapingWriter extends Writer {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;
    /** A {@code \r} written last, held until the next character says whether it ends a line. */
    private boolean pendingReturn;

    EscapingWriter(Writer out) {
        super(out);
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        char[] chars = new char[length];
        text.getChars(offset, offset + length, chars, 0);
        write(chars, 0, length);
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        synchronized (lock) {
            int end = offset + length;
            int clean = offset; // start of the run of characters that pass as they are
            for (int i = offset; i < end; i++) {
                char c = text[i];
                if (pendingReturn) {
                    pendingReturn = false;
                    out.write(c == '\n' ? "\r" : escape('\r'));
                }
                if (c == '\n' || !EventLimits.isControl(c)) {
                    continue;
                }
                out.write(text, clean, i - clean);
                clean = i + 1;
                if (c == '\r') {
                    pendingReturn = true;
                } else {
                    out.write(escape(c));
                }
            }
            out.write(text, clean, end - clean);
        }
    }

    /** Flushes; a {@code \r} still waiting for its {@code \n} is written escaped first, as it ends no line so far. */
    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            if (pendingReturn) {
                pendingReturn = false;
                out.write(escape('\r'));
            }
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            flush();
            out.close();
        }
    }

    /** {@code c} as {@code \}{@code uXXXX}, lower-case hex. */
    static String escape(char c) {
        return new String(new char[] {'\\', 'u', HEX[c >> 12 & 0xF], HEX[c >> 8 & 0xF], HEX[c >> 4 & 0xF], HEX[c & 0xF]});
    }
}
