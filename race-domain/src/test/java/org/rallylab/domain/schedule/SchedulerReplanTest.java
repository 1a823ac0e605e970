package org.rallylab.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.domain.schedule.ScheduleChecks.EIGHT_LANES;
import static org.rallylab.domain.schedule.ScheduleChecks.cars;
import static org.rallylab.domain.schedule.ScheduleChecks.lanes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Re-planning after a removal, a late arrival, a lane change or a lane correction (docs/race-rules.md). */
class SchedulerReplanTest {

    @Test
    void removal_atEveryHeat_racedUnchangedAndExactlyKoenigBoundHeatsAdded() {
        List<String> roster = cars(14);
        Schedule first = Scheduler.plan(roster, lanes(4), 4);
        for (int k = 0; k <= first.heats().size(); k++) {
            List<Heat> raced = first.heats().subList(0, k);
            List<String> left = without(roster, "6");
            Schedule again = Scheduler.replan(raced, 0, left, lanes(4), 4);
            assertThat(again.heats().subList(0, k)).as("raced heats after heat %d", k).isEqualTo(raced);
            int bound = ScheduleChecks.koenigBound(raced, left, lanes(4), 4);
            assertThat(again.heats()).as("heats added after heat %d", k).hasSize(k + bound);
            assertFairAfter(again, left, lanes(4), 0, 4);
            assertThat(again.metrics().laneBalanceMaxSpread()).isZero();
        }
    }

    @Test
    void removal_heat100Of200CarsOn8Lanes_fairAndMinimal() {
        List<String> roster = cars(200);
        Schedule first = Scheduler.plan(roster, EIGHT_LANES, 8);
        List<Heat> raced = first.heats().subList(0, 100);
        List<String> left = without(roster, "57");
        Schedule again = Scheduler.replan(raced, 0, left, EIGHT_LANES, 8);
        assertThat(again.heats().subList(0, 100)).isEqualTo(raced);
        assertThat(again.heats()).hasSize(100 + ScheduleChecks.koenigBound(raced, left, EIGHT_LANES, 8));
        assertFairAfter(again, left, EIGHT_LANES, 0, 8);
        assertThat(again.metrics().laneBalanceMaxSpread()).isZero();
        assertThat(again.metrics().minGapBetweenRuns()).isGreaterThanOrEqualTo(2);
        assertThat(again.metrics().maxPairMeetings()).isLessThanOrEqualTo(2);
    }

    /** Spacing: measured on 2..8 lanes; back-to-back runs only remain on crowded tracks. */
    @Test
    void spacing_removalAtAnyHeatWithNAtLeastFiveTimesLanes_noNewBackToBackRuns() {
        for (int l = 2; l <= 8; l++) {
            for (int n = 5 * l; n <= 60; n += 3) {
                List<String> roster = cars(n);
                Schedule first = Scheduler.plan(roster, lanes(l), l);
                for (int k = 0; k < first.heats().size(); k += 4) {
                    List<Heat> raced = first.heats().subList(0, k);
                    Schedule again = Scheduler.replan(raced, 0, without(roster, roster.get((7 * k) % n)), lanes(l), l);
                    assertThat(ScheduleChecks.backToBackAfter(again.heats(), k)).as("N=%d L=%d after heat %d", n, l, k)
                            .isZero();
                }
            }
        }
    }

    @Test
    void removal_removedCarsRunsStayInRacedHeats() {
        Schedule first = Scheduler.plan(cars(9), lanes(3), 3);
        Schedule again = Scheduler.replan(first.heats().subList(0, 4), 0, without(cars(9), "2"), lanes(3), 3);
        long racedRuns = first.heats().subList(0, 4).stream().filter(h -> h.hasCar("2")).count();
        assertThat(again.heats().stream().filter(h -> h.hasCar("2")).count()).isEqualTo(racedRuns);
        assertThat(again.metrics().cars()).isEqualTo(8);
    }

    @Test
    void lateArrival_afterEveryHeatRaced_catchUpSoloHeatsRightAfterRaced() {
        Schedule first = Scheduler.plan(cars(10), lanes(4), 4);
        List<Heat> raced = first.heats();
        List<String> withLate = new ArrayList<>(cars(10));
        withLate.add("B7");
        Schedule again = Scheduler.replan(raced, 0, withLate, lanes(4), 4);
        assertThat(again.heats().subList(0, raced.size())).isEqualTo(raced);
        List<Heat> added = again.heats().subList(raced.size(), again.heats().size());
        assertThat(added).hasSize(4).allSatisfy(heat -> {
            assertThat(heat.cars()).containsExactly("B7");
            assertThat(heat.catchUp()).isTrue();
        });
        assertThat(added.get(0).number()).isEqualTo(raced.size() + 1);
        assertFairAfter(again, withLate, lanes(4), 0, 4);
        assertThat(again.metrics().laneBalanceMaxSpread()).isZero();
    }

    @Test
    void lateArrival_oneOtherRunLeft_catchUpHeatsFirstThenSharedHeat() {
        Schedule first = Scheduler.plan(cars(6), lanes(3), 3);
        List<Heat> raced = first.heats().subList(0, 5);
        List<String> lastHeat = first.heats().get(5).cars();
        List<String> cars = without(without(cars(6), lastHeat.get(0)), lastHeat.get(1));
        cars.add("7");
        Schedule again = Scheduler.replan(raced, 0, cars, lanes(3), 3);
        // car 7 owes 3 runs, one other car owes 1: D = 3 heats, two of them solo
        List<Heat> added = again.heats().subList(5, again.heats().size());
        assertThat(added).hasSize(3);
        assertThat(added.subList(0, 2)).allSatisfy(heat -> {
            assertThat(heat.cars()).containsExactly("7");
            assertThat(heat.catchUp()).isTrue();
        });
        assertThat(added.get(2).cars()).containsExactlyInAnyOrder("7", lastHeat.get(2));
        assertThat(added.get(2).catchUp()).isFalse();
        assertFairAfter(again, cars, lanes(3), 0, 3);
        assertThat(again.metrics().laneBalanceMaxSpread()).isZero();
    }

    @Test
    void lateArrival_midSection_sharesRegularHeatsWithoutCatchUp() {
        Schedule first = Scheduler.plan(cars(12), lanes(4), 4);
        List<Heat> raced = first.heats().subList(0, 3);
        List<String> withLate = new ArrayList<>(cars(12));
        withLate.add("B100");
        Schedule again = Scheduler.replan(raced, 0, withLate, lanes(4), 4);
        assertThat(again.heats()).noneMatch(Heat::catchUp);
        assertThat(again.heats()).hasSize(3 + ScheduleChecks.koenigBound(raced, withLate, lanes(4), 4));
        assertFairAfter(again, withLate, lanes(4), 0, 4);
        assertThat(again.metrics().laneBalanceMaxSpread()).isZero();
    }

    @Test
    void laneChange_midSection_runsToComeSpreadAtMostOneOverNewLanes() {
        List<String> roster = cars(15);
        Schedule first = Scheduler.plan(roster, lanes(6), 6);
        for (int k : new int[] {0, 1, 5, 9, 14}) {
            List<Heat> raced = first.heats().subList(0, k);
            List<Integer> newLanes = List.of(2, 4, 7);
            Schedule again = Scheduler.replan(raced, k, roster, newLanes, 6);
            assertThat(again.heats().subList(0, k)).isEqualTo(raced);
            ScheduleChecks.assertLanesWithin(again.heats(), k, newLanes);
            assertFairAfter(again, roster, newLanes, k, 6);
            int spread = ScheduleChecks.laneSpread(again.heats(), roster, newLanes, k);
            assertThat(spread).as("spread since heat %d", k).isLessThanOrEqualTo(1);
            assertThat(again.metrics().laneBalanceMaxSpread()).isEqualTo(spread);
            assertThat(again.metrics().lanes()).containsExactly(2, 4, 7);
        }
    }

    @Test
    void laneChange_twice_secondEraSpreadAtMostOne() {
        List<String> roster = cars(11);
        Schedule first = Scheduler.plan(roster, lanes(4), 4);
        Schedule second = Scheduler.replan(first.heats().subList(0, 3), 3, roster, List.of(1, 2, 5, 6, 8), 4);
        Schedule third = Scheduler.replan(second.heats().subList(0, 8), 8, roster, List.of(3, 6), 4);
        ScheduleChecks.assertLanesWithin(third.heats(), 8, List.of(3, 6));
        assertFairAfter(third, roster, List.of(3, 6), 8, 4);
        assertThat(ScheduleChecks.laneSpread(third.heats(), roster, List.of(3, 6), 8)).isLessThanOrEqualTo(1);
        // raced heats of the second era remain as raced
        assertThat(third.heats().subList(0, 8)).isEqualTo(second.heats().subList(0, 8));
    }

    @Test
    void laneCorrection_racedHeatWithSwappedCars_keptVerbatimAndLanesRebalanced() {
        Schedule first = Scheduler.plan(cars(8), lanes(4), 4);
        Heat planned = first.heats().get(0);
        List<LaneAssignment> swapped = new ArrayList<>();
        for (LaneAssignment a : planned.lanes()) {
            int lane = a.lane() == 1 ? 2 : a.lane() == 2 ? 1 : a.lane();
            swapped.add(new LaneAssignment(lane, a.carNumber()));
        }
        Heat corrected = new Heat(1, swapped);
        Schedule again = Scheduler.replan(List.of(corrected), 0, cars(8), lanes(4), 4);
        assertThat(again.heats().get(0)).isSameAs(corrected);
        assertFairAfter(again, cars(8), lanes(4), 0, 4);
        assertThat(again.metrics().laneBalanceMaxSpread()).isZero();
    }

    @Test
    void replan_everyRunRaced_returnsTheRacedHeatsOnly() {
        Schedule first = Scheduler.plan(cars(7), lanes(3), 3);
        Schedule again = Scheduler.replan(first.heats(), 0, cars(7), lanes(3), 3);
        assertThat(again.heats()).isEqualTo(first.heats());
        assertThat(again.metrics().algorithm()).isEqualTo("edge-colouring");
    }

    @Test
    void replan_catchUpFlagsOfRacedHeats_copiedVerbatim() {
        Heat solo = new Heat(1, List.of(new LaneAssignment(3, "4")), true);
        Schedule again = Scheduler.replan(List.of(solo), 0, cars(4), List.of(1, 3), 2);
        assertThat(again.heats().get(0)).isEqualTo(solo);
        assertFairAfter(again, cars(4), List.of(1, 3), 0, 2);
    }

    @Test
    void determinism_sameInputsInAnyCarOrder_equalSchedules() {
        List<String> roster = cars(23);
        Schedule first = Scheduler.plan(roster, List.of(1, 3, 5, 7), 4);
        List<Heat> raced = first.heats().subList(0, 9);
        List<String> left = without(roster, "11");
        left.add("C3");
        List<String> shuffled = new ArrayList<>(left);
        Collections.shuffle(shuffled, new Random(7));
        Schedule a = Scheduler.replan(raced, 0, left, List.of(1, 3, 5, 7), 4);
        assertThat(Scheduler.replan(raced, 0, shuffled, List.of(7, 5, 3, 1), 4)).isEqualTo(a);
        assertThat(Scheduler.replan(raced, 0, left, List.of(1, 3, 5, 7), 4)).isEqualTo(a);
    }

    @Test
    void metrics_afterReplan_matchIndependentCounts() {
        List<String> roster = cars(19);
        Schedule first = Scheduler.plan(roster, lanes(5), 5);
        List<String> left = without(roster, "3");
        Schedule again = Scheduler.replan(first.heats().subList(0, 6), 6, left, List.of(1, 2, 4, 8), 5);
        ScheduleMetrics m = again.metrics();
        assertThat(m.cars()).isEqualTo(18);
        assertThat(m.lanes()).containsExactly(1, 2, 4, 8);
        assertThat(m.heats()).isEqualTo(again.heats().size());
        assertThat(m.runsPerCar()).isEqualTo(5);
        assertThat(m.laneBalanceMaxSpread())
                .isEqualTo(ScheduleChecks.laneSpread(again.heats(), left, List.of(1, 2, 4, 8), 6));
        assertThat(m.maxPairMeetings()).isEqualTo(ScheduleChecks.maxPairMeetings(again.heats()));
        assertThat(m.minGapBetweenRuns()).isEqualTo(ScheduleChecks.minGap(again.heats()));
    }

    /** Every racing car runs R times, heats well formed, new heats on current lanes, solos flagged. */
    static void assertFairAfter(Schedule schedule, List<String> cars, List<Integer> lanes, int laneEraStart,
                                int runsPerCar) {
        List<Heat> heats = schedule.heats();
        ScheduleChecks.assertWellFormed(heats);
        ScheduleChecks.assertSolosAreCatchUp(heats);
        for (String car : cars) {
            assertThat(heats.stream().filter(h -> h.hasCar(car)).count()).as("runs of car %s", car)
                    .isEqualTo(runsPerCar);
        }
        assertThat(schedule.metrics().heats()).isEqualTo(heats.size());
    }

    private static List<String> without(List<String> cars, String removed) {
        List<String> left = new ArrayList<>(cars);
        left.remove(removed);
        return left;
    }
}
