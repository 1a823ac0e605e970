package org.rallylab.domain.event;

import java.util.Objects;

/**
 * Fixes a participant's name or group, never the car number. {@code name} null = unchanged.
 * {@code group} null = unchanged; {@code group.groupId()} null = no group (the wire's
 * {@code "group_id": null}).
 */
public record ParticipantUpdated(long timestamp, String rallyId, String sectionId, String participantId,
                                 String name, GroupChange group, String updatedBy,
                                 Extras extras) implements DomainEvent {
    public static final String TYPE = "ParticipantUpdated";

    public ParticipantUpdated {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The new group of a participant; {@code groupId} null means "no group". */
    public record GroupChange(String groupId) {
    }
}
