package org.rallylab.domain.scoring;

import java.util.List;

/**
 * Lane bias figures over the real times of a section (no DNF timeouts, no synthetic manual
 * times): per lane, and a one-way ANOVA across lanes. {@code fStatistic} and {@code pValue} are
 * NaN when fewer than two lanes have times or there are no more times than lanes;
 * {@code overallAverageMs} is NaN when there is no time at all. {@code significant}: p &lt; 0.05.
 */
public record LaneStatistics(List<LaneFigures> lanes, double overallAverageMs, double fStatistic, double pValue,
                             boolean significant) {
    public LaneStatistics {
        lanes = List.copyOf(lanes);
    }

    /** One lane with at least one real time. */
    public record LaneFigures(int lane, int races, double averageMs, double differenceFromOverallMs) {
    }
}
