package org.rallylab.domain.event;

import java.util.Objects;

/** The section is over: every heat done, or ended early by the operator ({@code earlyEnd}). */
public record SectionCompleted(long timestamp, String rallyId, String sectionId, int totalHeats,
                               boolean earlyEnd, Extras extras) implements DomainEvent {
    public static final String TYPE = "SectionCompleted";

    public SectionCompleted {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
