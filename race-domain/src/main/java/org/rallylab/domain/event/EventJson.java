package org.rallylab.domain.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The wire format of events (docs/events.md): one JSON object per event, PascalCase {@code type},
 * snake_case fields, string car numbers (numbers accepted on input), unknown keys kept and
 * unknown types kept as {@link UnrecognizedEvent}.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private EventJson() {
    }

    /** The mapper every module uses for the wire format (strict: one value per text, no duplicate keys). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static DomainEvent read(String json) throws EventFormatException {
        return read(parse(json));
    }

    public static DomainEvent read(JsonNode json) throws EventFormatException {
        return EventReader.read(json);
    }

    /**
     * Rebuilds an event from a stored envelope: its type, timestamp and payload (the event's
     * other fields), as the rally file and backups keep them.
     */
    public static DomainEvent read(String type, long timestamp, JsonNode payload) throws EventFormatException {
        if (payload == null || !payload.isObject()) {
            throw new EventFormatException(type + ": payload must be a JSON object");
        }
        return EventReader.read(type, timestamp, (ObjectNode) payload);
    }

    public static String write(DomainEvent event) {
        return toNode(event).toString();
    }

    public static ObjectNode toNode(DomainEvent event) {
        return EventWriter.write(event);
    }

    /** The event's fields besides {@code type} and {@code timestamp}. */
    public static ObjectNode payload(DomainEvent event) {
        ObjectNode node = EventWriter.write(event);
        node.remove("type");
        node.remove("timestamp");
        return node;
    }

    /** Parses one JSON value, strictly; the message names what is wrong with the text. */
    public static JsonNode parse(String json) throws EventFormatException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
