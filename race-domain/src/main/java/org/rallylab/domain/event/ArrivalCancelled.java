package org.rallylab.domain.event;

import java.util.Objects;

/**
 * Our extension (RallyLab desktop 0.1): a car checked in by mistake is not checked in after all.
 * Only before its section started; afterwards a car that cannot race is removed (CarRemoved).
 * Wire: {@code {"type":"ArrivalCancelled","rally_id","section_id","car_number"}}. A reader that does
 * not know the type keeps the car checked in.
 */
public record ArrivalCancelled(long timestamp, String rallyId, String sectionId, String carNumber,
                               Extras extras) implements DomainEvent {
    public static final String TYPE = "ArrivalCancelled";

    public ArrivalCancelled {
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
