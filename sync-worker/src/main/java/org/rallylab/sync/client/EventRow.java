package org.rallylab.sync.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.rallylab.domain.event.EventJson;
import org.rallylab.store.StoredEvent;

/**
 * One row to insert into the server's {@code domain_events}: the columns PostgREST receives.
 * {@code payload} is the stored payload (the event's fields besides {@code type} and
 * {@code timestamp}) plus {@code "timestamp"}, because the table has no column for the
 * event's own time and a pulled event must come back exactly as it was recorded.
 * {@code clientEventId} numbers the row among everything pushed to the rally: the writer id of
 * the laptop's rally file in the high bits and its local sequence number in the low 32
 * ({@link #clientEventId}), so two laptops writing one rally (an organizer and a registrar) never
 * send the same key. A file made before writer ids (writer 0) sends its sequence number as is.
 */
public record EventRow(String rallyId, String sectionId, String eventType, JsonNode payload, String createdBy,
                       long clientEventId) {

    public EventRow {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdBy, "createdBy");
        if (clientEventId < 1) {
            throw new IllegalArgumentException("client_event_id " + clientEventId + " is not a log position");
        }
    }

    /** Sequence numbers take the low 32 bits of a client_event_id; the writer id the bits above. */
    public static final int SEQUENCE_BITS = 32;

    /** The client_event_id of local event {@code sequence} of a rally file with writer id {@code writerId}. */
    public static long clientEventId(long writerId, long sequence) {
        if (writerId < 0 || writerId > 1L << 30 || sequence < 1 || sequence >= 1L << SEQUENCE_BITS) {
            throw new IllegalArgumentException("writer " + writerId + " and sequence " + sequence
                    + " do not make a client_event_id (writer 0 to 2^30, sequence 1 to 2^32 - 1)");
        }
        return writerId << SEQUENCE_BITS | sequence;
    }

    /**
     * Whether a row with {@code clientEventId} was pushed from a rally file with writer id
     * {@code writerId} (this laptop's own row, already in the file). Writer 0 (a file made before
     * writer ids) claims every plain sequence number.
     */
    public static boolean pushedBy(long writerId, Long clientEventId) {
        return clientEventId != null && clientEventId > 0 && clientEventId >>> SEQUENCE_BITS == writerId;
    }

    /** The row for a stored event of a writer-0 file pushed by user {@code createdBy}; the event must name its rally. */
    public static EventRow of(StoredEvent stored, String createdBy) {
        return of(stored, null, 0, createdBy);
    }

    /**
     * The row for a stored event of the rally file with writer id {@code writerId}, pushed by
     * user {@code createdBy}; {@code fileRallyId} (the rally file's rally) stands in for an
     * unrecognized event that names no rally.
     */
    public static EventRow of(StoredEvent stored, String fileRallyId, long writerId, String createdBy) {
        String rally = stored.rallyId() != null ? stored.rallyId() : fileRallyId;
        if (rally == null) {
            throw new IllegalArgumentException("event " + stored.sequence() + " (" + stored.type()
                    + ") names no rally, and neither does its rally file: it cannot be pushed");
        }
        ObjectNode payload;
        try {
            JsonNode parsed = EventJson.mapper().readTree(stored.payloadJson());
            if (!parsed.isObject()) {
                throw new IllegalArgumentException("event " + stored.sequence() + " (" + stored.type()
                        + ") has a payload that is not a JSON object");
            }
            payload = (ObjectNode) parsed;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + stored.sequence() + " (" + stored.type()
                    + ") has a payload that is not valid JSON: " + e.getOriginalMessage(), e);
        }
        payload.put("timestamp", stored.timestamp());
        return new EventRow(rally, stored.sectionId(), stored.type(), payload, createdBy,
                clientEventId(writerId, stored.sequence()));
    }

    /** The row as PostgREST receives it (every column present, so a batch has one set of keys). */
    ObjectNode toJson() {
        ObjectNode row = EventJson.mapper().createObjectNode();
        row.put("rally_id", rallyId);
        if (sectionId == null) {
            row.putNull("section_id");
        } else {
            row.put("section_id", sectionId);
        }
        row.put("event_type", eventType);
        row.set("payload", payload);
        row.put("created_by", createdBy);
        row.put("client_event_id", clientEventId);
        return row;
    }
}
