package org.rallylab.domain.event;

import java.util.List;
import java.util.Objects;

/** The frozen roster snapshot race day uses; only loaded sections can race. Every entry has a car number. */
public record RosterLoaded(long timestamp, String rallyId, String sectionId, String sectionName,
                           List<Participant> participants, Extras extras) implements DomainEvent {
    public static final String TYPE = "RosterLoaded";

    public RosterLoaded {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(sectionName, "sectionName");
        participants = List.copyOf(participants);
        for (Participant p : participants) {
            Objects.requireNonNull(p.carNumber(), "a loaded roster entry needs a car number");
        }
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
