package org.rallylab.domain.event;

import java.util.Objects;

/**
 * The car leaves all future heats; its past results stay, marked incomplete. {@code reason}
 * is "destroyed" or "disqualified"; {@code heat} is the section's current heat at removal.
 */
public record CarRemoved(long timestamp, String rallyId, String sectionId, String carNumber, int heat,
                         String reason, Extras extras) implements DomainEvent {
    public static final String TYPE = "CarRemoved";
    public static final String DESTROYED = "destroyed";
    public static final String DISQUALIFIED = "disqualified";

    public CarRemoved {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(carNumber, "carNumber");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
