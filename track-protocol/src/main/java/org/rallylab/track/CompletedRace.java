package org.rallylab.track;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One physical run as a timer reports it: lane to time. A raced lane missing from {@code timesMs}
 * did not finish (DNF). {@code timesUs} (µs, when the timer has them) and {@code raceTimeoutMs}
 * (the timer's race timeout) may be null. Every timer adapter delivers this value.
 */
public record CompletedRace(String raceId, SortedMap<Integer, Long> timesMs, SortedMap<Integer, Long> timesUs,
                            Integer raceTimeoutMs) {

    public CompletedRace {
        Objects.requireNonNull(raceId, "raceId");
        if (raceId.isBlank()) {
            throw new IllegalArgumentException("a race id must not be blank");
        }
        timesMs = copy("times_ms", Objects.requireNonNull(timesMs, "timesMs"));
        timesUs = timesUs == null ? null : copy("times_us", timesUs);
        if (raceTimeoutMs != null && raceTimeoutMs < 1) {
            throw new IllegalArgumentException("race timeout " + raceTimeoutMs + " ms must be positive");
        }
    }

    private static SortedMap<Integer, Long> copy(String name, Map<Integer, Long> times) {
        SortedMap<Integer, Long> copy = new TreeMap<>();
        times.forEach((lane, time) -> {
            if (lane == null || lane < 1) {
                throw new IllegalArgumentException(name + " names lane " + lane + ": lanes are numbered from 1");
            }
            if (time == null || time < 0) {
                throw new IllegalArgumentException(name + " gives lane " + lane + " the time " + time
                        + ": times are zero or more");
            }
            copy.put(lane, time);
        });
        return Collections.unmodifiableSortedMap(copy);
    }
}
