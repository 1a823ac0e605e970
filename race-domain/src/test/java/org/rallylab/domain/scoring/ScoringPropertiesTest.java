package org.rallylab.domain.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.ManualResult;
import org.rallylab.domain.state.SectionState;

/**
 * A race day at random through the real rules: races with DNFs and accepted impossible times,
 * microseconds or not, hand rankings, re-runs, DNF re-runs, removals, lane corrections, lane
 * changes, late arrivals, and an early end. After every step every figure must be computable
 * and keep {@link ScoringChecks}.
 */
class ScoringPropertiesTest {

    @Property(tries = 150)
    void scoring_randomRaceDay_neverThrowsAndKeepsInvariants(
            @ForAll @IntRange(min = 2, max = 9) int n,
            @ForAll @IntRange(min = 1, max = 63) int laneMask,
            @ForAll("steps") List<Integer> steps) {
        List<String> cars = new ArrayList<>();
        List<Participant> roster = new ArrayList<>();
        for (int i = 1; i <= n + 2; i++) {
            cars.add(String.valueOf(i));
            roster.add(new Participant("p" + i, "Driver " + i, String.valueOf(i)));
        }
        RaceLog race = RaceLog.empty();
        race.command(new Command.LoadRoster(RaceLog.RALLY, RaceLog.SECTION, RaceLog.SECTION_NAME, roster));
        for (int i = 0; i < n; i++) {
            race.command(new Command.MarkArrived(RaceLog.SECTION, cars.get(i)));
        }
        race.command(new Command.StartSection(RaceLog.SECTION, lanes(laneMask)));
        for (int step : steps) {
            Random random = new Random(step);
            SectionState s = race.sectionUnchecked();
            int last = s.lastResultHeat();
            switch (step % 20) {
                case 10, 11 -> {
                    Heat h = s.heatOnTrack().orElse(s.heat(last).orElse(null));
                    if (h != null) {
                        race.command(new Command.EnterManualResult(RaceLog.SECTION, h.number(), places(h, random)));
                    }
                }
                case 12 -> race.command(new Command.DeclareRerun(RaceLog.SECTION, last, "random"));
                case 13 -> race.command(new Command.RerunDnfLanes(RaceLog.SECTION, last));
                case 14 -> race.command(new Command.RemoveCar(RaceLog.SECTION, cars.get(random.nextInt(cars.size())),
                        "destroyed"));
                case 15 -> s.heat(last).ifPresent(h -> race.command(new Command.CorrectLanes(RaceLog.SECTION, last,
                        swapped(h, random), "random")));
                case 16 -> race.command(new Command.ChangeLanes(RaceLog.SECTION, lanes(1 + random.nextInt(63)),
                        "random"));
                case 17 -> race.command(new Command.MarkArrived(RaceLog.SECTION, cars.get(random.nextInt(cars.size()))));
                case 18 -> {
                    if (random.nextInt(4) == 0) {
                        race.command(new Command.EndSectionEarly(RaceLog.SECTION));
                    }
                }
                default -> {
                    if (s.heatOnTrack().isPresent()) {
                        race.command(randomRace(s.heatOnTrack().get(), random, "r" + step));
                    } else {
                        race.command(new Command.StageNextHeat(RaceLog.SECTION));
                    }
                }
            }
            ScoringChecks.check(race.section());
        }
        SectionState end = race.sectionUnchecked(); // what the random day reached, in the test report
        Statistics.label("results").collect(Math.min(end.results().size() / 5 * 5, 40));
        Statistics.label("manual").collect(end.results().values().stream()
                .anyMatch(ManualResult.class::isInstance));
        Statistics.label("removed").collect(!end.removals().isEmpty());
        Statistics.label("completed").collect(end.completed() + "/" + end.endedEarly());
        Statistics.label("incomplete").collect(Scoring.standings(end).entries().stream()
                .anyMatch(StandingsEntry::incomplete));
    }

    @Provide
    Arbitrary<List<Integer>> steps() {
        return Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(5).ofMaxSize(70);
    }

    private static Command.RecordRace randomRace(Heat heat, Random random, String raceId) {
        Map<Integer, Long> ms = new HashMap<>();
        Map<Integer, Long> us = new HashMap<>();
        for (Integer lane : heat.laneNumbers()) {
            int roll = random.nextInt(12);
            if (roll == 0) {
                continue; // DNF
            }
            long micros = roll == 1 ? 500_000 + random.nextInt(100_000)       // impossibly fast
                    : roll == 2 ? 11_000_000                                  // over the timeout
                    : 2_300_000 + random.nextInt(400) * 1_000L + random.nextInt(2) * 300; // ms ties, us apart
            ms.put(lane, (micros + 500) / 1_000);
            us.put(lane, micros);
        }
        boolean withMicros = random.nextBoolean();
        Integer timeout = random.nextBoolean() ? null : 8_000 + random.nextInt(4_000);
        return new Command.RecordRace(RaceLog.SECTION, heat.number(), raceId, ms, withMicros ? us : null, timeout,
                true);
    }

    private static Map<Integer, Integer> places(Heat heat, Random random) {
        Map<Integer, Integer> places = new HashMap<>();
        for (Integer lane : heat.laneNumbers()) {
            if (random.nextInt(5) > 0) {
                places.put(lane, 1 + random.nextInt(heat.lanes().size()));
            }
        }
        return places;
    }

    private static Map<Integer, String> swapped(Heat heat, Random random) {
        Map<Integer, String> seats = new HashMap<>();
        if (heat.lanes().size() >= 2) {
            int a = random.nextInt(heat.lanes().size());
            int b = (a + 1) % heat.lanes().size();
            seats.put(heat.lanes().get(a).lane(), heat.lanes().get(b).carNumber());
            seats.put(heat.lanes().get(b).lane(), heat.lanes().get(a).carNumber());
        }
        return seats;
    }

    private static List<Integer> lanes(int mask) {
        List<Integer> lanes = new ArrayList<>();
        for (int lane = 1; lane <= 6; lane++) {
            if ((mask & 1 << (lane - 1)) != 0) {
                lanes.add(lane);
            }
        }
        return lanes;
    }
}
