package org.rallylab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.EventJson;

/** Issue 11: the writer under every command-line stream escapes control characters as {@code \}{@code uXXXX}. */
class EscapingWriterTest {

    private final StringWriter target = new StringWriter();
    private final EscapingWriter writer = new EscapingWriter(target);

    @Test
    void write_c0Controls_escapedAsUnicodeEscapes() throws IOException {
        writer.write("a\u0000b\u0007c\u0008d\tf\u000bg\u000ch\u001bi\u001fj");
        writer.flush();
        assertThat(target).hasToString(
                "a\\u0000b\\u0007c\\u0008d\\u0009f\\u000bg\\u000ch\\u001bi\\u001fj");
    }

    @Test
    void write_delAndC1_escaped() throws IOException {
        writer.write("\u007f\u0080\u0085\u009b\u009f");
        writer.flush();
        assertThat(target).hasToString("\\u007f\\u0080\\u0085\\u009b\\u009f");
    }

    @Test
    void write_bidirectionalOverridesAndIsolates_escaped() throws IOException {
        writer.write("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069");
        writer.flush();
        assertThat(target).hasToString("\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069");
    }

    @Test
    void write_terminalTitleSequence_escapedWhole() throws IOException {
        writer.write("Kub Kars\u001b]0;pwned\u0007");
        writer.flush();
        assertThat(target).hasToString("Kub Kars\\u001b]0;pwned\\u0007");
    }

    @Test
    void write_neighboursOfTheControlRanges_passUnchanged() throws IOException {
        String text = " ~\u00a0\u00ff\u2029\u202f\u2065\u206a";
        writer.write(text);
        writer.flush();
        assertThat(target).hasToString(text);
    }

    @Test
    void write_lineFeedAndCrLf_passUnchanged() throws IOException {
        writer.write("one\ntwo\r\nthree\n");
        writer.flush();
        assertThat(target).hasToString("one\ntwo\r\nthree\n");
    }

    @Test
    void write_loneCarriageReturn_escaped() throws IOException {
        writer.write("winner\rloser\r\r\n");
        writer.flush();
        assertThat(target).hasToString("winner\\u000dloser\\u000d\r\n");
    }

    @Test
    void write_crLfSplitAcrossWrites_staysALineEnding() throws IOException {
        writer.write("one\r");
        writer.write('\n');
        writer.write("two\r".toCharArray(), 0, 4);
        writer.write("\nthree", 0, 1);
        writer.flush();
        assertThat(target).hasToString("one\r\ntwo\r\n");
    }

    @Test
    void write_returnThenOtherCharacterInNextWrite_escaped() throws IOException {
        writer.write("one\r");
        writer.write("two");
        writer.flush();
        assertThat(target).hasToString("one\\u000dtwo");
    }

    @Test
    void write_platformLineSeparatorThroughPrintWriter_passesUnchanged() {
        PrintWriter print = new PrintWriter(writer);
        print.println("one");
        print.print("two" + System.lineSeparator());
        print.flush();
        assertThat(target).hasToString("one" + System.lineSeparator() + "two" + System.lineSeparator());
    }

    @Test
    void write_partOfAString_onlyThatPartWrittenAndEscaped() throws IOException {
        writer.write("xx\u001by\u009bzz", 2, 4);
        writer.write(new char[] {'a', '\u0085', 'b', 'c'}, 1, 2);
        writer.flush();
        assertThat(target).hasToString("\\u001by\\u009bz\\u0085b");
    }

    @Test
    void write_accentsEmojiAndCjk_unchangedInUtf8() throws IOException {
        String text = "Zoë Ångström — 🏎️🏁 漢字 · ½";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer utf8 = new EscapingWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            utf8.write(text);
        }
        assertThat(bytes.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void write_surrogatePairSplitAcrossWrites_arrivesWholeInUtf8() throws IOException {
        String car = "🏎";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer utf8 = new EscapingWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        utf8.write(car.charAt(0));
        utf8.write(String.valueOf(car.charAt(1)) + "\u001b");
        utf8.write("x🏁".toCharArray(), 0, 2);
        utf8.write("🏁".substring(1));
        utf8.flush();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("🏎\\u001bx🏁");
    }

    @Test
    void flush_flushesTheTarget() throws IOException {
        CountingWriter counting = new CountingWriter();
        Writer escaping = new EscapingWriter(counting);
        escaping.write("ok");
        escaping.flush();
        assertThat(counting.flushes).isEqualTo(1);
        assertThat(counting.text).hasToString("ok");
    }

    @Test
    void flush_pendingCarriageReturn_writtenEscapedBeforeFlushing() throws IOException {
        CountingWriter counting = new CountingWriter();
        Writer escaping = new EscapingWriter(counting);
        escaping.write("winner\r");
        assertThat(counting.text).hasToString("winner");
        escaping.flush();
        assertThat(counting.text).hasToString("winner\\u000d");
        assertThat(counting.flushes).isEqualTo(1);
        escaping.write("\n");
        escaping.flush();
        assertThat(counting.text).hasToString("winner\\u000d\n");
    }

    @Test
    void close_pendingCarriageReturn_writtenEscapedAndTargetClosed() throws IOException {
        CountingWriter counting = new CountingWriter();
        Writer escaping = new EscapingWriter(counting);
        escaping.write("end\r");
        escaping.close();
        assertThat(counting.text).hasToString("end\\u000d");
        assertThat(counting.closed).isTrue();
    }

    @Test
    void write_jsonWithControlsJacksonLeavesRaw_staysValidJsonReadingBackTheSameText() throws Exception {
        String name = "Kub\u0085Kars\u009b2J\u202e\u007f\u001b\r";
        ObjectNode node = EventJson.mapper().createObjectNode().put("section_name", name);
        writer.write(node.toString());
        writer.flush();
        assertThat(target.toString()).doesNotContain("\u0085", "\u009b", "\u202e", "\u007f");
        assertThat(EventJson.mapper().readTree(target.toString()).get("section_name").asText()).isEqualTo(name);
    }

    /** Keeps what was written and counts flushes. */
    private static final class CountingWriter extends Writer {
        final StringBuilder text = new StringBuilder();
        int flushes;
        boolean closed;

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
