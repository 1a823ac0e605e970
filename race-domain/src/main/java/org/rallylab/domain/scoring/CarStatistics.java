package org.rallylab.domain.scoring;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One car's figures in a section. {@code timesByLane}: its real times per lane in heat order
 * (DNFs and heats ranked by hand left out). {@code averageMs} and {@code bestMs} are over the
 * same times the standings use (DNF as the timeout, manual places as synthetic times);
 * {@code spreadMs} is the slowest minus the fastest real time (0 with fewer than two).
 */
public record CarStatistics(String carNumber, String name, SortedMap<Integer, List<Long>> timesByLane,
                            double averageMs, long bestMs, long spreadMs) {
    public CarStatistics {
        TreeMap<Integer, List<Long>> copy = new TreeMap<>();
        timesByLane.forEach((lane, times) -> copy.put(lane, List.copyOf(times)));
        timesByLane = Collections.unmodifiableSortedMap(copy);
    }
}
