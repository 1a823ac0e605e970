package org.rallylab.domain.schedule;

import java.util.List;
import java.util.Objects;

/**
 * Fairness figures of a schedule, measured on the heats it holds (never copied from targets).
 *
 * @param cars                  cars still racing
 * @param lanes                 the current lane set, ascending
 * @param heats                 heats in the whole section, raced and planned
 * @param runsPerCar            R, the runs each car gets
 * @param laneBalanceMaxSpread  largest (max − min) runs of one car over the current lanes,
 *                              counting heats raced or planned since the lane set took effect
 * @param maxPairMeetings       most heats any two cars share
 * @param minGapBetweenRuns     fewest heat numbers between two consecutive runs of one car
 *                              (1 = back to back; 0 when no car runs twice)
 * @param algorithm             "cyclic-difference-set", "rotation" or "edge-colouring"
 */
public record ScheduleMetrics(int cars, List<Integer> lanes, int heats, int runsPerCar,
                              int laneBalanceMaxSpread, int maxPairMeetings, int minGapBetweenRuns,
                              String algorithm) {
    public ScheduleMetrics {
        lanes = List.copyOf(lanes);
        Objects.requireNonNull(algorithm, "algorithm");
    }
}
