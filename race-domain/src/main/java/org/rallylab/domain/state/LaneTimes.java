package org.rallylab.domain.state;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rallylab.domain.schedule.LaneAssignment;

/**
 * A time per lane (milliseconds or microseconds), or none for a lane that did not finish.
 * Immutable, and small on purpose: a rally holds tens of thousands of these and the fold must
 * not spend its time copying maps.
 */
public final class LaneTimes {

    private static final long NONE = -1;
    private static final LaneTimes EMPTY = new LaneTimes(new long[0]);

    private final long[] byLane;

    private LaneTimes(long[] byLane) {
        this.byLane = byLane;
    }

    /** The times of {@code times}; lanes below 1 and negative times are left out. */
    public static LaneTimes of(Map<Integer, Long> times) {
        if (times.isEmpty()) {
            return EMPTY;
        }
        long[] byLane = new long[LaneAssignment.LAST_LANE + 1];
        Arrays.fill(byLane, NONE);
        for (Map.Entry<Integer, Long> time : times.entrySet()) {
            int lane = time.getKey();
            Long value = time.getValue();
            if (lane < 1 || value == null || value < 0) {
                continue;
            }
            if (lane >= byLane.length) {
                int old = byLane.length;
                byLane = Arrays.copyOf(byLane, lane + 1);
                Arrays.fill(byLane, old, byLane.length, NONE);
            }
            byLane[lane] = value;
        }
        return new LaneTimes(byLane);
    }

    /** True when {@code lane} has a time. */
    public boolean has(int lane) {
        return lane >= 1 && lane < byLane.length && byLane[lane] != NONE;
    }

    /** The time of {@code lane}; check {@link #has} first. */
    public long get(int lane) {
        if (!has(lane)) {
            throw new IllegalArgumentException("lane " + lane + " has no time");
        }
        return byLane[lane];
    }

    /** These times with {@code newer}'s lanes replacing the same lanes here. */
    public LaneTimes mergedWith(LaneTimes newer) {
        long[] merged = Arrays.copyOf(byLane, Math.max(byLane.length, newer.byLane.length));
        for (int lane = byLane.length; lane < merged.length; lane++) {
            merged[lane] = NONE;
        }
        for (int lane = 1; lane < newer.byLane.length; lane++) {
            if (newer.byLane[lane] != NONE) {
                merged[lane] = newer.byLane[lane];
            }
        }
        return new LaneTimes(merged);
    }

    /** Lane to time, for display and export. */
    public SortedMap<Integer, Long> asMap() {
        TreeMap<Integer, Long> map = new TreeMap<>();
        for (int lane = 1; lane < byLane.length; lane++) {
            if (byLane[lane] != NONE) {
                map.put(lane, byLane[lane]);
            }
        }
        return Collections.unmodifiableSortedMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LaneTimes other && asMap().equals(other.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
