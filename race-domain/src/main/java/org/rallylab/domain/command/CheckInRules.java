package org.rallylab.domain.command;

import static org.rallylab.domain.command.Guards.reject;

import java.util.List;
import org.rallylab.domain.event.ArrivalCancelled;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.Removal;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/** Check-in and starting a section. */
final class CheckInRules {

    static final int MIN_CARS = 2;

    private CheckInRules() {
    }

    static Decision markArrived(RallyState state, Command.MarkArrived c, long now) {
        SectionState s = Guards.section(state, c.sectionId());
        if (!s.rosterLoaded()) {
            throw reject("Load the roster of " + s.sectionName() + " before checking cars in.");
        }
        if (s.completed()) {
            throw reject(s.sectionName() + " is complete; no more cars can check in.");
        }
        String car = c.carNumber() == null ? "" : c.carNumber().strip();
        if (s.rosterEntry(car).isEmpty()) {
            throw reject("Car " + car + " is not on the " + s.sectionName() + " roster.");
        }
        Removal removal = s.removals().get(car);
        if (removal != null) {
            throw reject("Car " + car + " was removed (" + removal.reason() + ") at heat " + removal.heat()
                    + "; it cannot race again.");
        }
        if (s.hasArrived(car)) {
            throw reject(Guards.carLabel(s, car) + " is already checked in.");
        }
        return new Decision.Accepted(List.of(new CarArrived(now, Guards.rallyId(state), s.sectionId(), car,
                Extras.NONE)));
    }

    static Decision cancelArrival(RallyState state, Command.CancelArrival c, long now) {
        SectionState s = Guards.section(state, c.sectionId());
        String car = c.carNumber() == null ? "" : c.carNumber().strip();
        if (!s.hasArrived(car)) {
            throw reject("Car " + car + " is not checked in.");
        }
        if (s.started()) {
            throw reject(s.sectionName() + " has started: " + Guards.carLabel(s, car) + " stays checked in. If it "
                    + "cannot race, remove it in the race console.");
        }
        return new Decision.Accepted(List.of(new ArrivalCancelled(now, Guards.rallyId(state), s.sectionId(), car,
                Extras.NONE)));
    }

    static Decision startSection(RallyState state, Command.StartSection c, long now) {
        SectionState s = Guards.section(state, c.sectionId());
        if (!s.rosterLoaded()) {
            throw reject("Load the roster of " + s.sectionName() + " before starting it.");
        }
        if (s.completed()) {
            throw reject(s.sectionName() + " is complete.");
        }
        if (s.started()) {
            throw reject(s.sectionName() + " has already started.");
        }
        int arrived = s.racingCars().size();
        if (arrived < MIN_CARS) {
            throw reject("Check in at least " + MIN_CARS + " cars to start this section (" + arrived
                    + " checked in).");
        }
        List<Integer> lanes = Guards.lanes(c.lanes());
        String rallyId = Guards.rallyId(state);
        SectionStarted started = new SectionStarted(now, rallyId, s.sectionId(), lanes, Extras.NONE);
        SectionState after = s.after(List.of(started));
        Heat first = after.heat(1).orElseThrow(() ->
                reject("No schedule could be made for " + arrived + " cars on lanes " + Guards.laneList(lanes) + "."));
        List<DomainEvent> events = List.of(started, Guards.staging(rallyId, after, first, false, now));
        return new Decision.Accepted(events);
    }
}
