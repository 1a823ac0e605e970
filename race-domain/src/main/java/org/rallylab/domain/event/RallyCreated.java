package org.rallylab.domain.event;

import java.util.Objects;

/** A rally exists. {@code rallyDate} is an ISO date (2026-02-15). */
public record RallyCreated(long timestamp, String rallyId, String rallyName, String rallyDate,
                           String createdBy, Extras extras) implements DomainEvent {
    public static final String TYPE = "RallyCreated";

    public RallyCreated {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(rallyName, "rallyName");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
