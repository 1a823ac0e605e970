package org.rallylab.domain.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.state.HeatResult;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.state.TimedResult;

/**
 * Lane bias (docs/race-rules.md, Statistics): per lane the real times (timed, not DNF, in a lane that held a
 * car; no synthetic manual times), and a one-way ANOVA across lanes. With k lanes holding n times,
 * lane means m_i over n_i times and grand mean m:
 *
 * <pre>
 *   SSB = Σ n_i (m_i − m)²    SSW = Σ_i Σ_j (x_ij − m_i)²    F = (SSB / (k−1)) / (SSW / (n−k))
 * </pre>
 *
 * and p = P(F(k−1, n−k) &gt; F) from {@link FDistribution}. Means come first and squares of
 * deviations after (two passes), which keeps the sums exact enough for millisecond times.
 * Fewer than two lanes, or n − k &lt; 1: F and p are NaN. No spread at all between lanes
 * (SSB = 0) gives F = 0, p = 1; lanes that differ with no spread inside any (SSW = 0) give
 * F = ∞, p = 0.
 */
final class LaneAnova {

    private static final double SIGNIFICANCE = 0.05;

    private LaneAnova() {
    }

    static LaneStatistics of(SectionState section) {
        TreeMap<Integer, List<Long>> byLane = new TreeMap<>();
        for (Map.Entry<Integer, HeatResult> entry : section.results().entrySet()) {
            Heat heat = section.heat(entry.getKey()).orElse(null);
            if (heat == null || !(entry.getValue() instanceof TimedResult timed)) {
                continue;
            }
            for (LaneAssignment seat : heat.lanes()) {
                if (timed.timesMs().has(seat.lane())) {
                    byLane.computeIfAbsent(seat.lane(), l -> new ArrayList<>()).add(timed.timesMs().get(seat.lane()));
                }
            }
        }
        return of(byLane);
    }

    static LaneStatistics of(TreeMap<Integer, List<Long>> byLane) {
        int k = byLane.size();
        long n = 0;
        double total = 0;
        double[] means = new double[k];
        int i = 0;
        for (List<Long> times : byLane.values()) {
            double sum = 0;
            for (long t : times) {
                sum += t;
            }
            means[i++] = sum / times.size();
            total += sum;
            n += times.size();
        }
        double grand = n == 0 ? Double.NaN : total / n;
        List<LaneStatistics.LaneFigures> lanes = new ArrayList<>(k);
        double between = 0;
        double within = 0;
        i = 0;
        for (Map.Entry<Integer, List<Long>> lane : byLane.entrySet()) {
            double mean = means[i++];
            int races = lane.getValue().size();
            lanes.add(new LaneStatistics.LaneFigures(lane.getKey(), races, mean, mean - grand));
            between += races * (mean - grand) * (mean - grand);
            for (long t : lane.getValue()) {
                within += (t - mean) * (t - mean);
            }
        }
        long dfBetween = k - 1;
        long dfWithin = n - k;
        if (k < 2 || dfWithin < 1) {
            return new LaneStatistics(lanes, grand, Double.NaN, Double.NaN, false);
        }
        double f;
        if (between == 0) {
            f = 0;
        } else if (within == 0) {
            f = Double.POSITIVE_INFINITY;
        } else {
            f = (between / dfBetween) / (within / dfWithin);
        }
        double p = FDistribution.upperTail(f, dfBetween, dfWithin);
        return new LaneStatistics(lanes, grand, f, p, p < SIGNIFICANCE);
    }
}
