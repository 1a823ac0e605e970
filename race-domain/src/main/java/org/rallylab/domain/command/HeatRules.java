package org.rallylab.domain.command;

import static org.rallylab.domain.command.Guards.reject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.rallylab.domain.event.CarRemoved;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.LanesChanged;
import org.rallylab.domain.event.RerunDeclared;
import org.rallylab.domain.event.SectionCompleted;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.state.HeatResult;
import org.rallylab.domain.state.ManualResult;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/**
 * Moving through the heats: next heat, re-runs, removals, lane changes and ending a section.
 * Commands that change what is on the track emit the HeatStaged that follows from it.
 */
final class HeatRules {

    private HeatRules() {
    }

    static Decision stageNextHeat(RallyState state, Command.StageNextHeat c, long now) {
        SectionState s = Guards.racing(state, c.sectionId());
        Optional<Heat> onTrack = s.heatOnTrack();
        if (onTrack.isPresent()) {
            throw reject("Heat " + onTrack.get().number() + " is staged and waiting for the track; "
                    + "race it, or rank it by hand.");
        }
        String rallyId = Guards.rallyId(state);
        OptionalInt next = s.currentHeat();
        if (next.isEmpty()) {
            return new Decision.Accepted(List.of(
                    new SectionCompleted(now, rallyId, s.sectionId(), s.heatCount(), false, Extras.NONE)));
        }
        Heat heat = Guards.heat(s, next.getAsInt());
        return new Decision.Accepted(List.of(Guards.staging(rallyId, s, heat, false, now)));
    }

    static Decision declareRerun(RallyState state, Command.DeclareRerun c, long now) {
        SectionState s = Guards.racing(state, c.sectionId());
        Heat heat = Guards.heat(s, c.heat());
        requireLatestResult(s, c.heat());
        String rallyId = Guards.rallyId(state);
        RerunDeclared rerun = new RerunDeclared(now, rallyId, s.sectionId(), c.heat(), blankToNull(c.reason()),
                Extras.NONE);
        SectionState after = s.after(List.of(rerun));
        Heat again = after.heat(c.heat()).orElse(heat);
        return new Decision.Accepted(List.of(rerun, Guards.staging(rallyId, after, again, false, now)));
    }

    static Decision rerunDnfLanes(RallyState state, Command.RerunDnfLanes c, long now) {
        SectionState s = Guards.racing(state, c.sectionId());
        Heat heat = Guards.heat(s, c.heat());
        HeatResult result = requireLatestResult(s, c.heat());
        if (result instanceof ManualResult) {
            throw reject("Heat " + c.heat() + " was ranked by hand; declare a full re-run instead.");
        }
        if (s.dnfRerunStaged()) {
            throw reject("The DNF lanes of heat " + c.heat() + " are already staged; race them.");
        }
        List<LaneAssignment> dnf = new ArrayList<>();
        for (LaneAssignment a : heat.lanes()) {
            if (result.isDnf(a.lane()) && !s.isRemoved(a.carNumber()) && s.lanes().contains(a.lane())) {
                dnf.add(a);
            }
        }
        if (dnf.isEmpty()) {
            throw reject("Every car still racing in heat " + c.heat() + " finished; there is no DNF lane to re-run.");
        }
        Heat rerun = new Heat(c.heat(), dnf, false);
        return new Decision.Accepted(List.of(Guards.staging(Guards.rallyId(state), s, rerun, true, now)));
    }

    static Decision removeCar(RallyState state, Command.RemoveCar c, long now) {
        SectionState s = Guards.racing(state, c.sectionId());
        String car = c.carNumber() == null ? "" : c.carNumber().strip();
        String reason = c.reason() == null ? "" : c.reason().strip().toLowerCase(java.util.Locale.ROOT);
        if (!reason.equals(CarRemoved.DESTROYED) && !reason.equals(CarRemoved.DISQUALIFIED)) {
            throw reject("Say why car " + car + " leaves: destroyed or disqualified.");
        }
        if (s.rosterEntry(car).isEmpty()) {
            throw reject("Car " + car + " is not on the " + s.sectionName() + " roster.");
        }
        if (s.isRemoved(car)) {
            throw reject("Car " + car + " was already removed at heat " + s.removals().get(car).heat() + ".");
        }
        if (!s.hasArrived(car)) {
            throw reject("Car " + car + " never checked in, so it is not racing.");
        }
        if (s.racingCars().size() <= CheckInRules.MIN_CARS) {
            throw reject("Removing car " + car + " would leave only one car racing; end the section early instead.");
        }
        String rallyId = Guards.rallyId(state);
        int atHeat = s.currentHeat().orElse(s.heatCount());
        CarRemoved removed = new CarRemoved(now, rallyId, s.sectionId(), car, atHeat, reason, Extras.NONE);
        List<DomainEvent> events = new ArrayList<>(List.of(removed));
        Optional<Heat> onTrack = s.heatOnTrack();
        if (onTrack.isPresent() && !s.dnfRerunStaged() && onTrack.get().hasCar(car)) {
            SectionState after = s.after(events);
            after.heat(onTrack.get().number())
                    .ifPresent(h -> events.add(Guards.staging(rallyId, after, h, false, now)));
        }
        return new Decision.Accepted(events);
    }

    static Decision changeLanes(RallyState state, Command.ChangeLanes c, long now) {
        SectionState s = Guards.racing(state, c.sectionId());
        List<Integer> lanes = Guards.lanes(c.lanes());
        if (lanes.equals(s.lanes())) {
            throw reject("Lanes " + Guards.laneList(lanes) + " are already in use: tick the lanes to race on from now on.");
        }
        String rallyId = Guards.rallyId(state);
        LanesChanged changed = new LanesChanged(now, rallyId, s.sectionId(), lanes, blankToNull(c.reason()),
                Extras.NONE);
        List<DomainEvent> events = new ArrayList<>(List.of(changed));
        boolean staging = s.heatOnTrack().isPresent() && !s.dnfRerunStaged();
        if (staging) {
            SectionState after = s.after(events);
            after.currentHeat().ifPresent(number -> after.heat(number)
                    .ifPresent(h -> events.add(Guards.staging(rallyId, after, h, false, now))));
        }
        return new Decision.Accepted(events);
    }

    static Decision completeSection(RallyState state, Command.CompleteSection c, long now) {
        SectionState s = Guards.racing(state, c.sectionId());
        OptionalInt open = s.currentHeat();
        if (open.isPresent() || s.heatCount() == 0) {
            throw reject("Heats " + open.orElse(1) + " to " + s.heatCount() + " have no result yet; "
                    + "race them, or end the section early.");
        }
        return new Decision.Accepted(List.of(new SectionCompleted(now, Guards.rallyId(state), s.sectionId(),
                s.heatCount(), false, Extras.NONE)));
    }

    static Decision endSectionEarly(RallyState state, Command.EndSectionEarly c, long now) {
        SectionState s = Guards.racing(state, c.sectionId());
        if (s.results().isEmpty()) {
            throw reject("No heat of " + s.sectionName() + " has a result yet, so there is nothing to rank; "
                    + "race at least one heat first.");
        }
        return new Decision.Accepted(List.of(new SectionCompleted(now, Guards.rallyId(state), s.sectionId(),
                s.results().size(), true, Extras.NONE)));
    }

    /** The heat's result, which must be the most recent one (only the latest raced heat can be re-run). */
    private static HeatResult requireLatestResult(SectionState s, int heat) {
        HeatResult result = s.result(heat).orElse(null);
        if (result == null) {
            throw reject("Heat " + heat + " has no result to re-run.");
        }
        if (heat != s.lastResultHeat()) {
            throw reject("Only the most recent heat with a result (heat " + s.lastResultHeat() + ") can be re-run.");
        }
        return result;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
