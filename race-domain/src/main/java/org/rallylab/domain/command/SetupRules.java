package org.rallylab.domain.command;

import static org.rallylab.domain.command.Guards.reject;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.RallyCreated;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.event.SectionCreated;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/** Creating the rally and its sections, and loading the frozen race-day roster. */
final class SetupRules {

    private SetupRules() {
    }

    static Decision createRally(RallyState state, Command.CreateRally c, long now) {
        if (state.rallyCreated()) {
            throw reject("This rally file already holds the rally \"" + state.rallyName()
                    + "\"; start a new rally file for another rally.");
        }
        if (blank(c.rallyId())) {
            throw reject("A rally needs an id.");
        }
        if (state.rallyId().isPresent() && !state.rallyId().get().equals(c.rallyId())) {
            throw reject("This rally file belongs to rally " + state.rallyId().get() + ", not " + c.rallyId() + ".");
        }
        if (blank(c.rallyName())) {
            throw reject("Give the rally a name.");
        }
        String rallyName = Guards.name("The rally name", c.rallyName());
        if (c.rallyDate() != null) {
            try {
                LocalDate.parse(c.rallyDate());
            } catch (DateTimeParseException e) {
                throw reject("The rally date must be a day on the calendar, like 2026-02-15; got \"" + c.rallyDate()
                        + "\".");
            }
        }
        return new Decision.Accepted(List.of(new RallyCreated(now, c.rallyId(), rallyName,
                c.rallyDate(), c.createdBy(), Extras.NONE)));
    }

    static Decision createSection(RallyState state, Command.CreateSection c, long now) {
        String rallyId = Guards.rallyId(state);
        if (blank(c.sectionId())) {
            throw reject("A section needs an id.");
        }
        if (blank(c.sectionName())) {
            throw reject("Give the section a name, such as Kub Kars.");
        }
        if (state.section(c.sectionId()).isPresent()) {
            throw reject("There is already a section with id " + c.sectionId() + ".");
        }
        String name = Guards.name("The section name", c.sectionName());
        for (SectionState s : state.sections()) {
            if (s.sectionName().equalsIgnoreCase(name)) {
                throw reject("There is already a section named " + s.sectionName() + "; choose another name.");
            }
        }
        return new Decision.Accepted(List.of(new SectionCreated(now, rallyId, c.sectionId(), name, c.createdBy(),
                Extras.NONE)));
    }

    static Decision loadRoster(RallyState state, Command.LoadRoster c, long now) {
        String rallyId = state.rallyId().orElse(c.rallyId());
        if (blank(rallyId)) {
            throw reject("The roster names no rally.");
        }
        if (c.rallyId() != null && !c.rallyId().equals(rallyId)) {
            throw reject("This rally file is for rally " + rallyId + ", but the roster is for rally "
                    + c.rallyId() + ".");
        }
        if (blank(c.sectionId())) {
            throw reject("The roster names no section.");
        }
        SectionState existing = state.section(c.sectionId()).orElse(null);
        String name = !blank(c.sectionName()) ? c.sectionName().strip()
                : existing != null ? existing.sectionName() : null;
        if (name == null) {
            throw reject("The roster's section has no name.");
        }
        if (existing != null && existing.started()) {
            throw reject(existing.sectionName() + " has started racing; its roster is frozen.");
        }
        if (c.participants().isEmpty()) {
            throw reject("The roster of " + name + " is empty; add at least one participant.");
        }
        if (c.participants().size() > org.rallylab.domain.event.EventLimits.MAX_PARTICIPANTS) {
            throw reject("The roster of " + name + " has " + c.participants().size() + " participants; a section"
                    + " holds at most " + org.rallylab.domain.event.EventLimits.MAX_PARTICIPANTS
                    + ". Split it into more sections.");
        }
        Map<String, String> nameByNumber = new HashMap<>();
        Set<String> ids = new HashSet<>();
        List<Participant> participants = new ArrayList<>();
        for (Participant p : c.participants()) {
            if (blank(p.name())) {
                throw reject("Participant " + p.participantId() + " has no name.");
            }
            String participantName = Guards.name("The name of participant " + p.participantId(), p.name());
            if (blank(p.carNumber())) {
                throw reject(p.name() + " has no car number; give every car a number before race day.");
            }
            String number = Guards.carNumber(p.carNumber());
            String other = nameByNumber.putIfAbsent(number, p.name());
            if (other != null) {
                throw reject("Car number " + number + " appears twice (" + other + " and " + p.name()
                        + "); give each car its own number.");
            }
            if (!ids.add(p.participantId())) {
                throw reject("Participant " + p.participantId() + " appears twice in the roster of " + name + ".");
            }
            participants.add(new Participant(p.participantId(), participantName, number, p.extras()));
        }
        if (existing != null && existing.rosterLoaded()) {
            for (String car : existing.arrivedCars()) {
                if (!nameByNumber.containsKey(car)) {
                    throw reject("Car " + car + " has checked in but is not on the new roster of " + name
                            + "; keep it on the roster.");
                }
            }
        }
        return new Decision.Accepted(List.of(new RosterLoaded(now, rallyId, c.sectionId(), name, participants,
                Extras.NONE)));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
