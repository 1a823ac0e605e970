package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static List<String> lines(String text) throws Exception {
        LineReader reader = new LineReader(Path.of("in.jsonl"),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        List<String> lines = new ArrayList<>();
        for (String line = reader.next(); line != null; line = reader.next()) {
            lines.add(reader.lineNumber() + ":" + line);
        }
        return lines;
    }

    @Test
    void next_mixedEndings_givesEachLineWithoutItsEnding() throws Exception {
        assertThat(lines("a\r\nb\n\nc")).containsExactly("1:a", "2:b", "3:", "4:c");
        assertThat(lines("a\n")).containsExactly("1:a");
        assertThat(lines("")).isEmpty();
        assertThat(lines("\uFEFF{}\n")).containsExactly("1:{}");
        assertThat(lines("é\n")).containsExactly("1:é");
    }

    @Test
    void next_lineOfExactlyTheLimit_accepted() throws Exception {
        String longest = "y".repeat(LineReader.MAX_LINE_BYTES);

        assertThat(lines(longest + "\nz")).hasSize(2);
    }

    /** An endless line: refused after reading little more than the limit. */
    @Test
    void next_endlessLine_refusedAfterReadingAboutTheLimit() throws Exception {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                served[0] += len;
                return len;
            }
        };
        LineReader reader = new LineReader(Path.of("huge.jsonl"), endless);

        assertThatThrownBy(reader::next).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("huge.jsonl line 1 is longer than 1 MiB");
        assertThat(served[0]).isLessThan(LineReader.MAX_LINE_BYTES + 128 * 1024);
    }

    @Test
    void next_afterClose_streamIsClosed() throws IOException {
        boolean[] closed = {false};
        LineReader reader = new LineReader(Path.of("x"), new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        });
        reader.close();
        assertThat(closed[0]).isTrue();
    }
}
