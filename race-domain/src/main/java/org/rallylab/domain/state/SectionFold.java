package org.rallylab.domain.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.rallylab.domain.schedule.Schedule;
import org.rallylab.domain.schedule.Scheduler;

/**
 * How race-day events change a section (spec 02, 03, 05). These functions only change state:
 * they never validate, never throw on a log that was written, and ignore what they cannot
 * place (a race for a heat that does not exist). Guards live in the commands.
 *
 * <p>The schedule is derived: planned when the section starts, and re-planned from the
 * current heat on whenever the cars still owing runs change (late arrival, removal, lane
 * change, lane correction). Heats with results are never changed; the staged heat is kept
 * too when every car and lane in it is still racing, except after a lane change.
 */
final class SectionFold {

    static final int MAX_LANE = 8;

    private SectionFold() {
    }

    /** True for the race-day events this class folds. */
    static boolean isRaceDay(DomainEvent e) {
        return e instanceof RaceCompleted || e instanceof HeatStaged || e instanceof CarArrived
                || e instanceof RerunDeclared || e instanceof ResultManuallyEntered || e instanceof CarRemoved
                || e instanceof ResultCorrected || e instanceof LanesChanged || e instanceof SectionStarted
                || e instanceof SectionCompleted || e instanceof RosterLoaded;
    }

    /** Evolves {@code s} by one race-day event; other events are ignored. */
    static void apply(SectionState s, DomainEvent event) {
        if (event instanceof RaceCompleted e) {
            raceCompleted(s, e);
        } else if (event instanceof HeatStaged e) {
            heatStaged(s, e);
        } else if (event instanceof CarArrived e) {
            carArrived(s, e);
        } else if (event instanceof RerunDeclared e) {
            rerunDeclared(s, e);
        } else if (event instanceof ResultManuallyEntered e) {
            manualResult(s, e);
        } else if (event instanceof CarRemoved e) {
            carRemoved(s, e);
        } else if (event instanceof ResultCorrected e) {
            resultCorrected(s, e);
        } else if (event instanceof LanesChanged e) {
            lanesChanged(s, e);
        } else if (event instanceof SectionStarted e) {
            sectionStarted(s, e);
        } else if (event instanceof SectionCompleted e) {
            sectionCompleted(s, e);
        } else if (event instanceof RosterLoaded e) {
            rosterLoaded(s, e);
        }
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

    static void sectionStarted(SectionState s, SectionStarted e) {
        if (s.started) {
            return;
        }
        s.started = true;
        s.lanes = usableLanes(e.availableLanes());
        s.runsPerCar = s.lanes.size();
        List<String> cars = s.racingCars();
        if (cars.size() < 2 || s.lanes.isEmpty()) {
            return;
        }
        try {
            Schedule schedule = Scheduler.plan(cars, s.lanes, s.runsPerCar);
            schedule.heats().forEach(h -> s.heats.put(h.number(), h));
            s.metrics = schedule.metrics();
        } catch (IllegalArgumentException unschedulable) {
            // history is never rejected: a section that cannot be scheduled simply has no heats
        }
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
        Heat planned = s.heats.put(e.heat(), staged);
        if (planned == null || !planned.lanes().equals(staged.lanes())) {
            replan(s, true);
        }
    }

    static void raceCompleted(SectionState s, RaceCompleted e) {
        if (!s.raceIds.add(e.raceId())) {
            return;
        }
        if (e.raceTimeoutMs() != null) {
            s.raceTimeoutMs = e.raceTimeoutMs();
        }
        Heat heat = s.heats.get(e.heat());
        if (heat == null) {
            return;
        }
        HeatResult existing = s.results.get(e.heat());
        if (e.partial() && existing instanceof TimedResult timed) {
            s.results.put(e.heat(), timed.merge(e.raceId(), e.timesMs(), e.timesUs(), e.effectiveRaceTimeoutMs()));
            s.dnfRerun = null;
            return;
        }
        boolean anyLaneFinished = heat.laneNumbers().stream().anyMatch(e.timesMs()::containsKey);
        if (!anyLaneFinished) {
            return; // every lane DNF: a gate fault, not a race; the heat stays staged
        }
        s.results.put(e.heat(), new TimedResult(e.raceId(), e.timesMs(), e.timesUs(), e.effectiveRaceTimeoutMs()));
        s.dnfRerun = null;
    }

    static void manualResult(SectionState s, ResultManuallyEntered e) {
        if (!s.heats.containsKey(e.heat()) || e.rankings().isEmpty()) {
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
        Heat heat = s.heats.get(e.heatNumber());
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
        s.heats.put(e.heatNumber(), new Heat(e.heatNumber(), corrected, heat.catchUp()));
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
     * Re-plans every heat after the last heat with a result (and after the staged heat when
     * {@code keepStaged} and it is still raceable). Kept heats go to the scheduler renumbered
     * 1..k; new heats are numbered on from the last kept one.
     */
    static void replan(SectionState s, boolean keepStaged) {
        List<String> cars = s.racingCars();
        int keepThrough = s.lastResultHeat();
        Heat staged = s.heats.get(s.stagedHeat);
        if (keepStaged && staged != null && s.stagedHeat > keepThrough && raceable(staged, cars, s.lanes)) {
            keepThrough = s.stagedHeat;
        }
        List<Heat> kept = new ArrayList<>(s.heats.headMap(keepThrough, true).values());
        List<Heat> raced = new ArrayList<>(kept.size());
        int eraStart = 0;
        for (Heat h : kept) {
            raced.add(h.renumbered(raced.size() + 1));
            if (h.number() <= s.laneEraStart) {
                eraStart = raced.size();
            }
        }
        s.heats.tailMap(keepThrough, false).clear();
        if (cars.size() < 2 || s.lanes.isEmpty() || s.runsPerCar < 1) {
            return;
        }
        try {
            Schedule schedule = Scheduler.replan(raced, eraStart, cars, s.lanes, s.runsPerCar);
            int next = keepThrough;
            for (Heat h : schedule.heats().subList(raced.size(), schedule.heats().size())) {
                next++;
                s.heats.put(next, h.renumbered(next));
            }
            s.metrics = schedule.metrics();
        } catch (IllegalArgumentException unschedulable) {
            // keep what was raced; nothing more can be planned from this log
        }
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
            if (lane != null && lane >= 1 && lane <= MAX_LANE) {
                usable.add(lane);
            }
        }
        return List.copyOf(usable);
    }
}
