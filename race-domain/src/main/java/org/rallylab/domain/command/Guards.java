package org.rallylab.domain.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.LaneCar;
import org.rallylab.domain.event.EventLimits;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/** Checks and builders the rules share. Every failure is a {@link Rejection} that says what to do. */
final class Guards {

    private Guards() {
    }

    static Rejection reject(String message) {
        return new Rejection(message);
    }

    static String rallyId(RallyState state) {
        return state.rallyId().orElseThrow(() ->
                reject("This rally file has no rally yet: create the rally or load a roster package first."));
    }

    static SectionState section(RallyState state, String sectionId) {
        if (sectionId == null) {
            throw reject("Choose a section first.");
        }
        return state.section(sectionId).orElseThrow(() ->
                reject("There is no section " + sectionId + " in this rally."));
    }

    /** The section is racing: started and not complete. */
    static SectionState racing(RallyState state, String sectionId) {
        SectionState s = section(state, sectionId);
        if (s.completed()) {
            throw reject(s.sectionName() + " is complete; nothing more can be raced in it.");
        }
        if (!s.started()) {
            throw reject(s.sectionName() + " has not started yet: check cars in and start the section first.");
        }
        return s;
    }

    /** A valid lane set: 1 to 8 lanes, each 1..8, none twice; returned ascending. */
    static List<Integer> lanes(List<Integer> lanes) {
        if (lanes == null || lanes.isEmpty()) {
            throw reject("Choose at least one lane to race on.");
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer lane : lanes) {
            if (lane == null || lane < 1 || lane > LaneAssignment.LAST_LANE) {
                throw reject("Lane " + lane + " is not a track lane: lanes are 1 to " + LaneAssignment.LAST_LANE + ".");
            }
            if (!seen.add(lane)) {
                throw reject("Lane " + lane + " is listed twice.");
            }
        }
        List<Integer> sorted = new ArrayList<>(lanes);
        sorted.sort(null);
        return List.copyOf(sorted);
    }

    /** The heat, which must be part of the section's schedule. */
    static Heat heat(SectionState s, int number) {
        return s.heat(number).orElseThrow(() ->
                reject("Heat " + number + " is not in the schedule of " + s.sectionName() + " ("
                        + s.heatCount() + " heats)."));
    }

    static String carLabel(SectionState s, String carNumber) {
        String name = s.nameOf(carNumber);
        return name.isEmpty() ? "car " + carNumber : "car " + carNumber + " (" + name + ")";
    }

    /**
     * A lane and the car in it, for a message: "lane 2 (car T106, Uma F.)", "lane 2 (car T106)"
     * for a car without a name, "lane 2" for an empty lane ({@code carNumber} null).
     */
    static String laneLabel(SectionState s, int lane, String carNumber) {
        if (carNumber == null) {
            return "lane " + lane;
        }
        String name = s.nameOf(carNumber);
        return "lane " + lane + " (car " + carNumber + (name.isEmpty() ? "" : ", " + name) + ")";
    }

    /** {@code text} with a capital first letter, to open a sentence ("Lane 2 (car T106) ..."). */
    static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** HeatStaged for {@code heat}, with the participants' names from the loaded roster. */
    static HeatStaged staging(String rallyId, SectionState s, Heat heat, boolean dnfRerun, long now) {
        List<LaneCar> lanes = new ArrayList<>();
        for (LaneAssignment a : heat.lanes()) {
            lanes.add(new LaneCar(a.lane(), a.carNumber(), s.nameOf(a.carNumber())));
        }
        return new HeatStaged(now, rallyId, s.sectionId(), heat.number(), lanes, heat.catchUp(), dnfRerun,
                Extras.NONE);
    }

    /**
     * {@code text} stripped, when it can be a name ({@link EventLimits}: not blank, at most 100
     * characters, no control characters); else a rejection naming {@code what} ("The section name").
     */
    static String name(String what, String text) {
        String problem = EventLimits.nameProblem(text == null ? null : text.strip());
        if (problem != null) {
            throw reject(what + " " + problem + ".");
        }
        return text.strip();
    }

    /** {@code number} stripped, when it can be a car number; else a rejection that names it. */
    static String carNumber(String number) {
        String problem = EventLimits.carNumberProblem(number == null ? null : number.strip());
        if (problem != null) {
            throw reject("The car number " + problem + ".");
        }
        return number.strip();
    }

    static String laneList(List<Integer> lanes) {
        return String.join(", ", lanes.stream().map(String::valueOf).toList());
    }
}
