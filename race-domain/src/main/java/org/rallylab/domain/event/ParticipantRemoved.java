package org.rallylab.domain.event;

import java.util.Objects;

/** A participant leaves the roster; their car number is retired, never reused. */
public record ParticipantRemoved(long timestamp, String rallyId, String sectionId, String participantId,
                                 String carNumber, String removedBy, Extras extras) implements DomainEvent {
    public static final String TYPE = "ParticipantRemoved";

    public ParticipantRemoved {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
