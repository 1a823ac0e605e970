package org.rallylab.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads UTF-8 lines with a length limit: a line longer than {@link #MAX_LINE_BYTES} is refused
 * as soon as the limit is passed, so a huge line (or a file that is not text at all) never
 * fills the memory. Lines end with {@code \n} or {@code \r\n}; a UTF-8 byte order mark at the
 * start is skipped.
 */
final class LineReader implements Closeable {

    static final int MAX_LINE_BYTES = 1 << 20;
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[CHUNK];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;
    private long lineNumber;

    LineReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /** The next line without its ending, or null after the last one. */
    String next() throws IOException, InvalidInputException {
        length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = Math.max(in.read(chunk), 0);
                position = 0;
                if (limit == 0) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int newline = indexOfNewline();
            int end = newline < 0 ? limit : newline;
            append(end - position);
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        lineNumber++;
        int start = lineNumber == 1 && length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB
                && line[2] == (byte) 0xBF ? 3 : 0;
        int end = length > start && line[length - 1] == '\r' ? length - 1 : length;
        try {
            return utf8.decode(ByteBuffer.wrap(line, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInputException.atLine(file, lineNumber, "the line is not UTF-8 text: is this a JSON Lines"
                    + " export of RallyLab?");
        }
    }

    /** The number of the line {@link #next()} returned last, counted from 1. */
    long lineNumber() {
        return lineNumber;
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int count) throws InvalidInputException {
        if (length + count > MAX_LINE_BYTES) {
            throw new InvalidInputException(file, lineNumber + 1, InvalidInputException.name(file) + " line "
                    + (lineNumber + 1) + " is longer than 1 MiB: a JSON Lines file holds one event per line,"
                    + " and no event is that long; is this the right file?", null);
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, length + count)));
        }
        System.arraycopy(chunk, position, line, length, count);
        length += count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
