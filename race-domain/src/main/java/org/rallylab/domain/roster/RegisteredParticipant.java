package org.rallylab.domain.roster;

/** A participant on a section's pre-race roster, with the car number the rally gave them. */
public record RegisteredParticipant(String participantId, String name, String carNumber, String groupId) {
}
