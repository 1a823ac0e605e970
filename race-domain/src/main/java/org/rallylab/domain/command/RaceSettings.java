package org.rallylab.domain.command;

/**
 * Operator settings the rules use. {@code minimumTimeMs}: a faster time is physically
 * impossible and is held for the operator (docs/race-rules.md, Times, DNF and impossible times; default 1 000 ms).
 */
public record RaceSettings(int minimumTimeMs) {

    public static final RaceSettings DEFAULTS = new RaceSettings(1_000);

    public RaceSettings {
        if (minimumTimeMs < 0) {
            throw new IllegalArgumentException("minimum time " + minimumTimeMs + " ms must be 0 or more");
        }
    }
}
