package org.rallylab.track.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads a line into a {@link Frame} and writes requests as {@code {"id":N,"cmd":…,…args}} lines.
 * An {@code id} or {@code sub} must be an integer of at most 2^53 either way (negative for the
 * human form's requests): a frame with any other is not matched to anything but ignored.
 *
 * <p>Resync ({@link #frameAtEnd}): a device that stops in the middle of a line (it restarted, or
 * the host opened the port while it was writing) leaves half a frame, and its next frame is glued
 * to it on the same line. That line is no JSON, but it ends with a whole frame, which starts at one
 * of its {@code {}: tried from the right, every object inside the glued frame fails on the
 * {@code }} that closes its parent, so the first suffix that reads as a whole frame is the glued
 * frame itself. The broken start is dropped.
 */
final class FrameCodec {

    /** The largest id: every JSON reader holds integers up to 2^53 exactly (docs/track-protocol.md). */
    static final long MAX_ID = 1L << 53;

    /**
     * Strict: one JSON value per line, nothing after it. Fractions are read as written (1e400 stays
     * 1E+400, 1.0 stays 1.0, neither becomes a double), so a message can name the device's value.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final String BAD_ID = "an integer of at most 2^53";
    /** Resync tries at most this many {@code {} from the end of a line: a frame nests far less deep. */
    private static final int MAX_RESYNC_TRIES = 32;

    /** A whole frame found at the end of a line that is not one, and the broken start before it. */
    record Glued(String brokenStart, Frame frame) {
    }

    private FrameCodec() {
    }

    static Frame parse(String line) {
        if (line.isBlank()) {
            return new Frame.Unknown(line, "blank line");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return new Frame.Unknown(line, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new Frame.Unknown(line, "not a JSON object");
        }
        ObjectNode object = (ObjectNode) node;
        JsonNode id = object.get("id");
        if (object.has("event")) {
            JsonNode sub = object.get("sub");
            JsonNode name = object.get("event");
            if (!isId(sub)) {
                return new Frame.Unknown(line, "an event whose sub is not " + BAD_ID);
            }
            if (!name.isTextual()) {
                return new Frame.Unknown(line, "an event without a text event name");
            }
            ObjectNode fields = object.deepCopy();
            fields.remove("sub");
            fields.remove("event");
            return new Frame.Event(sub.longValue(), name.asText(), fields);
        }
        if (object.has("err")) {
            if (id != null && !isId(id)) {
                return new Frame.Unknown(line, "an error whose id is not " + BAD_ID);
            }
            JsonNode code = object.get("code");
            return new Frame.ErrorResponse(id == null ? null : id.longValue(), object.get("err").asText(),
                    code != null && code.isTextual() ? code.asText() : null);
        }
        if (object.has("ok")) {
            if (!isId(id)) {
                return new Frame.Unknown(line, "a response whose id is not " + BAD_ID);
            }
            return new Frame.Response(id.longValue(), object.get("ok"));
        }
        if (object.has("boot")) {
            Frame.Boot boot = Frame.Boot.of(object.get("boot"));
            return boot != null ? boot : new Frame.Unknown(line, "a boot line without a text reason");
        }
        return new Frame.Unknown(line, "neither a response nor an event");
    }

    /**
     * The whole frame a line that is not JSON ends with, behind the broken start of another (see
     * the class comment), or null when there is none.
     */
    static Glued frameAtEnd(String line) {
        int tries = 0;
        for (int start = line.lastIndexOf('{'); start > 0 && tries < MAX_RESYNC_TRIES;
                start = line.lastIndexOf('{', start - 1)) {
            tries++;
            Frame frame = parse(line.substring(start));
            if (!(frame instanceof Frame.Unknown)) {
                return new Glued(line.substring(0, start), frame);
            }
        }
        return null;
    }

    /** {@code {"id":N,"cmd":"…",…args}} and a newline, in UTF-8. */
    static byte[] encode(long id, String command, ObjectNode args) {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("id", id);
        request.put("cmd", command);
        if (args != null) {
            for (Map.Entry<String, JsonNode> arg : args.properties()) {
                if (arg.getKey().equals("id") || arg.getKey().equals("cmd")) {
                    throw new IllegalArgumentException("'" + arg.getKey() + "' is not an argument of '" + command
                            + "': the client sets it");
                }
                request.set(arg.getKey(), arg.getValue());
            }
        }
        try {
            byte[] json = MAPPER.writeValueAsBytes(request);
            byte[] line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code node} is a usable id or sub: an integer of magnitude at most 2^53. */
    static boolean isId(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong()
                && node.longValue() >= -MAX_ID && node.longValue() <= MAX_ID;
    }
}
