package org.rallylab.app.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.scoring.LaneStatistics;
import org.rallylab.domain.scoring.LaneStatistics.LaneFigures;

class ConsoleTextTest {

    @Test
    void rank_tied_isMarkedT() {
        List<Integer> ranks = List.of(1, 2, 2, 4);
        assertThat(ConsoleText.rank(1, ranks)).isEqualTo("1");
        assertThat(ConsoleText.rank(2, ranks)).isEqualTo("T2");
        assertThat(ConsoleText.rank(4, ranks)).isEqualTo("4");
    }

    @Test
    void times_read_asWords() {
        assertThat(ConsoleText.seconds(2345L)).isEqualTo("2.345 s");
        assertThat(ConsoleText.seconds(2345.4)).isEqualTo("2.345 s");
        assertThat(ConsoleText.difference(-34.0)).isEqualTo("−0.034 s");
        assertThat(ConsoleText.difference(12.0)).isEqualTo("+0.012 s");
    }

    @Test
    void laneVerdict_significantDifference_namesTheOddLaneOnlyThen() {
        List<LaneFigures> lanes = List.of(new LaneFigures(1, 8, 2500, -20), new LaneFigures(2, 8, 2510, -10),
                new LaneFigures(3, 8, 2650, 130));
        assertThat(LaneStatsView.verdict(new LaneStatistics(lanes, 2520, 9.1, 0.001, true)))
                .startsWith("Lane 3 looks slow (0.130 s slower than average)");
        assertThat(LaneStatsView.verdict(new LaneStatistics(lanes, 2520, 0.8, 0.45, false)))
                .isEqualTo("Lanes look fair.");
        assertThat(LaneStatsView.verdict(new LaneStatistics(lanes, 2520, Double.NaN, Double.NaN, false)))
                .isEqualTo("Not enough times yet to compare the lanes.");
    }
}
