package org.rallylab.domain.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.rallylab.domain.event.ArrivalCancelled;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.CarRemoved;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.LaneCar;
import org.rallylab.domain.event.LanesChanged;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.Ranking;
import org.rallylab.domain.event.RerunDeclared;
import org.rallylab.domain.event.ResultCorrected;
import org.rallylab.domain.event.ResultManuallyEntered;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.event.SectionCompleted;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;

/**
 * How race-day events change a section (docs/events.md, docs/race-rules.md). These functions only change state:
 * they never validate, never throw on a log that was written, and ignore what they cannot
 * place (a race for a heat that does not exist). Guards live in the commands.
 *
 * <p>The schedule is derived. Staged heats are facts; the rest is described by a
 * {@link PlanRecipe} recorded when the section starts and whenever the cars still owing runs
 * change (late arrival, removal, lane change, lane correction), and computed only when someone
 * asks. Heats with results are never changed; the staged heat is kept too when every car and
 * lane in it is still racing, except after a lane change.
 */
final class SectionFold {

    /**
     * The one list of race-day events and how each changes a section: {@link #isRaceDay} and
     * {@link #apply} both read it, so an event cannot be known to one and missed by the other.
     */
    private static final Map<Class<? extends DomainEvent>, BiConsumer<SectionState, DomainEvent>> FOLDS = folds(
            fold(RosterLoaded.class, SectionFold::rosterLoaded),
            fold(CarArrived.class, SectionFold::carArrived),
            fold(ArrivalCancelled.class, SectionFold::arrivalCancelled),
            fold(SectionStarted.class, SectionFold::sectionStarted),
            fold(HeatStaged.class, SectionFold::heatStaged),
            fold(RaceCompleted.class, SectionFold::raceCompleted),
            fold(RerunDeclared.class, SectionFold::rerunDeclared),
            fold(ResultManuallyEntered.class, SectionFold::manualResult),
            fold(CarRemoved.class, SectionFold::carRemoved),
            fold(ResultCorrected.class, SectionFold::resultCorrected),
            fold(LanesChanged.class, SectionFold::lanesChanged),
            fold(SectionCompleted.class, SectionFold::sectionCompleted));

    private SectionFold() {
    }

    /** True for the race-day events this class folds. */
    static boolean isRaceDay(DomainEvent e) {
        return FOLDS.containsKey(e.getClass());
    }

    /** Evolves {@code s} by one race-day event; other events are ignored. */
    static void apply(SectionState s, DomainEvent event) {
        BiConsumer<SectionState, DomainEvent> fold = FOLDS.get(event.getClass());
        if (fold != null) {
            fold.accept(s, event);
        }
    }

    private record Fold(Class<? extends DomainEvent> type, BiConsumer<SectionState, DomainEvent> fold) {
    }

    private static <E extends DomainEvent> Fold fold(Class<E> type, BiConsumer<SectionState, E> fold) {
        return new Fold(type, (s, e) -> fold.accept(s, type.cast(e)));
    }

    private static Map<Class<? extends DomainEvent>, BiConsumer<SectionState, DomainEvent>> folds(Fold... folds) {
        Map<Class<? extends DomainEvent>, BiConsumer<SectionState, DomainEvent>> byType = new HashMap<>();
        for (Fold f : folds) {
            byType.put(f.type(), f.fold());
        }
        return Map.copyOf(byType);
    }

    static void rosterLoaded(SectionState s, RosterLoaded e) {
        s.sectionName = e.sectionName();
        s.rosterLoaded = true;
        s.roster.clear();
        for (Participant p : e.participants()) {
            s.roster.putIfAbsent(p.carNumber(), new RosterEntry(p.participantId(), p.name(), p.carNumber()));
        }
    }

    static void carArrived(SectionState s, CarArrived e) {
        if (s.arrived.add(e.carNumber()) && s.started && !s.completed) {
            replan(s, true);
        }
    }

    /** Before the start only (the rules say so; a log from elsewhere that cancels later is ignored). */
    static void arrivalCancelled(SectionState s, ArrivalCancelled e) {
        if (!s.started) {
            s.arrived.remove(e.carNumber());
        }
    }

    static void sectionStarted(SectionState s, SectionStarted e) {
        if (s.started) {
            return;
        }
        s.started = true;
        s.lanes = usableLanes(e.availableLanes());
        s.runsPerCar = s.lanes.size();
        s.recipe = new PlanRecipe(true, List.of(), 0, 0, s.racingCars(), s.lanes, s.runsPerCar);
        s.stagings.clear();
        s.forgetPlan();
    }

    static void heatStaged(SectionState s, HeatStaged e) {
        if (e.heat() < 1) {
            return;
        }
        List<LaneAssignment> seats = new ArrayList<>();
        for (LaneCar lane : e.lanes()) {
            if (lane.lane() >= 1) {
                seats.add(new LaneAssignment(lane.lane(), lane.carNumber()));
            }
        }
        Heat staged = new Heat(e.heat(), seats, e.catchUp());
        s.stagedHeat = e.heat();
        if (e.dnfRerun()) {
            s.dnfRerun = staged;
            return;
        }
        s.dnfRerun = null;
        if (!s.staged.isEmpty() && s.staged.lastKey() > e.heat()) {
            s.staged.tailMap(e.heat(), false).keySet().removeIf(n -> !s.results.containsKey(n));
        }
        s.staged.put(e.heat(), staged);
        s.stagings.add(staged);
        PlannedView plan = s.planIfComputed();
        if (plan != null) {
            Heat planned = plan.heats().get(e.heat());
            if (planned == null || !planned.lanes().equals(staged.lanes())) {
                s.forgetPlan(); // staged differently from the plan: the rest is planned again from here
            }
        }
    }

    static void raceCompleted(SectionState s, RaceCompleted e) {
        if (!s.raceIds.add(e.raceId())) {
            return;
        }
        if (e.raceTimeoutMs() != null) {
            s.raceTimeoutMs = e.raceTimeoutMs();
        }
        Heat heat = s.staged.get(e.heat());
        if (heat == null) {
            return; // a race for a heat that was never staged cannot be placed
        }
        HeatResult existing = s.results.get(e.heat());
        LaneTimes ms = LaneTimes.of(e.timesMs());
        LaneTimes us = e.timesUs() == null ? null : LaneTimes.of(e.timesUs());
        if (e.partial() && existing instanceof TimedResult timed) {
            s.results.put(e.heat(), timed.merge(e.raceId(), ms, us, e.effectiveRaceTimeoutMs()));
            s.dnfRerun = null;
            return;
        }
        if (!anyLaneFinished(heat, ms)) {
            return; // every lane DNF: a gate fault, not a race; the heat stays staged
        }
        s.results.put(e.heat(), new TimedResult(e.raceId(), ms, us, e.effectiveRaceTimeoutMs()));
        s.dnfRerun = null;
    }

    private static boolean anyLaneFinished(Heat heat, LaneTimes ms) {
        for (LaneAssignment seat : heat.lanes()) {
            if (ms.has(seat.lane())) {
                return true;
            }
        }
        return false;
    }

    static void manualResult(SectionState s, ResultManuallyEntered e) {
        if (!s.staged.containsKey(e.heat()) || e.rankings().isEmpty()) {
            return;
        }
        TreeMap<Integer, Integer> places = new TreeMap<>();
        for (Ranking r : e.rankings()) {
            places.putIfAbsent(r.lane(), r.place());
        }
        s.results.put(e.heat(), new ManualResult(places, s.raceTimeoutMs));
        s.dnfRerun = null;
    }

    static void rerunDeclared(SectionState s, RerunDeclared e) {
        s.results.remove(e.heat());
        s.dnfRerun = null;
        if (e.heat() <= s.laneEraStart) {
            // The heat was raced before the current lanes took effect: raced again, it is one of the
            // runs still to come, so it belongs to the current lanes (and their balance) too.
            s.laneEraStart = s.lastResultHeat();
            if (s.started && !s.completed) {
                replan(s, false);
            }
        }
    }

    static void carRemoved(SectionState s, CarRemoved e) {
        if (s.removed.containsKey(e.carNumber())) {
            return;
        }
        s.removed.put(e.carNumber(), new Removal(e.carNumber(), e.heat(), e.reason()));
        if (s.dnfRerun != null && s.dnfRerun.hasCar(e.carNumber())) {
            List<LaneAssignment> rest = s.dnfRerun.lanes().stream()
                    .filter(a -> !a.carNumber().equals(e.carNumber())).toList();
            s.dnfRerun = rest.isEmpty() ? null : new Heat(s.dnfRerun.number(), rest, false);
        }
        if (s.started && !s.completed) {
            replan(s, true);
        }
    }

    static void resultCorrected(SectionState s, ResultCorrected e) {
        Heat heat = s.staged.get(e.heatNumber());
        if (heat == null) {
            return;
        }
        TreeMap<Integer, String> seats = new TreeMap<>();
        heat.lanes().forEach(a -> seats.put(a.lane(), a.carNumber()));
        for (LaneCar lane : e.correctedLanes()) {
            if (lane.lane() >= 1) {
                seats.put(lane.lane(), lane.carNumber());
            }
        }
        List<LaneAssignment> corrected = new ArrayList<>();
        seats.forEach((lane, car) -> corrected.add(new LaneAssignment(lane, car)));
        s.staged.put(e.heatNumber(), new Heat(e.heatNumber(), corrected, heat.catchUp()));
        s.forgetPlan();
        if (s.dnfRerun != null && s.dnfRerun.number() == e.heatNumber()) {
            List<LaneAssignment> rerun = s.dnfRerun.lanes().stream()
                    .map(a -> new LaneAssignment(a.lane(), seats.getOrDefault(a.lane(), a.carNumber()))).toList();
            s.dnfRerun = new Heat(e.heatNumber(), rerun, false);
        }
        if (s.started && !s.completed) {
            replan(s, true);
        }
    }

    static void lanesChanged(SectionState s, LanesChanged e) {
        s.lanes = usableLanes(e.availableLanes());
        s.laneEraStart = s.lastResultHeat();
        s.dnfRerun = null;
        if (s.started && !s.completed) {
            replan(s, false);
        }
    }

    static void sectionCompleted(SectionState s, SectionCompleted e) {
        s.completed = true;
        s.earlyEnd = e.earlyEnd();
        s.totalHeats = e.totalHeats();
        s.dnfRerun = null;
    }

    /**
     * Records that the heats after the last heat with a result (and after the staged heat when
     * {@code keepStaged} and it is still raceable) must be planned again for the cars and lanes
     * racing now. Staged heats beyond that stop being facts. The scheduler runs only when
     * someone asks for the schedule.
     */
    static void replan(SectionState s, boolean keepStaged) {
        List<String> cars = s.racingCars();
        int keepThrough = s.lastResultHeat();
        Heat staged = s.staged.get(s.stagedHeat);
        if (keepStaged && staged != null && s.stagedHeat > keepThrough && raceable(staged, cars, s.lanes)) {
            keepThrough = s.stagedHeat;
        }
        s.staged.tailMap(keepThrough, false).clear();
        s.recipe = new PlanRecipe(false, List.copyOf(s.staged.values()), keepThrough, s.laneEraStart, cars, s.lanes,
                s.runsPerCar);
        s.stagings.clear();
        s.forgetPlan();
    }

    private static boolean raceable(Heat heat, List<String> cars, List<Integer> lanes) {
        Set<String> racing = new HashSet<>(cars);
        for (LaneAssignment a : heat.lanes()) {
            if (!racing.contains(a.carNumber()) || !lanes.contains(a.lane())) {
                return false;
            }
        }
        return true;
    }

    /** The distinct lanes 1..8 of a lane list, ascending; anything else is dropped. */
    static List<Integer> usableLanes(List<Integer> lanes) {
        TreeSet<Integer> usable = new TreeSet<>();
        for (Integer lane : lanes) {
            if (lane != null && lane >= 1 && lane <= LaneAssignment.LAST_LANE) {
                usable.add(lane);
            }
        }
        return List.copyOf(usable);
    }
}
