package org.rallylab.domain.event;

import java.util.List;
import java.util.Objects;

/** The operator ranked the heat by eye (no times). A staged lane missing from the rankings is DNF. */
public record ResultManuallyEntered(long timestamp, String rallyId, String sectionId, int heat,
                                    List<Ranking> rankings, Extras extras) implements DomainEvent {
    public static final String TYPE = "ResultManuallyEntered";

    public ResultManuallyEntered {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        rankings = List.copyOf(rankings);
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
