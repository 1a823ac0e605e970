package org.rallylab.sync.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventJson;

/**
 * One domain_events row as a laptop pushes it: the columns, with the payload being the event's
 * fields besides type (plus its timestamp), moved to the given rally and section.
 */
record EventRow(UUID rallyId, UUID sectionId, String eventType, ObjectNode payload, UUID createdBy,
                Long clientEventId) {

    /**
     * The row for {@code event} moved to {@code rally} (and {@code section} when the event belongs
     * to a section; rally-level events stay without one), pushed by {@code createdBy}.
     */
    static EventRow of(DomainEvent event, UUID rally, UUID section, UUID createdBy, Long clientEventId) {
        ObjectNode payload = EventJson.payload(event);
        payload.put("timestamp", event.timestamp());
        if (payload.has("rally_id")) {
            payload.put("rally_id", rally.toString());
        }
        UUID rowSection = null;
        if (event.sectionId() != null) {
            rowSection = section;
            payload.put("section_id", section.toString());
        }
        return new EventRow(rally, rowSection, event.type(), payload, createdBy, clientEventId);
    }

    EventRow withCreatedBy(UUID user) {
        return new EventRow(rallyId, sectionId, eventType, payload, user, clientEventId);
    }

    EventRow withClientEventId(Long id) {
        return new EventRow(rallyId, sectionId, eventType, payload, createdBy, id);
    }

    ObjectNode toJson() {
        ObjectNode row = EventJson.mapper().createObjectNode();
        row.put("rally_id", rallyId.toString());
        row.put("section_id", sectionId == null ? null : sectionId.toString());
        row.put("event_type", eventType);
        row.set("payload", payload);
        row.put("created_by", createdBy == null ? null : createdBy.toString());
        if (clientEventId == null) {
            row.putNull("client_event_id");
        } else {
            row.put("client_event_id", clientEventId);
        }
        return row;
    }
}
