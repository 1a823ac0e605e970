package org.rallylab.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.domain.schedule.ScheduleChecks.cars;
import static org.rallylab.domain.schedule.ScheduleChecks.lanes;

import org.junit.jupiter.api.Test;

/**
 * The cyclic chart's offsets are as good as cyclic charts get, for every track (2 to 8 lanes) and
 * every roster up to 60 cars: checked by exhaustive search, not by trusting the search's budget.
 */
class CyclicChartOptimalityTest {

    @Test
    void opponentVariety_upTo60Cars_noCyclicChartHasFewerPairMeetingsUnderTheSpacingRule() {
        for (int l = 2; l <= 8; l++) {
            for (int n = l; n <= 60; n++) {
                // when N >= 2L no car may race back to back, so only charts with gaps >= 2 compete
                int leastGap = n >= 2 * l ? 2 : 1;
                int meetings = Scheduler.plan(cars(n), lanes(l), l).metrics().maxPairMeetings();
                if (meetings > 1) {
                    assertThat(OffsetBruteForce.exists(n, l, meetings - 1, leastGap))
                            .as("N=%d L=%d: a chart with gaps >= %d where pairs meet at most %d times",
                                    n, l, leastGap, meetings - 1)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void offsetSearch_upTo70Cars_budgetNeverCutsTheSearchShort() {
        for (int l = 2; l <= 8; l++) {
            for (int n = l; n <= 70; n++) {
                int[] budgeted = DifferenceOffsets.of(n, l);
                int[] exhaustive = DifferenceOffsets.search(n, l, Integer.MAX_VALUE);
                assertThat(DifferenceOffsets.maxMultiplicity(budgeted, n)).as("N=%d L=%d", n, l)
                        .isEqualTo(DifferenceOffsets.maxMultiplicity(exhaustive, n));
                assertThat(DifferenceOffsets.minGap(budgeted, n)).as("N=%d L=%d", n, l)
                        .isEqualTo(DifferenceOffsets.minGap(exhaustive, n));
            }
        }
    }

    @Test
    void offsetSearch_sameSizeTwice_sameOffsets() {
        for (int[] nl : new int[][] {{13, 4}, {43, 7}, {57, 8}, {58, 8}, {120, 6}, {200, 8}}) {
            assertThat(DifferenceOffsets.search(nl[0], nl[1], DifferenceOffsets.NODES_PER_ATTEMPT))
                    .isEqualTo(DifferenceOffsets.search(nl[0], nl[1], DifferenceOffsets.NODES_PER_ATTEMPT))
                    .isEqualTo(DifferenceOffsets.of(nl[0], nl[1]));
        }
    }
}
