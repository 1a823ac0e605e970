package org.rallylab.domain.scoring;

import java.util.Locale;
import java.util.Optional;

/**
 * Physically impossible times (docs/race-rules.md): 0 ms, below the configurable minimum (default
 * 1 000 ms; real heats take 2.0 to 3.5 s), or above the race timeout. The app holds a race
 * with such a time for the operator; standings flag one that was accepted anyway.
 */
public final class ImpossibleTimes {

    private ImpossibleTimes() {
    }

    /** Why {@code timeMs} cannot be a real run, or empty when it can. */
    public static Optional<String> problem(long timeMs, int minimumMs, int raceTimeoutMs) {
        if (timeMs <= 0) {
            return Optional.of(seconds(timeMs) + " is no time at all");
        }
        if (timeMs < minimumMs) {
            return Optional.of(seconds(timeMs) + " is faster than the " + seconds(minimumMs) + " minimum");
        }
        if (timeMs > raceTimeoutMs) {
            return Optional.of(seconds(timeMs) + " is longer than the " + seconds(raceTimeoutMs) + " race timeout");
        }
        return Optional.empty();
    }

    public static boolean isImpossible(long timeMs, int minimumMs, int raceTimeoutMs) {
        return timeMs <= 0 || timeMs < minimumMs || timeMs > raceTimeoutMs;
    }

    /** 2345 ms as "2.345 s". */
    public static String seconds(long ms) {
        return String.format(Locale.ROOT, "%d.%03d s", ms / 1000, Math.abs(ms % 1000));
    }
}
