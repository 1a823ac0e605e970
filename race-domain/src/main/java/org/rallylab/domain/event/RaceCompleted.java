package org.rallylab.domain.event;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The track reported a finished race. {@code timesMs}: lane to whole milliseconds from gate
 * release; a staged lane missing from it is DNF. {@code timesUs}: lane to microseconds, or
 * null when the track did not send them. {@code partial}: a re-run of only the DNF lanes,
 * merged into the heat's result. {@code raceTimeoutMs}: the track's race timeout, or null
 * (then {@value #DEFAULT_RACE_TIMEOUT_MS} ms).
 */
public record RaceCompleted(long timestamp, String rallyId, String sectionId, int heat, String raceId,
                            SortedMap<Integer, Long> timesMs, SortedMap<Integer, Long> timesUs,
                            boolean partial, Integer raceTimeoutMs, Extras extras) implements DomainEvent {
    public static final String TYPE = "RaceCompleted";
    public static final int DEFAULT_RACE_TIMEOUT_MS = 10_000;

    public RaceCompleted {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(raceId, "raceId");
        timesMs = frozen(timesMs);
        timesUs = timesUs == null ? null : frozen(timesUs);
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The race timeout that DNF lanes count as. */
    public int effectiveRaceTimeoutMs() {
        return raceTimeoutMs == null ? DEFAULT_RACE_TIMEOUT_MS : raceTimeoutMs;
    }

    private static SortedMap<Integer, Long> frozen(Map<Integer, Long> times) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(times));
    }
}
