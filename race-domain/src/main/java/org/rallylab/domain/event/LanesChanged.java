package org.rallylab.domain.event;

import java.util.List;
import java.util.Objects;

/** The lane set is replaced mid-section (a sensor died); the remaining heats are rescheduled. */
public record LanesChanged(long timestamp, String rallyId, String sectionId, List<Integer> availableLanes,
                           String reason, Extras extras) implements DomainEvent {
    public static final String TYPE = "LanesChanged";

    public LanesChanged {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        availableLanes = List.copyOf(availableLanes);
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
