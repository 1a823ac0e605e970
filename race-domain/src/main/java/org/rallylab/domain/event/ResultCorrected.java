package org.rallylab.domain.event;

import java.util.List;
import java.util.Objects;

/**
 * Cars were in the wrong lanes: the listed lanes of heat {@code heatNumber} held these cars.
 * Times stay with their lanes; only who sat there changes. Lanes not listed are unchanged.
 */
public record ResultCorrected(long timestamp, String rallyId, String sectionId, int heatNumber,
                              List<LaneCar> correctedLanes, String reason, Extras extras) implements DomainEvent {
    public static final String TYPE = "ResultCorrected";

    public ResultCorrected {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        correctedLanes = List.copyOf(correctedLanes);
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
