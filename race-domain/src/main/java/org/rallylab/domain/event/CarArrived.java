package org.rallylab.domain.event;

import java.util.Objects;

/** A car checked in; only arrived cars are scheduled. After the section started it is a late arrival. */
public record CarArrived(long timestamp, String rallyId, String sectionId, String carNumber,
                         Extras extras) implements DomainEvent {
    public static final String TYPE = "CarArrived";

    public CarArrived {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(carNumber, "carNumber");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
