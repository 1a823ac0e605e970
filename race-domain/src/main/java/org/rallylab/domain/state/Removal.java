package org.rallylab.domain.state;

/** A car taken out of a section at {@code heat} ("destroyed" or "disqualified"). */
public record Removal(String carNumber, int heat, String reason) {
}
