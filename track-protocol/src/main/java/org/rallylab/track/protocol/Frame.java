package org.rallylab.track.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One line the track controller sent, read (docs/track-protocol.md, "Requests and responses" and
 * "Topics and events"). Unknown fields are ignored; a line that is none of these is {@link Unknown}.
 */
public sealed interface Frame {

    /** {@code {"id": 5, "ok": {...}}}; {@code ok} is a {@code NullNode} when the device sent null. */
    record Response(long id, JsonNode ok) implements Frame {
        public Response {
            Objects.requireNonNull(ok, "ok");
        }
    }

    /**
     * {@code {"id": 5, "err": "message", "code": "bad_args"}}. {@code id} is null when the device could
     * not read the line it answers ({@code bad_frame}); {@code code} is null when the device sent none.
     */
    record ErrorResponse(Long id, String message, String code) implements Frame {
        public ErrorResponse {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * {@code {"sub": 7, "event": "state", ...}}: {@code fields} holds every field but {@code sub} and
     * {@code event}. Treat it as read-only.
     */
    record Event(long sub, String name, ObjectNode fields) implements Frame {
        public Event {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fields, "fields");
        }

        /** The text field {@code name}, or null when absent or not text. */
        public String text(String field) {
            JsonNode value = fields.get(field);
            return value != null && value.isTextual() ? value.asText() : null;
        }

        /** The boolean field {@code name}, or null when absent or not a boolean. */
        public Boolean bool(String field) {
            JsonNode value = fields.get(field);
            return value != null && value.isBoolean() ? value.booleanValue() : null;
        }

        /** The integer field {@code name}, or null when absent or not an integer. */
        public Long integer(String field) {
            JsonNode value = fields.get(field);
            return value != null && value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : null;
        }
    }

    /** A line that is not a frame the host knows (not JSON, not an object, no id): ignored. */
    record Unknown(String line, String reason) implements Frame {
    }
}
