package org.rallylab.domain.event;

import java.util.Objects;

/** A group (a Scout troop or pack) that participants may belong to. */
public record GroupCreated(long timestamp, String rallyId, String groupId, String groupName,
                           Extras extras) implements DomainEvent {
    public static final String TYPE = "GroupCreated";

    public GroupCreated {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
