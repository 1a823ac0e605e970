package org.rallylab.domain.event;

import java.util.Objects;

/** A section (an independent group with its own roster, schedule and leaderboard) exists. */
public record SectionCreated(long timestamp, String rallyId, String sectionId, String sectionName,
                             String createdBy, Extras extras) implements DomainEvent {
    public static final String TYPE = "SectionCreated";

    public SectionCreated {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(sectionName, "sectionName");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
