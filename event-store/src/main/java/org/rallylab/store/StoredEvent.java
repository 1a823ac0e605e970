package org.rallylab.store;

import java.util.Objects;
import org.rallylab.domain.event.DomainEvent;

/**
 * An event as the log keeps it: its sequence number (1, 2, 3 … per log, the
 * {@code client_event_id} of docs/events.md), the event, and its payload as stored, the event's fields besides
 * {@code type} and {@code timestamp} as JSON text.
 */
public record StoredEvent(long sequence, DomainEvent event, String payloadJson) {

    public StoredEvent {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence " + sequence + " is not a log position: they start at 1");
        }
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }

    public String type() {
        return event.type();
    }

    /** The section the event belongs to, or null for a rally-level event. */
    public String sectionId() {
        return event.sectionId();
    }

    public String rallyId() {
        return event.rallyId();
    }

    public long timestamp() {
        return event.timestamp();
    }
}
