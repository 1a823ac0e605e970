package org.rallylab.domain.state;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A heat timed by the track. {@code timesUs} is null when any race merged into it lacked
 * microseconds; places then come from {@code timesMs}.
 */
public record TimedResult(String raceId, SortedMap<Integer, Long> timesMs, SortedMap<Integer, Long> timesUs,
                          int raceTimeoutMs) implements HeatResult {
    public TimedResult {
        Objects.requireNonNull(raceId, "raceId");
        timesMs = Collections.unmodifiableSortedMap(new TreeMap<>(timesMs));
        timesUs = timesUs == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(timesUs));
    }

    @Override
    public boolean isDnf(int lane) {
        return !timesMs.containsKey(lane);
    }

    /** This result with a re-run of its DNF lanes merged in: the new lane times replace the old ones. */
    TimedResult merge(String partialRaceId, SortedMap<Integer, Long> partialMs, SortedMap<Integer, Long> partialUs,
                      int timeoutMs) {
        TreeMap<Integer, Long> ms = new TreeMap<>(timesMs);
        ms.putAll(partialMs);
        TreeMap<Integer, Long> us = null;
        if (timesUs != null && partialUs != null) {
            us = new TreeMap<>(timesUs);
            us.putAll(partialUs);
        }
        return new TimedResult(partialRaceId, ms, us, timeoutMs);
    }
}
