package org.rallylab.track.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBuilderTest {

    private static final String STREAM = "{\"id\":1,\"ok\":{\"protocol\":\"2.0\"}}\n"
            + "{\"sub\":7,\"event\":\"state\",\"lane\":2,\"name\":\"Élodie ✓ 🏁\"}\r\n"
            + "{\"id\":2,\"err\":\"busy\",\"code\":\"busy\"}\n";
    private static final List<String> LINES = List.of(
            "{\"id\":1,\"ok\":{\"protocol\":\"2.0\"}}",
            "{\"sub\":7,\"event\":\"state\",\"lane\":2,\"name\":\"Élodie ✓ 🏁\"}",
            "{\"id\":2,\"err\":\"busy\",\"code\":\"busy\"}");

    private final List<String> lines = new ArrayList<>();
    private final RecordingLogger log = new RecordingLogger();

    private LineBuilder builder() {
        return new LineBuilder(LineBuilder.MAX_LINE_BYTES, "test", lines::add, log);
    }

    @Test
    void accept_streamSplitInTwoAtEveryByteBoundary_sameLines() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            lines.clear();
            LineBuilder builder = builder();
            builder.accept(Arrays.copyOfRange(bytes, 0, cut));
            builder.accept(Arrays.copyOfRange(bytes, cut, bytes.length));
            assertThat(lines).as("cut at byte %d", cut).isEqualTo(LINES);
            assertThat(builder.buffered()).isZero();
        }
    }

    @Test
    void accept_streamSplitInThreeAtEveryPairOfBoundaries_sameLines() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        for (int first = 0; first <= bytes.length; first++) {
            for (int second = first; second <= bytes.length; second++) {
                lines.clear();
                LineBuilder builder = builder();
                builder.accept(bytes, 0, first);
                builder.accept(bytes, first, second - first);
                builder.accept(bytes, second, bytes.length - second);
                assertThat(lines).as("cuts at %d and %d", first, second).isEqualTo(LINES);
            }
        }
    }

    @Test
    void accept_oneByteAtATime_sameLines() {
        LineBuilder builder = builder();
        for (byte b : STREAM.getBytes(StandardCharsets.UTF_8)) {
            builder.accept(new byte[] {b});
        }
        assertThat(lines).isEqualTo(LINES);
    }

    @Test
    void accept_partialLine_heldUntilItsNewline() {
        LineBuilder builder = builder();
        builder.accept("{\"id\":1,".getBytes(StandardCharsets.UTF_8));
        assertThat(lines).isEmpty();
        assertThat(builder.buffered()).isEqualTo(8);
        builder.accept("\"ok\":{}}\n{\"id\"".getBytes(StandardCharsets.UTF_8));
        assertThat(lines).containsExactly("{\"id\":1,\"ok\":{}}");
        assertThat(builder.buffered()).isEqualTo(5);
    }

    @Test
    void accept_crLfAndBlankLines_crDroppedBlanksSkipped() {
        builder().accept("a\r\n\r\n\nb\n\r\nc\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(lines).containsExactly("a", "b", "c");
    }

    @Test
    void accept_crInsideLine_kept() {
        builder().accept("a\rb\n".getBytes(StandardCharsets.UTF_8));
        assertThat(lines).containsExactly("a\rb");
    }

    @Test
    void accept_oneMegabyteLine_droppedWithOneWarningAndNextLineKept() {
        LineBuilder builder = builder();
        builder.accept("{\"id\":1,\"ok\":{}}\n".getBytes(StandardCharsets.UTF_8));
        byte[] chunk = new byte[8192];
        Arrays.fill(chunk, (byte) 'x');
        int maxBuffered = 0;
        for (int sent = 0; sent < 1 << 20; sent += chunk.length) {
            builder.accept(chunk);
            maxBuffered = Math.max(maxBuffered, builder.buffered());
        }
        builder.accept("yyy\n{\"id\":2,\"ok\":{}}\n".getBytes(StandardCharsets.UTF_8));

        assertThat(lines).containsExactly("{\"id\":1,\"ok\":{}}", "{\"id\":2,\"ok\":{}}");
        assertThat(maxBuffered).isLessThanOrEqualTo(LineBuilder.MAX_LINE_BYTES + 1);
        assertThat(log.messages(System.Logger.Level.WARNING)).singleElement().asString()
                .contains("longer than 65536 bytes", "test");
    }

    @Test
    void accept_oneMegabyteLineInOneChunk_droppedWithOneWarning() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] big = new byte[1 << 20];
        Arrays.fill(big, (byte) 'x');
        all.writeBytes(big);
        all.writeBytes("\nok\n".getBytes(StandardCharsets.UTF_8));
        builder().accept(all.toByteArray());
        assertThat(lines).containsExactly("ok");
        assertThat(log.messages(System.Logger.Level.WARNING)).hasSize(1);
    }

    @Test
    void accept_lineOfExactlyTheLimit_kept_oneMore_dropped() {
        LineBuilder builder = new LineBuilder(10, "test", lines::add, log);
        builder.accept("0123456789\r\n0123456789A\nok\n".getBytes(StandardCharsets.UTF_8));
        assertThat(lines).containsExactly("0123456789", "ok");
        assertThat(log.messages(System.Logger.Level.WARNING)).hasSize(1);
    }

    @Test
    void accept_twoOverlongLines_oneWarningEach() {
        LineBuilder builder = new LineBuilder(4, "test", lines::add, log);
        builder.accept("aaaaaaaa\nbb\ncccccccccccc\ndd\n".getBytes(StandardCharsets.UTF_8));
        assertThat(lines).containsExactly("bb", "dd");
        assertThat(log.messages(System.Logger.Level.WARNING)).hasSize(2);
    }

    @Test
    void accept_garbageBytes_passedOnAsLinesForTheCodecToIgnore() {
        byte[] garbage = {(byte) 0xFF, (byte) 0xFE, 'a', 0, '\n', '#', ' ', 'h', 'i', '\n'};
        builder().accept(garbage);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("# hi");
        assertThat(lines).allSatisfy(line -> assertThat(FrameCodec.parse(line)).isInstanceOf(Frame.Unknown.class));
    }
}
