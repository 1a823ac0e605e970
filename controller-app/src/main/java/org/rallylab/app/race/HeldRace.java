package org.rallylab.app.race;

import java.util.Objects;
import org.rallylab.domain.command.Command;

/**
 * A race with a physically impossible time (docs/race-rules.md), waiting for the operator: nothing is in the
 * rally file until {@link RaceLoop#acceptHeld()}; {@link RaceLoop#rerunHeld()} drops it and races
 * the heat again. {@code message} names the lane, the car and the time.
 */
public record HeldRace(Command.RecordRace race, String message) {
    public HeldRace {
        Objects.requireNonNull(race, "race");
        Objects.requireNonNull(message, "message");
    }

    public String sectionId() {
        return race.sectionId();
    }

    public int heat() {
        return race.heat();
    }
}
