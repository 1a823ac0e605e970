package org.rallylab.domain.state;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** A heat ranked by eye: lane to place (1 = first; equal places are ties). Lanes without a place are DNF. */
public record ManualResult(SortedMap<Integer, Integer> placeByLane, int raceTimeoutMs) implements HeatResult {
    public ManualResult {
        placeByLane = Collections.unmodifiableSortedMap(new TreeMap<>(placeByLane));
    }

    @Override
    public boolean isDnf(int lane) {
        return !placeByLane.containsKey(lane);
    }
}
