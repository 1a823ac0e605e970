package org.rallylab.domain.event;

import java.util.Objects;

/** The current result of the heat is void; it is raced again. {@code reason} may be null. */
public record RerunDeclared(long timestamp, String rallyId, String sectionId, int heat, String reason,
                            Extras extras) implements DomainEvent {
    public static final String TYPE = "RerunDeclared";

    public RerunDeclared {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
