package org.rallylab.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventFormatException;
import org.rallylab.domain.event.EventJson;

/**
 * Decodes the rows of a pull into {@link PulledEvent}s. The event's time is the payload's
 * {@code timestamp} (as {@link EventRow} writes it), or else the row's {@code created_at}.
 * A row that does not decode is a {@link CloudException.BadRow} naming its id.
 */
final class Rows {

    private Rows() {
    }

    static List<PulledEvent> decode(JsonNode body, String rallyId) throws CloudException {
        if (body == null || !body.isArray()) {
            throw new CloudException.NotJson(200, CloudException.NotJson.WEB_PAGE
                    + " (the answer to a pull is not a list of rows)");
        }
        List<PulledEvent> events = new ArrayList<>(body.size());
        for (JsonNode row : body) {
            events.add(decodeRow(row, rallyId));
        }
        return events;
    }

    private static PulledEvent decodeRow(JsonNode row, String rallyId) throws CloudException {
        long id = row.path("id").canConvertToLong() && row.path("id").isIntegralNumber() ? row.path("id").asLong() : 0;
        if (id <= 0) {
            throw new CloudException.BadRow(0, "The server sent a row without an id (" + clip(row)
                    + "): is the URL the rally's Supabase project?", null);
        }
        String type = text(row, "event_type");
        JsonNode payload = row.get("payload");
        if (type == null || payload == null || !payload.isObject()) {
            throw new CloudException.BadRow(id, "Server row " + id + " has no event_type or no payload object:"
                    + " it was not written by RallyLab", null);
        }
        long timestamp = timestamp(id, type, row, payload);
        DomainEvent event;
        try {
            event = EventJson.read(type, timestamp, payload);
        } catch (EventFormatException e) {
            throw new CloudException.BadRow(id, "Server row " + id + " (" + type + ") cannot be read: "
                    + e.getMessage(), e);
        }
        String rowRally = text(row, "rally_id");
        String rally = rowRally != null ? rowRally : rallyId;
        if (event.rallyId() != null && !event.rallyId().equalsIgnoreCase(rally)) {
            throw new CloudException.BadRow(id, "Server row " + id + " (" + type + ") is filed under rally " + rally
                    + " but its payload names rally " + event.rallyId(), null);
        }
        JsonNode client = row.get("client_event_id");
        Long clientEventId = client != null && client.isIntegralNumber() ? client.asLong() : null;
        return new PulledEvent(id, rally, text(row, "section_id"), clientEventId, text(row, "created_by"), event);
    }

    private static long timestamp(long id, String type, JsonNode row, JsonNode payload) throws CloudException {
        JsonNode stamp = payload.get("timestamp");
        if (stamp != null && stamp.isIntegralNumber() && stamp.canConvertToLong()) {
            return stamp.asLong();
        }
        String created = text(row, "created_at");
        if (created != null) {
            try {
                return OffsetDateTime.parse(created).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new CloudException.BadRow(id, "Server row " + id + " (" + type + ") has no payload timestamp"
                        + " and an unreadable created_at \"" + created + "\"", e);
            }
        }
        throw new CloudException.BadRow(id, "Server row " + id + " (" + type + ") has no timestamp", null);
    }

    private static String text(JsonNode row, String name) {
        JsonNode value = row.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String clip(JsonNode row) {
        String text = row.toString();
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
