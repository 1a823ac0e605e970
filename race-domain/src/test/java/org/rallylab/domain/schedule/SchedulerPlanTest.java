package org.rallylab.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.domain.schedule.ScheduleChecks.EIGHT_LANES;
import static org.rallylab.domain.schedule.ScheduleChecks.cars;
import static org.rallylab.domain.schedule.ScheduleChecks.lanes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The rules for a section's first schedule (docs/race-rules.md, The schedule), one test per rule. */
class SchedulerPlanTest {

    /** Adjacent and non-adjacent lane subsets of an 8-lane track. */
    static final List<List<Integer>> LANE_SETS = List.of(List.of(1, 2), List.of(1, 3, 5), List.of(1, 2, 3, 4),
            List.of(2, 4, 6, 8), List.of(1, 2, 3, 4, 5), List.of(1, 2, 3, 4, 5, 6), List.of(2, 3, 4, 5, 6, 7, 8),
            EIGHT_LANES);

    @Test
    void laneBalance_everyNFromLanesTo60_everyCarRacesEveryLaneOnce() {
        for (List<Integer> lanes : LANE_SETS) {
            for (int n = lanes.size(); n <= 60; n++) {
                Schedule schedule = Scheduler.plan(cars(n), lanes, lanes.size());
                Map<String, Map<Integer, Integer>> runs = ScheduleChecks.laneRuns(schedule.heats(), 0);
                for (String car : cars(n)) {
                    for (int lane : lanes) {
                        assertThat(runs.get(car).get(lane)).as("car %s lane %d, N=%d lanes %s", car, lane, n, lanes)
                                .isEqualTo(1);
                    }
                }
                assertThat(schedule.metrics().laneBalanceMaxSpread()).isZero();
                assertThat(schedule.metrics().algorithm()).isEqualTo("cyclic-difference-set");
            }
        }
    }

    @Test
    void laneBalance_threeRounds_everyCarRacesEveryLaneThreeTimes() {
        for (int n : new int[] {6, 13, 40}) {
            Schedule schedule = Scheduler.plan(cars(n), List.of(1, 3, 5, 7), 12);
            for (String car : cars(n)) {
                for (int lane : List.of(1, 3, 5, 7)) {
                    assertThat(ScheduleChecks.runsIn(schedule.heats(), car, lane, 0)).isEqualTo(3);
                }
            }
            assertThat(schedule.metrics().laneBalanceMaxSpread()).isZero();
        }
    }

    @Test
    void laneBalance_runsNotAMultipleOfLanes_spreadAtMostOne() {
        for (int n = 2; n <= 30; n++) {
            for (int r : new int[] {1, 3, 5, 7}) {
                Schedule schedule = Scheduler.plan(cars(n), lanes(4), r);
                int spread = ScheduleChecks.laneSpread(schedule.heats(), cars(n), lanes(4), 0);
                assertThat(spread).as("N=%d R=%d", n, r).isLessThanOrEqualTo(1);
                assertThat(schedule.metrics().laneBalanceMaxSpread()).isEqualTo(spread);
                assertThat(schedule.metrics().algorithm()).isEqualTo("edge-colouring");
            }
        }
    }

    @Test
    void equalRuns_anyCarsLanesAndRuns_everyCarRacesExactlyR() {
        for (List<Integer> lanes : LANE_SETS) {
            for (int n : new int[] {2, 3, 5, 9, 17, 40}) {
                for (int r = 1; r <= 2 * lanes.size() + 1; r++) {
                    Schedule schedule = Scheduler.plan(cars(n), lanes, r);
                    Map<String, Integer> runs = ScheduleChecks.runs(schedule.heats());
                    assertThat(runs).as("N=%d lanes %s R=%d", n, lanes, r).hasSize(n);
                    assertThat(runs.values()).as("N=%d lanes %s R=%d", n, lanes, r).containsOnly(r);
                    ScheduleChecks.assertWellFormed(schedule.heats());
                    ScheduleChecks.assertLanesWithin(schedule.heats(), 0, lanes);
                    ScheduleChecks.assertSolosAreCatchUp(schedule.heats());
                }
            }
        }
    }

    /** Solo heats only when the runs cannot give every heat two cars (e.g. 3 runs on 2 lanes). */
    @Test
    void heatFill_everyPlanOnTwoOrMoreLanes_evenHeatsAndSolosOnlyWhenRunsCannotPair() {
        for (List<Integer> lanes : LANE_SETS) {
            for (int n = 2; n <= 30; n++) {
                for (int r = 1; r <= lanes.size() + 1; r++) {
                    List<Heat> heats = Scheduler.plan(cars(n), lanes, r).heats();
                    IntSummaryStatistics sizes = heats.stream().mapToInt(h -> h.lanes().size()).summaryStatistics();
                    assertThat(sizes.getMax() - sizes.getMin()).as("N=%d lanes %s R=%d", n, lanes, r)
                            .isLessThanOrEqualTo(1);
                    if (sizes.getMin() < 2) {
                        assertThat(n * r).as("runs of N=%d lanes %s R=%d", n, lanes, r)
                                .isLessThan(2 * heats.size());
                    }
                    ScheduleChecks.assertSolosAreCatchUp(heats);
                }
            }
        }
    }

    @Test
    void heatFill_nAtLeastLanesAndRoundsOfLanes_everyLaneFilled() {
        for (List<Integer> lanes : LANE_SETS) {
            for (int n = lanes.size(); n <= 45; n++) {
                for (Heat heat : Scheduler.plan(cars(n), lanes, 2 * lanes.size()).heats()) {
                    assertThat(heat.laneNumbers()).as("N=%d heat %d", n, heat.number()).isEqualTo(lanes);
                }
            }
        }
    }

    @Test
    void heatCount_nAtLeastLanes_isNTimesROverLRoundedUp() {
        for (List<Integer> lanes : LANE_SETS) {
            int l = lanes.size();
            for (int n = l; n <= 40; n += n < 2 * l ? 1 : 3) {
                for (int r = 1; r <= 2 * l; r++) {
                    Schedule schedule = Scheduler.plan(cars(n), lanes, r);
                    int minimum = (n * r + l - 1) / l;
                    assertThat(schedule.heats()).as("N=%d L=%d R=%d", n, l, r).hasSize(minimum);
                    assertThat(schedule.metrics().heats()).isEqualTo(minimum);
                }
            }
        }
    }

    @Test
    void opponentVariety_63CarsOn8Lanes_everyPairMeetsAtMostOnceWithoutBackToBackRuns() {
        Schedule schedule = Scheduler.plan(cars(63), EIGHT_LANES, 8);
        assertThat(ScheduleChecks.maxPairMeetings(schedule.heats())).isEqualTo(1);
        assertThat(ScheduleChecks.minGap(schedule.heats())).isGreaterThanOrEqualTo(2);
    }

    @Test
    void opponentVariety_35CarsOn6Lanes_everyPairMeetsAtMostOnceWithoutBackToBackRuns() {
        Schedule schedule = Scheduler.plan(cars(35), lanes(6), 6);
        assertThat(ScheduleChecks.maxPairMeetings(schedule.heats())).isEqualTo(1);
        assertThat(ScheduleChecks.minGap(schedule.heats())).isGreaterThanOrEqualTo(2);
    }

    /**
     * Pairs meet at most once from N = L(L−1)+1 on, except where that is impossible together
     * with the spacing rule: a perfect difference set (N = L(L−1)+1 exactly) holds the difference
     * 1, i.e. back-to-back runs, and a few N just above it have no modular Golomb ruler with
     * gaps ≥ 2. Each exception is proven by exhaustive search.
     */
    @Test
    void opponentVariety_fromLTimesLMinus1Plus1To60_pairsMeetOnceUnlessSpacingForbidsIt() {
        for (int l = 2; l <= 8; l++) {
            for (int n = l * (l - 1) + 1; n <= 60; n++) {
                int leastGap = n >= 2 * l ? 2 : 1;
                int meetings = Scheduler.plan(cars(n), lanes(l), l).metrics().maxPairMeetings();
                boolean possible = OffsetBruteForce.exists(n, l, 1, leastGap);
                assertThat(meetings).as("N=%d L=%d", n, l).isEqualTo(possible ? 1 : 2);
            }
        }
    }

    /** At N = 2L a chart without back-to-back runs must alternate two complementary groups of L cars. */
    @Test
    void spacing_nEqualsTwiceLanes_twoGroupsAlternate() {
        Schedule schedule = Scheduler.plan(cars(12), lanes(6), 6);
        assertThat(ScheduleChecks.minGap(schedule.heats())).isEqualTo(2);
        assertThat(schedule.metrics().maxPairMeetings()).isEqualTo(6);
        for (int h = 2; h < schedule.heats().size(); h++) {
            assertThat(Set.copyOf(schedule.heats().get(h).cars()))
                    .isEqualTo(Set.copyOf(schedule.heats().get(h - 2).cars()));
        }
    }

    @Test
    void opponentVariety_belowThresholdUpToFiveLanes_meetingsAtTheCountingBoundOrProvenBest() {
        for (int l = 2; l <= 5; l++) {
            for (int n = l; n < l * (l - 1) + 1; n++) {
                // L(L−1) ordered opponent slots per heat position spread over N−1 other cars
                int bound = (l * (l - 1) + n - 2) / (n - 1);
                int leastGap = n >= 2 * l ? 2 : 1;
                int meetings = Scheduler.plan(cars(n), lanes(l), l).metrics().maxPairMeetings();
                assertThat(meetings).as("N=%d L=%d", n, l).isGreaterThanOrEqualTo(bound);
                if (meetings > bound) {
                    assertThat(OffsetBruteForce.exists(n, l, meetings - 1, leastGap)).as("N=%d L=%d", n, l).isFalse();
                }
            }
        }
    }

    @Test
    void spacing_nAtLeastTwiceLanes_noCarRacesBackToBack() {
        for (int l = 2; l <= 8; l++) {
            for (int n = 2 * l; n <= 60; n++) {
                Schedule schedule = Scheduler.plan(cars(n), lanes(l), l);
                int gap = ScheduleChecks.minGap(schedule.heats());
                assertThat(schedule.metrics().minGapBetweenRuns()).isEqualTo(gap);
                assertThat(gap).as("N=%d L=%d", n, l).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void spacing_edgeColouringPlansWithNAtLeastFiveTimesLanes_noBackToBackRuns() {
        for (int l = 2; l <= 8; l++) {
            for (int n = 5 * l; n <= 60; n += 4) {
                for (int r = 1; r <= 2 * l + 1; r++) {
                    if (r % l != 0) {
                        assertThat(Scheduler.plan(cars(n), lanes(l), r).metrics().minGapBetweenRuns())
                                .as("N=%d L=%d R=%d", n, l, r).isNotEqualTo(1);
                    }
                }
            }
        }
    }

    @Test
    void spacing_200CarsOn8Lanes_gapOf21HeatsTheMostEightDistinctGapsAllow() {
        Schedule schedule = Scheduler.plan(cars(200), EIGHT_LANES, 8);
        // gaps are differences too, so 8 distinct gaps ≥ g sum to ≥ 8g + 28: g ≤ 21
        assertThat(ScheduleChecks.minGap(schedule.heats())).isEqualTo(21);
        assertThat(schedule.metrics()).isEqualTo(new ScheduleMetrics(200, EIGHT_LANES, 200, 8, 0, 1, 21,
                "cyclic-difference-set"));
    }

    @Test
    void rotation_fewerCarsThanLanes_everyHeatHoldsEveryCarAndEachCarTriesEveryLane() {
        List<List<Integer>> laneSets = new ArrayList<>(LANE_SETS);
        for (List<Integer> lanes : laneSets) {
            for (int n = 2; n < lanes.size(); n++) {
                Schedule schedule = Scheduler.plan(cars(n), lanes, lanes.size());
                assertThat(schedule.metrics().algorithm()).isEqualTo("rotation");
                assertThat(schedule.heats()).hasSize(lanes.size());
                for (Heat heat : schedule.heats()) {
                    assertThat(heat.cars()).containsExactlyInAnyOrderElementsOf(cars(n));
                }
                for (String car : cars(n)) {
                    for (int lane : lanes) {
                        assertThat(ScheduleChecks.runsIn(schedule.heats(), car, lane, 0)).isEqualTo(1);
                    }
                }
                assertThat(schedule.metrics().laneBalanceMaxSpread()).isZero();
            }
        }
    }

    @Test
    void rotation_fewerCarsThanLanesOtherRuns_edgeColouringInRHeats() {
        Schedule schedule = Scheduler.plan(cars(3), lanes(6), 4);
        assertThat(schedule.metrics().algorithm()).isEqualTo("edge-colouring");
        assertThat(schedule.heats()).hasSize(4);
        assertThat(ScheduleChecks.runs(schedule.heats()).values()).containsOnly(4);
        assertThat(schedule.metrics().laneBalanceMaxSpread()).isEqualTo(1);
    }

    @Test
    void plan_carsInAnyOrder_sortedNaturallyFirst() {
        List<String> natural = List.of("A1", "B9", "B10", "B100", "C2", "C11", "7", "12");
        List<String> shuffled = new ArrayList<>(natural);
        Collections.shuffle(shuffled, new Random(4));
        Schedule fromShuffled = Scheduler.plan(shuffled, lanes(3), 3);
        assertThat(fromShuffled).isEqualTo(Scheduler.plan(natural, lanes(3), 3));
        // natural order is 7, 12, A1, B9, B10, B100, C2, C11: car 0 of the chart is "7"
        assertThat(fromShuffled.heats().get(0).carIn(1)).contains("7");
    }

    @Test
    void plan_nonAdjacentLanes_usesOnlyThoseLanes() {
        Schedule schedule = Scheduler.plan(cars(11), List.of(5, 1, 3), 3);
        assertThat(schedule.metrics().lanes()).containsExactly(1, 3, 5);
        for (Heat heat : schedule.heats()) {
            assertThat(heat.laneNumbers()).containsExactly(1, 3, 5);
        }
    }

    @Test
    void plan_singleLane_everyHeatIsASoloCatchUpHeat() {
        Schedule schedule = Scheduler.plan(cars(3), List.of(4), 2);
        assertThat(schedule.heats()).hasSize(6).allSatisfy(heat -> {
            assertThat(heat.laneNumbers()).containsExactly(4);
            assertThat(heat.catchUp()).isTrue();
        });
        assertThat(ScheduleChecks.runs(schedule.heats()).values()).containsOnly(2);
    }

    @Test
    void determinism_sameInputs_equalSchedules() {
        for (List<Integer> lanes : LANE_SETS) {
            for (int n : new int[] {2, 5, 12, 31, 57}) {
                for (int r : new int[] {1, lanes.size(), lanes.size() + 1}) {
                    assertThat(Scheduler.plan(cars(n), lanes, r)).isEqualTo(Scheduler.plan(cars(n), lanes, r));
                }
            }
        }
    }

    @Test
    void metrics_measuredOnTheHeats_matchIndependentCounts() {
        for (List<Integer> lanes : LANE_SETS) {
            for (int n : new int[] {2, 4, 9, 23, 50}) {
                for (int r : new int[] {1, 2, lanes.size(), 2 * lanes.size()}) {
                    Schedule schedule = Scheduler.plan(cars(n), lanes, r);
                    ScheduleMetrics m = schedule.metrics();
                    assertThat(m.cars()).isEqualTo(n);
                    assertThat(m.lanes()).isEqualTo(lanes);
                    assertThat(m.heats()).isEqualTo(schedule.heats().size());
                    assertThat(m.runsPerCar()).isEqualTo(r);
                    assertThat(m.laneBalanceMaxSpread())
                            .isEqualTo(ScheduleChecks.laneSpread(schedule.heats(), cars(n), lanes, 0));
                    assertThat(m.maxPairMeetings()).isEqualTo(ScheduleChecks.maxPairMeetings(schedule.heats()));
                    assertThat(m.minGapBetweenRuns()).isEqualTo(ScheduleChecks.minGap(schedule.heats()));
                }
            }
        }
    }

    private static void assertEveryPairMeetsExactlyOnce(int n, int l) {
        Schedule schedule = Scheduler.plan(cars(n), lanes(l), l);
        assertThat(schedule.metrics().maxPairMeetings()).isEqualTo(1);
        assertThat(ScheduleChecks.maxPairMeetings(schedule.heats())).isEqualTo(1);
        for (String car : cars(n)) {
            long opponents = schedule.heats().stream().filter(h -> h.hasCar(car))
                    .flatMap(h -> h.cars().stream()).filter(c -> !c.equals(car)).distinct().count();
            assertThat(opponents).as("opponents of car %s", car).isEqualTo(n - 1);
        }
    }
}
