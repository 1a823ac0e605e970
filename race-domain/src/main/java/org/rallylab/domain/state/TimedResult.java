package org.rallylab.domain.state;

import java.util.Objects;

/**
 * A heat timed by the track. {@code timesUs} is null when any race merged into it lacked
 * microseconds; places then come from {@code timesMs}.
 */
public record TimedResult(String raceId, LaneTimes timesMs, LaneTimes timesUs, int raceTimeoutMs)
        implements HeatResult {
    public TimedResult {
        Objects.requireNonNull(raceId, "raceId");
        Objects.requireNonNull(timesMs, "timesMs");
    }

    @Override
    public boolean isDnf(int lane) {
        return !timesMs.has(lane);
    }

    /** This result with a re-run of its DNF lanes merged in: the new lane times replace the old ones. */
    TimedResult merge(String partialRaceId, LaneTimes partialMs, LaneTimes partialUs, int timeoutMs) {
        LaneTimes us = timesUs != null && partialUs != null ? timesUs.mergedWith(partialUs) : null;
        return new TimedResult(partialRaceId, timesMs.mergedWith(partialMs), us, timeoutMs);
    }
}
