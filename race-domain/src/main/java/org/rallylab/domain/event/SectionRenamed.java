package org.rallylab.domain.event;

import java.util.Objects;

/**
 * A section has a new name (extension of RallyLab desktop 0.1, see docs/event-extensions.md).
 * A reader that does not know the type keeps it and ignores it.
 */
public record SectionRenamed(long timestamp, String rallyId, String sectionId, String sectionName,
                             Extras extras) implements DomainEvent {
    public static final String TYPE = "SectionRenamed";

    public SectionRenamed {
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
