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

    /**
     * {@code {"boot": {"firmware": "rallylab-pico 0.2.0", "reason": "fault", "detail": "MemoryError"}}}:
     * the device (re)started and serves from now on; every request and subscription it had is gone.
     * The same object is in {@code info}'s answer. {@code reason} is {@code power}, {@code reset},
     * {@code fault}, {@code watchdog}, {@code update} or {@code rollback} (another is kept as it
     * is); {@code firmware} and {@code detail} are null when absent.
     */
    record Boot(String firmware, String reason, String detail) implements Frame {
        public Boot {
            Objects.requireNonNull(reason, "reason");
        }

        /** The boot object {@code node} (a line's or {@code info}'s), or null when it has no text reason. */
        public static Boot of(JsonNode node) {
            if (node == null || !node.isObject() || !node.path("reason").isTextual()) {
                return null;
            }
            return new Boot(text(node, "firmware"), node.get("reason").asText(), text(node, "detail"));
        }

        /** "fault, MemoryError", or the reason alone: for messages. */
        public String why() {
            return detail == null || detail.isBlank() ? reason : reason + ", " + detail;
        }

        /** "fault, MemoryError; firmware rallylab-pico 0.2.0" (without the firmware when unknown): for logs. */
        public String whyAndFirmware() {
            return firmware == null ? why() : why() + "; firmware " + firmware;
        }

        /**
         * Whether this restart cut the USB line at the instant it happened, so the host saw
         * everything before it. Every restart of this firmware resets the whole chip (power-up,
         * a reset, the watchdog, and also a fault, an update and the rollback that follows one);
         * a reason it does not know (an older firmware's soft restart) may have kept the line up.
         */
        public boolean cutsTheLine() {
            return switch (reason) {
                case "power", "reset", "watchdog", "fault", "update", "rollback" -> true;
                default -> false;
            };
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value != null && value.isTextual() ? value.asText() : null;
        }
    }

    /** A line that is not a frame the host knows (not JSON, not an object, no id): ignored. */
    record Unknown(String line, String reason) implements Frame {
    }
}
