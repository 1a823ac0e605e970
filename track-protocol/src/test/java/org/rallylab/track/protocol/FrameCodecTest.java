package org.rallylab.track.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    @Test
    void parse_response_idAndOk() {
        Frame frame = FrameCodec.parse("{\"id\":5,\"ok\":{\"protocol\":\"2.0\",\"lane_count\":4}}");
        assertThat(frame).isInstanceOfSatisfying(Frame.Response.class, r -> {
            assertThat(r.id()).isEqualTo(5);
            assertThat(r.ok().get("lane_count").asInt()).isEqualTo(4);
        });
    }

    @Test
    void parse_okNull_nullNode() {
        Frame frame = FrameCodec.parse("{\"id\":5,\"ok\":null}");
        assertThat(frame).isInstanceOfSatisfying(Frame.Response.class, r -> assertThat(r.ok().isNull()).isTrue());
    }

    @Test
    void parse_error_idMessageAndCode() {
        Frame frame = FrameCodec.parse("{\"id\":5,\"err\":\"a race is armed on lanes 1234\",\"code\":\"busy\"}");
        assertThat(frame).isEqualTo(new Frame.ErrorResponse(5L, "a race is armed on lanes 1234", "busy"));
    }

    @Test
    void parse_badFrameWithoutId_idNull() {
        Frame frame = FrameCodec.parse("{\"err\":\"line too long\",\"code\":\"bad_frame\"}");
        assertThat(frame).isEqualTo(new Frame.ErrorResponse(null, "line too long", "bad_frame"));
    }

    @Test
    void parse_errorWithoutCode_codeNull() {
        assertThat(FrameCodec.parse("{\"id\":3,\"err\":\"no\"}")).isEqualTo(new Frame.ErrorResponse(3L, "no", null));
    }

    @Test
    void parse_event_fieldsWithoutSubAndEvent() {
        Frame frame = FrameCodec.parse("{\"sub\":7,\"event\":\"state\",\"lane\":2,\"triggered\":true,\"ms\":1234}");
        assertThat(frame).isInstanceOfSatisfying(Frame.Event.class, e -> {
            assertThat(e.sub()).isEqualTo(7);
            assertThat(e.name()).isEqualTo("state");
            assertThat(e.integer("lane")).isEqualTo(2);
            assertThat(e.bool("triggered")).isTrue();
            assertThat(e.fields().has("sub")).isFalse();
            assertThat(e.fields().has("event")).isFalse();
            assertThat(e.text("lane")).isNull();
        });
    }

    @Test
    void parse_overflow_anEvent() {
        assertThat(FrameCodec.parse("{\"sub\":7,\"event\":\"overflow\",\"dropped\":12}"))
                .isInstanceOfSatisfying(Frame.Event.class, e -> assertThat(e.integer("dropped")).isEqualTo(12));
    }

    @Test
    void parse_unknownFields_ignored() {
        Frame frame = FrameCodec.parse("{\"id\":5,\"ok\":{},\"extra\":[1,2],\"v\":3}");
        assertThat(frame).isInstanceOf(Frame.Response.class);
    }

    @Test
    void parse_negativeIdOfAHumanRequest_aResponse() {
        assertThat(FrameCodec.parse("{\"id\":-1,\"ok\":{}}"))
                .isInstanceOfSatisfying(Frame.Response.class, r -> assertThat(r.id()).isEqualTo(-1));
    }

    @Test
    void parse_unknownShapes_unknown() {
        for (String line : new String[] {
                "not json", "# a comment", "[1,2]", "42", "null", "\"text\"", "{}", "{\"foo\":1}",
                "{\"id\":\"5\",\"ok\":{}}", "{\"id\":1.5,\"ok\":{}}", "{\"ok\":{}}", "{\"sub\":\"x\",\"event\":\"state\"}",
                "{\"sub\":1,\"event\":5}", "{\"id\":1,\"ok\":{}} {\"id\":2,\"ok\":{}}", "{\"id\":1,\"ok\":{}", "   "}) {
            assertThat(FrameCodec.parse(line)).as(line).isInstanceOf(Frame.Unknown.class);
        }
    }

    @Test
    void parse_idOrSubNotAnIntegerOfAtMost2pow53_refusedNotMatched_issue11() {
        for (String line : new String[] {
                "{\"id\":9007199254740993,\"ok\":{}}", "{\"id\":-9007199254740993,\"ok\":{}}",
                "{\"id\":9223372036854775807,\"ok\":{}}", "{\"id\":-9223372036854775808,\"ok\":{}}",
                "{\"id\":1e400,\"ok\":{}}", "{\"id\":1.0,\"ok\":{}}",
                "{\"id\":9007199254740993,\"err\":\"no\",\"code\":\"bad_args\"}",
                "{\"id\":2.5,\"err\":\"no\",\"code\":\"bad_frame\"}", "{\"id\":\"7\",\"err\":\"no\"}",
                "{\"id\":null,\"err\":\"no\"}", "{\"sub\":9007199254740993,\"event\":\"state\"}"}) {
            assertThat(FrameCodec.parse(line)).as(line).isInstanceOfSatisfying(Frame.Unknown.class,
                    u -> assertThat(u.reason()).contains("2^53"));
        }
        assertThat(FrameCodec.parse("{\"id\":9007199254740992,\"ok\":{}}"))
                .isEqualTo(new Frame.Response(9007199254740992L, FrameCodec.MAPPER.createObjectNode()));
        assertThat(FrameCodec.parse("{\"id\":-9007199254740992,\"err\":\"no\"}"))
                .isEqualTo(new Frame.ErrorResponse(-9007199254740992L, "no", null));
        assertThat(FrameCodec.parse("{\"sub\":9007199254740992,\"event\":\"state\"}")).isInstanceOf(Frame.Event.class);
    }

    @Test
    void parse_bootLine_aBootFrame() {
        assertThat(FrameCodec.parse("{\"boot\":{\"detail\":\"MemoryError\",\"firmware\":\"rallylab-pico 0.2.0\","
                + "\"reason\":\"fault\"}}"))
                .isEqualTo(new Frame.Boot("rallylab-pico 0.2.0", "fault", "MemoryError"));
        assertThat(FrameCodec.parse("{\"boot\":{\"reason\":\"power\"}}"))
                .isEqualTo(new Frame.Boot(null, "power", null));
    }

    @Test
    void parse_bootWithoutAReason_unknown() {
        for (String line : new String[] {"{\"boot\":{}}", "{\"boot\":\"power\"}", "{\"boot\":{\"reason\":5}}"}) {
            assertThat(FrameCodec.parse(line)).as(line).isInstanceOf(Frame.Unknown.class);
        }
    }

    @Test
    void parse_crLfLeftOn_stillAFrame() {
        assertThat(FrameCodec.parse("{\"id\":5,\"ok\":{}}\r")).isInstanceOf(Frame.Response.class);
    }

    @Test
    void frameAtEnd_halfAFrameGluedToAWholeOne_theWholeOneAndTheBrokenStart() {
        String race = "{\"id\":7,\"ok\":{\"lanes\":\"12\",\"race_id\":\"r-1\",\"times_ms\":{\"1\":2346},"
                + "\"times_us\":{\"1\":2345678}}}";
        for (String broken : new String[] {"{\"event\":\"state\",\"gate_re", "{\"id\":3,\"ok\":{\"a\":{\"b\":",
                "{\"err\":\"text with { and } in it", "ady\":true,\"ms\":5,\"sub\":3}", "\u0000garbage{{"}) {
            FrameCodec.Glued glued = FrameCodec.frameAtEnd(broken + race);
            assertThat(glued).as(broken).isNotNull();
            assertThat(glued.brokenStart()).isEqualTo(broken);
            assertThat(glued.frame()).isInstanceOfSatisfying(Frame.Response.class, r -> {
                assertThat(r.id()).isEqualTo(7);
                assertThat(r.ok().get("race_id").asText()).isEqualTo("r-1");
            });
        }
        assertThat(FrameCodec.frameAtEnd("{\"event\":\"sta{\"boot\":{\"reason\":\"fault\"}}").frame())
                .isEqualTo(new Frame.Boot(null, "fault", null));
    }

    @Test
    void frameAtEnd_noWholeFrameAtTheEnd_null() {
        for (String line : new String[] {"not json", "{\"id\":1,\"ok\":{", "ate\":true,\"ms\":1,\"sub\":3}",
                "x{\"what\":\"ever\"}", "x{\"id\":1,\"ok\":{}} trailing", "{", "{{{{"}) {
            assertThat(FrameCodec.frameAtEnd(line)).as(line).isNull();
        }
    }

    @Test
    void encode_request_idCmdThenArgsAndNewline() {
        ObjectNode args = FrameCodec.MAPPER.createObjectNode().put("lanes", "1356").put("after", "abc");
        byte[] line = FrameCodec.encode(12, "wait_race", args);
        assertThat(new String(line, StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":12,\"cmd\":\"wait_race\",\"lanes\":\"1356\",\"after\":\"abc\"}\n");
    }

    @Test
    void encode_noArgs_idAndCmd() {
        assertThat(new String(FrameCodec.encode(1, "info", null), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":1,\"cmd\":\"info\"}\n");
    }

    @Test
    void encode_argNamedId_rejected() {
        ObjectNode args = FrameCodec.MAPPER.createObjectNode().put("id", 3);
        assertThatThrownBy(() -> FrameCodec.encode(1, "info", args))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'id'");
    }
}
