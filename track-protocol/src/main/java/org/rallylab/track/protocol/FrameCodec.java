package org.rallylab.track.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/** Reads a line into a {@link Frame} and writes requests as {@code {"id":N,"cmd":…,…args}} lines. */
final class FrameCodec {

    /** Strict: one JSON value per line, nothing after it. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

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
            if (!isInteger(sub) || !name.isTextual()) {
                return new Frame.Unknown(line, "an event without a numeric sub or a text event name");
            }
            ObjectNode fields = object.deepCopy();
            fields.remove("sub");
            fields.remove("event");
            return new Frame.Event(sub.longValue(), name.asText(), fields);
        }
        if (object.has("err")) {
            JsonNode code = object.get("code");
            return new Frame.ErrorResponse(isInteger(id) ? id.longValue() : null, object.get("err").asText(),
                    code != null && code.isTextual() ? code.asText() : null);
        }
        if (object.has("ok")) {
            if (!isInteger(id)) {
                return new Frame.Unknown(line, "a response without a numeric id");
            }
            return new Frame.Response(id.longValue(), object.get("ok"));
        }
        return new Frame.Unknown(line, "neither a response nor an event");
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

    private static boolean isInteger(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong();
    }
}
