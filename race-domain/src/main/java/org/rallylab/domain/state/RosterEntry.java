package org.rallylab.domain.state;

/** A car on a section's loaded (race-day) roster. */
public record RosterEntry(String participantId, String name, String carNumber) {
}
