package org.rallylab.domain.scoring;

/**
 * One line of a section's standings (docs/race-rules.md). {@code avgTimeMs} is the car's average rounded
 * half-up for display (ranking compares the exact averages); {@code bestTimeMs} is its best
 * single time, where a DNF counts as the race timeout and a manual place as its synthetic time.
 * {@code incomplete}: removed, or behind on heats while the section is still running.
 */
public record StandingsEntry(int rank, String carNumber, String name, long avgTimeMs, long bestTimeMs,
                             int heatsRun, int dnfCount, boolean incomplete) {
}
