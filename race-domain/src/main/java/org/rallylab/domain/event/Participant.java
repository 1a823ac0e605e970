package org.rallylab.domain.event;

import java.util.Objects;

/**
 * A person and their car on a roster. {@code carNumber} is null in a pre-race roster entry
 * that leaves numbering to the rally (docs/race-rules.md, Car numbers); a loaded (race-day) roster
 * always carries it.
 */
public record Participant(String participantId, String name, String carNumber, Extras extras) {
    public Participant {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extras, "extras");
    }

    public Participant(String participantId, String name, String carNumber) {
        this(participantId, name, carNumber, Extras.NONE);
    }
}
