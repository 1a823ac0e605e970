package org.rallylab.domain.event;

import java.util.Objects;

/** One more participant; nobody is renumbered. */
public record ParticipantAdded(long timestamp, String rallyId, String sectionId, Participant participant,
                               String addedBy, Extras extras) implements DomainEvent {
    public static final String TYPE = "ParticipantAdded";

    public ParticipantAdded {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
