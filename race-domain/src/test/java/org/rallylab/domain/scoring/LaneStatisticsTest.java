package org.rallylab.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rallylab.domain.scoring.RaceLog.DNF;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** docs/race-rules.md, "Statistics": lane averages and the one-way ANOVA for lane bias. */
class LaneStatisticsTest {

    private static final double EPS = 1e-9;

    @Test
    void laneStatistics_anovaMatchesHandComputedExample() {
        RaceLog race = RaceLog.started(3, "1", "2", "3")
                .stage(1, "1", "2", "3").race(1, 2000, 2030, 2060)
                .stage(2, "2", "3", "1").race(2, 2010, 2040, 2070)
                .stage(3, "3", "1", "2").race(3, 2020, 2050, 2080);

        LaneStatistics stats = Scoring.laneStatistics(race.section());

        // lane 1: 2000, 2010, 2020 -> mean 2010; lane 2: 2030, 2040, 2050 -> 2040; lane 3: 2060, 2070, 2080 -> 2070
        // grand mean 2040; differences -30, 0, +30
        assertThat(stats.lanes()).containsExactly(
                new LaneStatistics.LaneFigures(1, 3, 2010.0, -30.0),
                new LaneStatistics.LaneFigures(2, 3, 2040.0, 0.0),
                new LaneStatistics.LaneFigures(3, 3, 2070.0, 30.0));
        assertThat(stats.overallAverageMs()).isEqualTo(2040.0);
        // SSB = 3 * (30² + 0² + 30²) = 5400, df1 = 3 - 1 = 2, MSB = 2700
        // SSW = 3 lanes * (10² + 0² + 10²) = 600, df2 = 9 - 3 = 6, MSW = 100
        // F = 2700 / 100 = 27
        assertThat(stats.fStatistic()).isCloseTo(27.0, within(EPS));
        // for d1 = 2 the upper tail is exact: p = (d2 / (d2 + 2F))^(d2/2) = (6 / 60)³ = 0.001
        assertThat(stats.pValue()).isCloseTo(0.001, within(1e-12));
        assertThat(stats.significant()).isTrue();
    }

    @Test
    void laneStatistics_onlyRealTimesCount() {
        RaceLog race = RaceLog.started(3, "1", "2")
                .stage(1, "1", "2").race(1, 2000, DNF, 1500) // lane 2 DNF; lane 3 has no car
                .stage(2, "2", "1").manual(2, 1, 2)          // no synthetic times
                .stage(3, "2", "1").race(3, 2100, 2200);

        LaneStatistics stats = Scoring.laneStatistics(race.section());

        // lane 1: 2000, 2100 -> 2050; lane 2: 2200; overall (2000 + 2100 + 2200) / 3 = 2100
        assertThat(stats.lanes()).containsExactly(
                new LaneStatistics.LaneFigures(1, 2, 2050.0, -50.0),
                new LaneStatistics.LaneFigures(2, 1, 2200.0, 100.0));
        assertThat(stats.overallAverageMs()).isEqualTo(2100.0);
        // SSB = 2 * 50² + 1 * 100² = 15000 (df 1); SSW = 50² + 50² + 0 = 5000 (df 3 - 2 = 1); F = 3
        assertThat(stats.fStatistic()).isCloseTo(3.0, within(EPS));
        // F(1,1) is the square of a Cauchy variable: p = 1 - (2/π)·atan(√3) = 1 - (2/π)(π/3) = 1/3
        assertThat(stats.pValue()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(stats.significant()).isFalse();
    }

    @Test
    void laneStatistics_pValueMatchesTables() {
        // 5 % critical values of F from published tables: at the critical value p = 0.05
        assertThat(FDistribution.upperTail(3.885, 2, 12)).isCloseTo(0.05, within(1e-3));
        assertThat(FDistribution.upperTail(3.098, 3, 20)).isCloseTo(0.05, within(1e-3));
        assertThat(FDistribution.upperTail(4.965, 1, 10)).isCloseTo(0.05, within(1e-3));
        assertThat(FDistribution.upperTail(2.690, 4, 30)).isCloseTo(0.05, within(1e-3));
        assertThat(FDistribution.upperTail(2.368, 5, 60)).isCloseTo(0.05, within(1e-3));
        // 1 % critical values
        assertThat(FDistribution.upperTail(6.927, 2, 12)).isCloseTo(0.01, within(1e-4));
        assertThat(FDistribution.upperTail(4.938, 3, 20)).isCloseTo(0.01, within(1e-4));
        assertThat(FDistribution.upperTail(10.04, 1, 10)).isCloseTo(0.01, within(1e-4));
    }

    @Test
    void laneStatistics_oneLaneOnly_noTest() {
        RaceLog race = RaceLog.started(1, "1", "2")
                .stage(1, "1").race(1, 2400)
                .stage(2, "2").race(2, 2500);

        LaneStatistics stats = Scoring.laneStatistics(race.section());

        assertThat(stats.lanes()).containsExactly(new LaneStatistics.LaneFigures(1, 2, 2450.0, 0.0));
        assertThat(stats.fStatistic()).isNaN();
        assertThat(stats.pValue()).isNaN();
        assertThat(stats.significant()).isFalse();
    }

    @Test
    void laneStatistics_noMoreTimesThanLanes_noTest() {
        // two lanes with one time each: n - k = 0 degrees of freedom within lanes
        LaneStatistics stats = LaneAnova.of(lanes(List.of(2400L), List.of(2500L)));

        assertThat(stats.lanes()).hasSize(2);
        assertThat(stats.fStatistic()).isNaN();
        assertThat(stats.pValue()).isNaN();
        assertThat(stats.significant()).isFalse();
    }

    @Test
    void laneStatistics_equalLaneMeans_fZeroPOne() {
        LaneStatistics stats = LaneAnova.of(lanes(List.of(2400L, 2600L), List.of(2500L, 2500L)));

        assertThat(stats.fStatistic()).isEqualTo(0.0);
        assertThat(stats.pValue()).isEqualTo(1.0);
        assertThat(stats.significant()).isFalse();
    }

    @Test
    void laneStatistics_noSpreadWithinLanes_fInfinitePZero() {
        LaneStatistics stats = LaneAnova.of(lanes(List.of(2400L, 2400L), List.of(2500L, 2500L)));

        assertThat(stats.fStatistic()).isInfinite();
        assertThat(stats.pValue()).isEqualTo(0.0);
        assertThat(stats.significant()).isTrue();
    }

    @Test
    void laneStatistics_noTimes_empty() {
        LaneStatistics stats = Scoring.laneStatistics(RaceLog.started(2, "1", "2").section());

        assertThat(stats.lanes()).isEmpty();
        assertThat(stats.overallAverageMs()).isNaN();
        assertThat(stats.fStatistic()).isNaN();
        assertThat(stats.significant()).isFalse();
    }

    @SafeVarargs
    private static TreeMap<Integer, List<Long>> lanes(List<Long>... timesByLane) {
        TreeMap<Integer, List<Long>> lanes = new TreeMap<>();
        for (int i = 0; i < timesByLane.length; i++) {
            lanes.put(i + 1, timesByLane[i]);
        }
        return lanes;
    }
}
