package org.rallylab.domain.event;

import java.util.List;
import java.util.Objects;

/** Racing begins on these lanes; the schedule is generated from the arrived cars. */
public record SectionStarted(long timestamp, String rallyId, String sectionId, List<Integer> availableLanes,
                             Extras extras) implements DomainEvent {
    public static final String TYPE = "SectionStarted";

    public SectionStarted {
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
