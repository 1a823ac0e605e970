package org.rallylab.sync.client;

import java.util.Objects;
import org.rallylab.domain.event.DomainEvent;

/**
 * One row read back from the server's {@code domain_events}, in server order ({@code id}),
 * with its event decoded. {@code sectionId}, {@code createdBy} and {@code clientEventId} may be
 * null (rally-level events; rows written by other clients).
 */
public record PulledEvent(long id, String rallyId, String sectionId, Long clientEventId, String createdBy,
                          DomainEvent event) {

    public PulledEvent {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(event, "event");
    }
}
