package org.rallylab.domain.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.state.HeatResult;
import org.rallylab.domain.state.ManualResult;
import org.rallylab.domain.state.SectionState;

/**
 * A random race day for property tests: a roster, a random lane set out of 8 physical lanes,
 * then random operator actions, each chosen only when its rules allow it (so every one must be
 * accepted). Reports what kinds of disruption happened so checks can pick their invariant.
 */
public final class RandomRaceDay {

    public static final String SECTION = "s";

    private final Random random;
    private final RaceDay day;
    private final int rosterSize;
    private final boolean laneChangesAllowed;
    private final boolean correctionsAllowed;
    private boolean lanesChanged;
    private boolean corrected;

    public RandomRaceDay(long seed, int cars, List<Integer> lanes, int lateCars) {
        this(seed, cars, lanes, lateCars, true, true);
    }

    /** A day where lane changes and lane corrections may be left out, so invariants that hold only without them get checked. */
    public RandomRaceDay(long seed, int cars, List<Integer> lanes, int lateCars, boolean laneChangesAllowed,
                         boolean correctionsAllowed) {
        this.laneChangesAllowed = laneChangesAllowed;
        this.correctionsAllowed = correctionsAllowed;
        this.random = new Random(seed);
        this.day = new RaceDay();
        this.rosterSize = cars + lateCars;
        day.accept(new Command.CreateRally(RaceDay.RALLY, "Random Rally", null, null));
        day.accept(new Command.CreateSection(SECTION, "Random Section", null));
        List<Participant> roster = new ArrayList<>();
        for (int i = 1; i <= rosterSize; i++) {
            roster.add(new Participant("p" + i, "Driver " + i, (i % 3 == 0 ? "B" : "") + i));
        }
        day.accept(new Command.LoadRoster(RaceDay.RALLY, SECTION, "Random Section", roster));
        for (int i = 0; i < cars; i++) {
            day.accept(new Command.MarkArrived(SECTION, roster.get(i).carNumber()));
        }
        day.accept(new Command.StartSection(SECTION, lanes));
    }

    /** Takes {@code steps} random actions (or fewer if the section completes), calling {@code check} after each. */
    public void run(int steps, Consumer<RandomRaceDay> check) {
        check.accept(this);
        for (int i = 0; i < steps && !section().completed(); i++) {
            step();
            check.accept(this);
        }
    }

    private void step() {
        SectionState s = section();
        Heat onTrack = s.heatOnTrack().orElse(null);
        int roll = random.nextInt(100);
        if (onTrack != null) {
            if (roll < 70) {
                race(onTrack);
            } else if (roll < 76) {
                // a random finish, ties included, placed the way the rules read places (1, 1, 3)
                List<Integer> lanes = onTrack.laneNumbers();
                Map<Integer, Integer> finish = new HashMap<>();
                for (Integer lane : lanes) {
                    finish.put(lane, random.nextInt(lanes.size()));
                }
                Map<Integer, Integer> places = new HashMap<>();
                finish.forEach((lane, at) -> places.put(lane,
                        1 + (int) finish.values().stream().filter(other -> other < at).count()));
                day.accept(new Command.EnterManualResult(SECTION, onTrack.number(), places));
            } else {
                disrupt(s);
            }
            return;
        }
        if (roll < 55) {
            day.accept(new Command.StageNextHeat(SECTION));
        } else if (roll < 65 && s.lastResultHeat() > 0) {
            day.accept(new Command.DeclareRerun(SECTION, s.lastResultHeat(), "random re-run"));
        } else if (roll < 72 && dnfRerunPossible(s)) {
            day.accept(new Command.RerunDnfLanes(SECTION, s.lastResultHeat()));
        } else if (roll < 76 && s.lastResultHeat() > 0 && correctionsAllowed) {
            swapLanes(s);
        } else if (roll < 77 && s.lastResultHeat() > 0) {
            day.accept(new Command.EndSectionEarly(SECTION));
        } else {
            disrupt(s);
        }
    }

    private void race(Heat heat) {
        Map<Integer, Long> times = new HashMap<>();
        for (LaneAssignment seat : heat.lanes()) {
            if (random.nextInt(10) != 0) {
                times.put(seat.lane(), 2_000L + random.nextInt(1_500));
            }
        }
        if (times.isEmpty()) {
            times.put(heat.laneNumbers().get(0), 2_500L);
        }
        day.accept(new Command.RecordRace(SECTION, heat.number(), "race-" + random.nextLong(), times, null, null,
                false));
    }

    private void disrupt(SectionState s) {
        int roll = random.nextInt(3);
        List<String> waiting = new ArrayList<>();
        s.roster().forEach(r -> {
            if (!s.hasArrived(r.carNumber())) {
                waiting.add(r.carNumber());
            }
        });
        if (roll == 0 && s.racingCars().size() >= 3) {
            String victim = s.racingCars().get(random.nextInt(s.racingCars().size()));
            day.accept(new Command.RemoveCar(SECTION, victim, random.nextBoolean() ? "destroyed" : "disqualified"));
        } else if (roll == 1 && !waiting.isEmpty()) {
            day.accept(new Command.MarkArrived(SECTION, waiting.get(0)));
        } else if (laneChangesAllowed && random.nextInt(3) == 0) {
            List<Integer> lanes = randomLanes(random, 1 + random.nextInt(8));
            if (!lanes.equals(s.lanes())) {
                lanesChanged = true;
                day.accept(new Command.ChangeLanes(SECTION, lanes, "random lane change"));
            }
        }
    }

    private boolean dnfRerunPossible(SectionState s) {
        HeatResult result = s.result(s.lastResultHeat()).orElse(null);
        if (result == null || result instanceof ManualResult || s.dnfRerunStaged()) {
            return false;
        }
        Heat heat = s.heat(s.lastResultHeat()).orElseThrow();
        return heat.lanes().stream().anyMatch(a -> result.isDnf(a.lane()) && !s.isRemoved(a.carNumber())
                && s.lanes().contains(a.lane()));
    }

    private void swapLanes(SectionState s) {
        Heat heat = s.heat(s.lastResultHeat()).orElseThrow();
        if (heat.lanes().size() < 2) {
            return;
        }
        LaneAssignment a = heat.lanes().get(0);
        LaneAssignment b = heat.lanes().get(1);
        corrected = true;
        day.accept(new Command.CorrectLanes(SECTION, heat.number(), Map.of(a.lane(), b.carNumber(),
                b.lane(), a.carNumber()), "random swap"));
    }

    /** {@code count} distinct lanes out of 1..8, ascending. */
    public static List<Integer> randomLanes(Random random, int count) {
        List<Integer> all = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        java.util.Collections.shuffle(all, random);
        List<Integer> lanes = new ArrayList<>(all.subList(0, count));
        lanes.sort(null);
        return lanes;
    }

    public SectionState section() {
        return day.section(SECTION);
    }

    public List<DomainEvent> log() {
        return day.log();
    }

    public RaceDay day() {
        return day;
    }

    public boolean lanesChanged() {
        return lanesChanged;
    }

    public boolean corrected() {
        return corrected;
    }
}
