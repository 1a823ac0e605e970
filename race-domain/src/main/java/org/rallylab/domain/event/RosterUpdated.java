package org.rallylab.domain.event;

import java.util.List;
import java.util.Objects;

/**
 * Replaces the roster of a section, or only the members of one group of it when
 * {@code groupId} is given (null otherwise). Latest wins.
 */
public record RosterUpdated(long timestamp, String rallyId, String sectionId, String groupId,
                            List<Participant> participants, String submittedBy,
                            Extras extras) implements DomainEvent {
    public static final String TYPE = "RosterUpdated";

    public RosterUpdated {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        participants = List.copyOf(participants);
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
