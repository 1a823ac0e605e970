package org.rallylab.domain.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.testing.RandomRaceDay;

/**
 * Random race days driven through the commands (rosters of 2..60 cars, 2..8 of the 8 physical
 * lanes, non-adjacent ones included, random results, manual ranks, re-runs, DNF re-runs,
 * removals, late arrivals, lane changes and lane corrections). After every step the schedule
 * schedule's invariants (docs/race-rules.md) hold, and (checked inside the fixture) replaying the log gives a state
 * equal to the one the commands worked on.
 */
class RaceDayPropertiesTest {

    @Property(tries = 100)
    void schedule_invariantsHoldAfterEveryStep(@ForAll @IntRange(min = 2, max = 60) int cars,
                                               @ForAll @IntRange(min = 2, max = 8) int laneCount,
                                               @ForAll @IntRange(min = 0, max = 3) int lateCars,
                                               @ForAll boolean laneChanges,
                                               @ForAll boolean corrections,
                                               @ForAll long seed) {
        List<Integer> lanes = RandomRaceDay.randomLanes(new Random(seed), laneCount);
        RandomRaceDay day = new RandomRaceDay(seed, cars, lanes, lateCars, laneChanges, corrections);
        Map<Integer, Heat> raced = new HashMap<>();
        day.run(60, d -> checkInvariants(d, raced));
        SectionState s = day.section();
        SectionState replayed = RallyState.replay(day.log()).section(RandomRaceDay.SECTION).orElseThrow();
        assertThat(replayed.heats()).as("schedule of a fresh replay").isEqualTo(s.heats());
        assertThat(replayed.scheduleMetrics()).isEqualTo(s.scheduleMetrics());
        Statistics.label("lanes changed").collect(day.lanesChanged());
        Statistics.label("lane corrected").collect(day.corrected());
        Statistics.label("cars removed").collect(Math.min(s.removals().size(), 3));
        Statistics.label("late arrivals").collect(s.arrivedCars().size() > cars);
        Statistics.label("completed").collect(s.completed());
    }

    private static void checkInvariants(RandomRaceDay day, Map<Integer, Heat> racedBefore) {
        SectionState s = day.section();
        // completed heats untouched (a lane correction changes who sat where on purpose)
        if (!day.corrected()) {
            racedBefore.forEach((number, heat) -> {
                if (s.result(number).isPresent()) {
                    assertThat(s.heat(number)).as("raced heat %d", number).contains(heat);
                }
            });
        }
        racedBefore.clear();
        s.results().keySet().forEach(n -> racedBefore.put(n, s.heat(n).orElseThrow()));

        Set<String> racing = new HashSet<>(s.racingCars());
        for (Heat heat : s.heats()) {
            assertThat(new HashSet<>(heat.cars())).as("no car twice in heat %d", heat.number()).hasSize(heat.cars().size());
            if (heat.lanes().size() < 2) {
                assertThat(heat.catchUp() || s.result(heat.number()).isPresent() || s.lanes().size() == 1)
                        .as("a heat of one car is a catch-up heat: %s", heat).isTrue();
            }
            if (heat.number() > s.lastResultHeat() && s.stagedHeatNumber() != heat.number() && !s.completed()) {
                assertThat(heat.laneNumbers()).as("planned heat %d on current lanes", heat.number())
                        .isSubsetOf(s.lanes());
                assertThat(racing).as("planned heat %d holds racing cars", heat.number()).containsAll(heat.cars());
            }
        }
        if (s.completed()) {
            return;
        }
        // equal runs: every racing car runs R heats in the whole schedule
        Map<String, Integer> runs = new HashMap<>();
        Map<String, Map<Integer, Integer>> laneRuns = new HashMap<>();
        for (Heat heat : s.heats()) {
            for (LaneAssignment seat : heat.lanes()) {
                runs.merge(seat.carNumber(), 1, Integer::sum);
                if (heat.number() > s.laneEraStart()) {
                    laneRuns.computeIfAbsent(seat.carNumber(), c -> new HashMap<>()).merge(seat.lane(), 1, Integer::sum);
                }
            }
        }
        for (String car : racing) {
            assertThat(runs.getOrDefault(car, 0)).as("runs of car %s", car).isEqualTo(s.runsPerCar());
        }
        if (day.corrected()) {
            return;
        }
        // lane balance: 0 when lanes never changed, else spread <= 1 over the new lanes for runs since the change
        for (String car : racing) {
            Map<Integer, Integer> perLane = laneRuns.getOrDefault(car, Map.of());
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int lane : s.lanes()) {
                int n = perLane.getOrDefault(lane, 0);
                min = Math.min(min, n);
                max = Math.max(max, n);
            }
            assertThat(max - min).as("lane spread of car %s (lanes changed: %s)", car, day.lanesChanged())
                    .isLessThanOrEqualTo(day.lanesChanged() ? 1 : 0);
        }
    }
}
