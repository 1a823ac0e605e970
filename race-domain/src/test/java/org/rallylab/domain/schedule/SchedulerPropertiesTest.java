package org.rallylab.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.domain.schedule.ScheduleChecks.cars;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A race day at random: any roster, any lane subset, then any sequence of racing heats, removals,
 * late arrivals and lane changes. After every step the schedule is re-planned and must keep every
 * schedule rule that can be kept (docs/race-rules.md, The schedule).
 */
class SchedulerPropertiesTest {

    private static final int RACE = 0;
    private static final int REMOVE = 1;
    private static final int LATE = 2;
    private static final int LANE_CHANGE = 3;

    @Property(tries = 250)
    void replan_randomRaceDay_invariantsHoldAfterEveryStep(
            @ForAll @IntRange(min = 2, max = 60) int n,
            @ForAll("laneSets") List<Integer> startLanes,
            @ForAll @IntRange(min = 1, max = 2) int rounds,
            @ForAll("steps") List<Integer> steps) {
        List<String> cars = new ArrayList<>(cars(n));
        List<Integer> lanes = startLanes;
        int runsPerCar = rounds * lanes.size();
        Schedule schedule = Scheduler.plan(cars, lanes, runsPerCar);
        assertThat(ScheduleChecks.runs(schedule.heats()).values()).containsOnly(runsPerCar);
        assertThat(ScheduleChecks.laneSpread(schedule.heats(), cars, lanes, 0)).isZero();
        int raced = 0;
        int laneEraStart = 0;
        int late = 0;
        for (int step : steps) {
            int arg = step / 4;
            switch (step % 4) {
                case RACE -> raced += arg % (schedule.heats().size() - raced + 1);
                case REMOVE -> {
                    if (cars.size() >= 3) {
                        cars.remove(arg % cars.size());
                    }
                }
                case LATE -> cars.add("L" + (++late));
                default -> {
                    lanes = laneSet(arg % 255 + 1);
                    laneEraStart = raced;
                }
            }
            List<Heat> racedHeats = List.copyOf(schedule.heats().subList(0, raced));
            schedule = Scheduler.replan(racedHeats, laneEraStart, cars, lanes, runsPerCar);
            assertInvariants(schedule, racedHeats, laneEraStart, cars, lanes, runsPerCar);
        }
    }

    private static void assertInvariants(Schedule schedule, List<Heat> raced, int laneEraStart, List<String> cars,
                                         List<Integer> lanes, int runsPerCar) {
        List<Heat> heats = schedule.heats();
        List<Heat> added = heats.subList(raced.size(), heats.size());
        assertThat(heats.subList(0, raced.size())).as("raced heats").isEqualTo(raced);
        ScheduleChecks.assertWellFormed(heats);
        ScheduleChecks.assertSolosAreCatchUp(heats);
        ScheduleChecks.assertLanesWithin(heats, raced.size(), lanes);
        int solos = (int) added.stream().filter(Heat::catchUp).count();
        assertThat(added.subList(0, solos)).as("catch-up heats come first").allMatch(Heat::catchUp);

        Map<String, Integer> runs = ScheduleChecks.runs(heats);
        for (String car : cars) {
            assertThat(runs.getOrDefault(car, 0)).as("runs of car %s", car).isEqualTo(runsPerCar);
        }
        int spread = ScheduleChecks.laneSpread(heats, cars, lanes, laneEraStart);
        assertThat(schedule.metrics().laneBalanceMaxSpread()).isEqualTo(spread);
        if (laneEraStart == 0 && runsPerCar % lanes.size() == 0) {
            assertThat(spread).as("lane balance, lanes never changed").isZero();
            assertThat(added).as("heats added: König's bound")
                    .hasSize(ScheduleChecks.koenigBound(raced, cars, lanes, runsPerCar));
        } else {
            assertThat(spread).as("spread of runs since the lane change").isLessThanOrEqualTo(1);
            assertThat(added).as("heats added: the busiest car or lane").hasSize(busiest(raced, added, cars));
        }
        assertThat(schedule.metrics().maxPairMeetings()).isEqualTo(ScheduleChecks.maxPairMeetings(heats));
        assertThat(schedule.metrics().minGapBetweenRuns()).isEqualTo(ScheduleChecks.minGap(heats));
        assertThat(schedule.metrics().cars()).isEqualTo(cars.size());
    }

    /** Max over cars of runs still owed after the raced heats and over lanes of runs added there. */
    private static int busiest(List<Heat> raced, List<Heat> added, List<String> cars) {
        Map<String, Integer> racedRuns = ScheduleChecks.runs(raced);
        Map<String, Integer> addedRuns = ScheduleChecks.runs(added);
        int busiest = 0;
        for (String car : cars) {
            busiest = Math.max(busiest, addedRuns.getOrDefault(car, 0));
            assertThat(racedRuns.getOrDefault(car, 0) + addedRuns.getOrDefault(car, 0)).isPositive();
        }
        Map<Integer, Integer> laneLoad = new HashMap<>();
        for (Heat heat : added) {
            heat.laneNumbers().forEach(lane -> laneLoad.merge(lane, 1, Integer::sum));
        }
        for (int load : laneLoad.values()) {
            busiest = Math.max(busiest, load);
        }
        return busiest;
    }

    @Provide
    Arbitrary<List<Integer>> laneSets() {
        return Arbitraries.integers().between(1, 255).filter(mask -> Integer.bitCount(mask) >= 2)
                .map(SchedulerPropertiesTest::laneSet);
    }

    /** Step codes: kind = code % 4 (race, remove, late arrival, lane change), argument = code / 4. */
    @Provide
    Arbitrary<List<Integer>> steps() {
        return Arbitraries.integers().between(0, 4 * 1000).list().ofMinSize(1).ofMaxSize(10);
    }

    private static List<Integer> laneSet(int mask) {
        List<Integer> lanes = new ArrayList<>();
        for (int lane = 1; lane <= 8; lane++) {
            if ((mask & (1 << (lane - 1))) != 0) {
                lanes.add(lane);
            }
        }
        return lanes;
    }
}
