package org.rallylab.app.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.command.RaceRules;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/**
 * A seeded demo rally: three sections raced through the same commands an operator uses, with
 * simulated times and the things that happen on a real race day (a re-run, a heat ranked by
 * eye, a DNF lane re-run, a destroyed car, a late arrival). Each command's events form one
 * batch, as the app appends them.
 */
public final class DemoRally {

    /** What one demo section looks like and which race-day incidents happen in it. */
    public record SectionPlan(String name, int cars, List<Integer> lanes, String numberPrefix,
                              int rerunAtHeat, int manualAtHeat, int dnfRerunAtHeat,
                              int removeAfterHeat, int lateArrivalAfterHeat) {
    }

    public static final List<SectionPlan> STANDARD = List.of(
            new SectionPlan("Beaver Buggies", 8, List.of(1, 2, 3, 4), "", 0, 4, 0, 0, 0),
            new SectionPlan("Kub Kars", 14, List.of(1, 2, 3, 4, 5, 6), "", 2, 0, 0, 5, 3),
            new SectionPlan("Scout Trucks", 9, List.of(1, 3, 5), "T", 0, 0, 2, 0, 0));

    private static final long RALLY_DAY = LocalDate.of(2026, 2, 14).atTime(9, 0).toInstant(ZoneOffset.UTC)
            .toEpochMilli();

    private final RaceRules rules = new RaceRules();
    private final RallyState state = RallyState.empty();
    private final List<List<DomainEvent>> batches = new ArrayList<>();
    private final long seed;
    private final Random random;
    private final DemoTimes track;
    private long clock = RALLY_DAY;
    private int raceCounter;

    private DemoRally(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.track = new DemoTimes(seed);
    }

    /** The standard three-section demo. */
    public static List<List<DomainEvent>> standard(long seed) {
        return build(seed, "RallyLab Demo Rally", STANDARD);
    }

    /** A demo rally of the given sections; every section is raced to completion. */
    public static List<List<DomainEvent>> build(long seed, String rallyName, List<SectionPlan> sections) {
        DemoRally demo = new DemoRally(seed);
        demo.run(rallyName, sections);
        return demo.batches;
    }

    private void run(String rallyName, List<SectionPlan> plans) {
        String rallyId = uuid("rally");
        execute(new Command.CreateRally(rallyId, rallyName, "2026-02-14", "organizer@example.org"));
        List<String> ids = new ArrayList<>();
        for (SectionPlan plan : plans) {
            String sectionId = uuid("section/" + plan.name());
            ids.add(sectionId);
            execute(new Command.CreateSection(sectionId, plan.name(), "organizer@example.org"));
            execute(new Command.LoadRoster(rallyId, sectionId, plan.name(), roster(plan)));
        }
        for (int i = 0; i < plans.size(); i++) {
            race(ids.get(i), plans.get(i));
        }
    }

    private List<Participant> roster(SectionPlan plan) {
        return DemoRoster.participants(random, plan.cars(), plan.numberPrefix(),
                i -> uuid("participant/" + plan.name() + "/" + i));
    }

    private void race(String sectionId, SectionPlan plan) {
        List<String> cars = section(sectionId).roster().stream().map(r -> r.carNumber()).toList();
        String late = plan.lateArrivalAfterHeat() > 0 ? cars.get(cars.size() - 1) : null;
        for (String car : cars) {
            if (!car.equals(late)) {
                execute(new Command.MarkArrived(sectionId, car));
            }
        }
        execute(new Command.StartSection(sectionId, plan.lanes()));
        boolean rerunDone = false;
        boolean dnfDone = false;
        while (!section(sectionId).completed()) {
            SectionState s = section(sectionId);
            Heat heat = s.heatOnTrack().orElse(null);
            if (heat == null) {
                int raced = s.lastResultHeat();
                if (late != null && raced == plan.lateArrivalAfterHeat() && !s.hasArrived(late)) {
                    execute(new Command.MarkArrived(sectionId, late));
                }
                if (raced == plan.removeAfterHeat() && s.removals().isEmpty()) {
                    String victim = s.racingCars().get(s.racingCars().size() / 2);
                    execute(new Command.RemoveCar(sectionId, victim, "destroyed"));
                }
                execute(new Command.StageNextHeat(sectionId));
                continue;
            }
            if (heat.number() == plan.manualAtHeat() && s.result(heat.number()).isEmpty()) {
                execute(new Command.EnterManualResult(sectionId, heat.number(), manualPlaces(heat)));
                continue;
            }
            boolean dnfHere = heat.number() == plan.dnfRerunAtHeat() && !dnfDone && !s.dnfRerunStaged();
            Set<Integer> dnfLanes = dnfHere ? Set.of(heat.laneNumbers().get(heat.laneNumbers().size() - 1)) : Set.of();
            recordRace(sectionId, heat, dnfLanes);
            if (dnfHere) {
                dnfDone = true;
                execute(new Command.RerunDnfLanes(sectionId, heat.number()));
            } else if (heat.number() == plan.rerunAtHeat() && !rerunDone) {
                rerunDone = true;
                execute(new Command.DeclareRerun(sectionId, heat.number(), "car jumped the track"));
            }
        }
    }

    private void recordRace(String sectionId, Heat heat, Set<Integer> dnfLanes) {
        Map<Integer, Long> micros = track.runMicros(sectionId, heat, dnfLanes);
        execute(new Command.RecordRace(sectionId, heat.number(), uuid("race/" + (++raceCounter)),
                DemoTimes.toMillis(micros), micros, 10_000, false));
    }

    private Map<Integer, Integer> manualPlaces(Heat heat) {
        List<Integer> lanes = new ArrayList<>(heat.laneNumbers());
        java.util.Collections.shuffle(lanes, random);
        Map<Integer, Integer> places = new java.util.HashMap<>();
        for (int i = 0; i < lanes.size(); i++) {
            places.put(lanes.get(i), i + 1);
        }
        return places;
    }

    private void execute(Command command) {
        clock += 15_000 + random.nextInt(30_000);
        Decision decision = rules.decide(state, command, clock);
        if (!(decision instanceof Decision.Accepted)) {
            throw new IllegalStateException("demo command " + command + " was not accepted: " + decision.message());
        }
        decision.events().forEach(state::apply);
        batches.add(decision.events());
    }

    private SectionState section(String id) {
        return state.section(id).orElseThrow();
    }

    private String uuid(String name) {
        return UUID.nameUUIDFromBytes(("rallylab-demo/" + seed + "/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
