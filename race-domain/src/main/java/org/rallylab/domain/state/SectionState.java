package org.rallylab.domain.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.roster.CarNumbers;
import org.rallylab.domain.roster.SectionRoster;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.ScheduleMetrics;

/**
 * Everything the log says about one section: its pre-race roster, the loaded race-day roster,
 * check-in, the schedule, staged heat and accepted results. Changed only by {@link SectionFold};
 * everything returned is a read-only view or a copy.
 */
public final class SectionState {

    final String sectionId;
    String sectionName;

    // pre-race
    String registrarEmail;
    final LinkedHashSet<String> checkInVolunteers = new LinkedHashSet<>();
    final SectionRoster registration;

    // race day
    boolean rosterLoaded;
    final LinkedHashMap<String, RosterEntry> roster = new LinkedHashMap<>();
    final LinkedHashSet<String> arrived = new LinkedHashSet<>();
    boolean started;
    List<Integer> lanes = List.of();
    int runsPerCar;
    int laneEraStart;
    /** Heats as staged (and corrected): facts. The planned rest comes from {@link #recipe}. */
    final TreeMap<Integer, Heat> staged = new TreeMap<>();
    PlanRecipe recipe;
    final List<Heat> stagings = new ArrayList<>();
    /** The computed schedule, or null until someone asks; never part of equality. */
    private PlannedView plan;
    int stagedHeat;
    Heat dnfRerun;
    final TreeMap<Integer, HeatResult> results = new TreeMap<>();
    final Set<String> raceIds = new HashSet<>();
    final LinkedHashMap<String, Removal> removed = new LinkedHashMap<>();
    int raceTimeoutMs = RaceCompleted.DEFAULT_RACE_TIMEOUT_MS;
    boolean completed;
    boolean earlyEnd;
    int totalHeats;

    SectionState(String sectionId) {
        this.sectionId = sectionId;
        this.registration = new SectionRoster();
    }

    private SectionState(SectionState o) {
        sectionId = o.sectionId;
        sectionName = o.sectionName;
        registrarEmail = o.registrarEmail;
        checkInVolunteers.addAll(o.checkInVolunteers);
        registration = o.registration.copy();
        rosterLoaded = o.rosterLoaded;
        roster.putAll(o.roster);
        arrived.addAll(o.arrived);
        started = o.started;
        lanes = o.lanes;
        runsPerCar = o.runsPerCar;
        laneEraStart = o.laneEraStart;
        staged.putAll(o.staged);
        recipe = o.recipe;
        stagings.addAll(o.stagings);
        plan = o.plan;
        stagedHeat = o.stagedHeat;
        dnfRerun = o.dnfRerun;
        results.putAll(o.results);
        raceIds.addAll(o.raceIds);
        removed.putAll(o.removed);
        raceTimeoutMs = o.raceTimeoutMs;
        completed = o.completed;
        earlyEnd = o.earlyEnd;
        totalHeats = o.totalHeats;
    }

    SectionState copy() {
        return new SectionState(this);
    }

    /**
     * What this section would look like after {@code events} (race-day events of this section),
     * without changing it: commands use this to see the heat a change would stage.
     */
    public SectionState after(List<? extends DomainEvent> events) {
        SectionState next = copy();
        for (DomainEvent event : events) {
            if (sectionId.equals(event.sectionId())) {
                SectionFold.apply(next, event);
            }
        }
        return next;
    }

    public String sectionId() {
        return sectionId;
    }

    /** The section's name, or its id when the log never named it. */
    public String sectionName() {
        return sectionName == null ? sectionId : sectionName;
    }

    public SectionPhase phase() {
        if (completed) {
            return SectionPhase.SECTION_COMPLETE;
        }
        if (started) {
            return SectionPhase.RACING;
        }
        if (rosterLoaded) {
            return arrived.isEmpty() ? SectionPhase.RALLY_LOADED : SectionPhase.CHECK_IN;
        }
        return SectionPhase.IDLE;
    }

    // ---- pre-race ----

    public Optional<String> registrarEmail() {
        return Optional.ofNullable(registrarEmail);
    }

    public Set<String> checkInVolunteers() {
        return Collections.unmodifiableSet(checkInVolunteers);
    }

    /** The pre-race roster with the car numbers the rally assigned. */
    public SectionRoster registration() {
        return registration.copy();
    }

    // ---- roster and check-in ----

    public boolean rosterLoaded() {
        return rosterLoaded;
    }

    /** The loaded race-day roster, in roster order. */
    public List<RosterEntry> roster() {
        return List.copyOf(roster.values());
    }

    public Optional<RosterEntry> rosterEntry(String carNumber) {
        return Optional.ofNullable(roster.get(carNumber));
    }

    /** The participant's name for a car, or "" when the car is not on the roster. */
    public String nameOf(String carNumber) {
        RosterEntry entry = roster.get(carNumber);
        return entry == null ? "" : entry.name();
    }

    public boolean hasArrived(String carNumber) {
        return arrived.contains(carNumber);
    }

    /** Checked-in cars in the order they arrived. */
    public List<String> arrivedCars() {
        return List.copyOf(arrived);
    }

    public Map<String, Removal> removals() {
        return Collections.unmodifiableMap(removed);
    }

    public boolean isRemoved(String carNumber) {
        return removed.containsKey(carNumber);
    }

    /** Arrived cars not removed, in natural car-number order: the cars the schedule is made for. */
    public List<String> racingCars() {
        List<String> cars = new ArrayList<>();
        for (String car : arrived) {
            if (!removed.containsKey(car)) {
                cars.add(car);
            }
        }
        cars.sort(CarNumbers.NATURAL);
        return cars;
    }

    // ---- racing ----

    public boolean started() {
        return started;
    }

    public boolean completed() {
        return completed;
    }

    /** True when the section was ended early by the operator. */
    public boolean endedEarly() {
        return earlyEnd;
    }

    /** The total_heats recorded by SectionCompleted (0 before completion). */
    public int completedHeats() {
        return totalHeats;
    }

    /** The lanes in use now, ascending. */
    public List<Integer> lanes() {
        return lanes;
    }

    public int runsPerCar() {
        return runsPerCar;
    }

    /** The last heat raced before the current lane set took effect (0 when lanes never changed). */
    public int laneEraStart() {
        return laneEraStart;
    }

    /** The whole schedule: heats raced, staged and still planned, in order. */
    public List<Heat> heats() {
        TreeMap<Integer, Heat> all = new TreeMap<>(plannedView().heats());
        all.putAll(staged);
        return List.copyOf(all.values());
    }

    /** A heat of the schedule; a staged (or raced) heat is answered without planning anything. */
    public Optional<Heat> heat(int number) {
        Heat fact = staged.get(number);
        return fact != null ? Optional.of(fact) : Optional.ofNullable(plannedView().heats().get(number));
    }

    public int heatCount() {
        NavigableMap<Integer, Heat> planned = plannedView().heats();
        int count = planned.size();
        for (Integer number : staged.keySet()) {
            if (!planned.containsKey(number)) {
                count++;
            }
        }
        return count;
    }

    /** Metrics of the schedule as last planned, or null before the section started. */
    public ScheduleMetrics scheduleMetrics() {
        return plannedView().metrics();
    }

    /** The first scheduled heat with no accepted result; empty when every heat has one. */
    public OptionalInt currentHeat() {
        for (Heat heat : heats()) {
            if (!results.containsKey(heat.number())) {
                return OptionalInt.of(heat.number());
            }
        }
        return OptionalInt.empty();
    }

    /** The schedule computed from the recipe, once per planning event. */
    PlannedView plannedView() {
        if (plan == null) {
            plan = SchedulePlanner.plan(recipe, stagings);
        }
        return plan;
    }

    /** The computed schedule no longer holds: a planning event, or a staging that differs from it. */
    void forgetPlan() {
        plan = null;
    }

    /** The computed schedule, if one is held (it is not recomputed here). */
    PlannedView planIfComputed() {
        return plan;
    }

    /** The number of the heat last staged (0 before the first). */
    public int stagedHeatNumber() {
        return stagedHeat;
    }

    /**
     * What the track should race now: the staged heat while it has no result, or only its DNF
     * lanes while a DNF re-run is staged. Empty while results are showing, or before racing.
     */
    public Optional<Heat> heatOnTrack() {
        if (!started || completed || stagedHeat == 0) {
            return Optional.empty();
        }
        if (dnfRerun != null) {
            return Optional.of(dnfRerun);
        }
        if (results.containsKey(stagedHeat)) {
            return Optional.empty();
        }
        return heat(stagedHeat);
    }

    /** True while a re-run of only the DNF lanes of the staged heat is waiting for the track. */
    public boolean dnfRerunStaged() {
        return dnfRerun != null;
    }

    public Optional<HeatResult> result(int heat) {
        return Optional.ofNullable(results.get(heat));
    }

    /** Accepted results by heat number. */
    public SortedMap<Integer, HeatResult> results() {
        return Collections.unmodifiableSortedMap(results);
    }

    /** The highest heat number with an accepted result, or 0. */
    public int lastResultHeat() {
        return results.isEmpty() ? 0 : results.lastKey();
    }

    /** True when a race with this id was already recorded for this section (duplicate delivery). */
    public boolean hasRace(String raceId) {
        return raceIds.contains(raceId);
    }

    /** The race timeout DNF lanes count as: the latest the track reported, else 10 000 ms. */
    public int raceTimeoutMs() {
        return raceTimeoutMs;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SectionState s)) {
            return false;
        }
        return sectionId.equals(s.sectionId) && Objects.equals(sectionName, s.sectionName)
                && Objects.equals(registrarEmail, s.registrarEmail)
                && List.copyOf(checkInVolunteers).equals(List.copyOf(s.checkInVolunteers))
                && registration.equals(s.registration) && rosterLoaded == s.rosterLoaded
                && List.copyOf(roster.values()).equals(List.copyOf(s.roster.values()))
                && List.copyOf(arrived).equals(List.copyOf(s.arrived)) && started == s.started
                && lanes.equals(s.lanes) && runsPerCar == s.runsPerCar && laneEraStart == s.laneEraStart
                && staged.equals(s.staged) && Objects.equals(recipe, s.recipe) && stagings.equals(s.stagings)
                && stagedHeat == s.stagedHeat
                && Objects.equals(dnfRerun, s.dnfRerun) && results.equals(s.results)
                && raceIds.equals(s.raceIds) && List.copyOf(removed.values()).equals(List.copyOf(s.removed.values()))
                && raceTimeoutMs == s.raceTimeoutMs && completed == s.completed && earlyEnd == s.earlyEnd
                && totalHeats == s.totalHeats;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sectionId, staged, results, arrived, removed.keySet());
    }
}
