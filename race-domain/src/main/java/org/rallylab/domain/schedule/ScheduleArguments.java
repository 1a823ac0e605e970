package org.rallylab.domain.schedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.rallylab.domain.roster.CarNumbers;

/** Checks what enters the scheduler; messages tell the operator what to fix, naming the bad value. */
final class ScheduleArguments {

    static final int FIRST_LANE = 1;
    static final int LAST_LANE = LaneAssignment.LAST_LANE;

    private ScheduleArguments() {
    }

    /** Distinct car numbers in natural order; {@code how} completes "only 1 ..." ("has checked in"). */
    static List<String> cars(List<String> cars, String how) {
        int count = cars == null ? 0 : cars.size();
        if (count < 2) {
            String who = count == 0 ? "none " + how : "only 1 " + how;
            throw new IllegalArgumentException("A schedule needs at least 2 cars; " + who + ".");
        }
        Set<String> seen = new HashSet<>();
        for (String car : cars) {
            if (car == null || car.isBlank()) {
                throw new IllegalArgumentException(
                        "a car has a blank car number: give every car a number before scheduling");
            }
            if (!seen.add(car)) {
                throw new IllegalArgumentException(
                        "car " + car + " is listed twice: car numbers must be unique within a section");
            }
        }
        List<String> sorted = new ArrayList<>(cars);
        sorted.sort(CarNumbers.NATURAL);
        return List.copyOf(sorted);
    }

    /** Distinct physical lanes, ascending. */
    static List<Integer> lanes(List<Integer> lanes) {
        if (lanes == null || lanes.isEmpty()) {
            throw new IllegalArgumentException(
                    "A schedule needs at least 1 lane; none is available: choose the lanes this section races on");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer lane : lanes) {
            if (lane == null) {
                throw new IllegalArgumentException("a lane is missing its number: lanes are " + FIRST_LANE
                        + " to " + LAST_LANE);
            }
            if (lane < FIRST_LANE || lane > LAST_LANE) {
                throw new IllegalArgumentException("lane " + lane + " is not a track lane: lanes are "
                        + FIRST_LANE + " to " + LAST_LANE);
            }
            if (!sorted.add(lane)) {
                throw new IllegalArgumentException("lane " + lane + " is listed twice: list each lane once");
            }
        }
        return List.copyOf(sorted);
    }

    static int runsPerCar(int runsPerCar) {
        if (runsPerCar < 1) {
            throw new IllegalArgumentException(
                    "runs per car is " + runsPerCar + ": every car needs at least 1 run");
        }
        return runsPerCar;
    }

    /** Raced heats must be numbered 1..k in order; returns an unmodifiable copy. */
    static List<Heat> raced(List<Heat> raced) {
        if (raced == null) {
            throw new IllegalArgumentException(
                    "the raced heats are missing: pass an empty list when no heat has been raced");
        }
        for (int i = 0; i < raced.size(); i++) {
            Heat heat = raced.get(i);
            if (heat == null) {
                throw new IllegalArgumentException("raced heat " + (i + 1) + " is missing");
            }
            if (heat.number() != i + 1) {
                throw new IllegalArgumentException("raced heat " + heat.number() + " is at position " + (i + 1)
                        + ": raced heats must be numbered 1 to " + raced.size() + " in order");
            }
        }
        return List.copyOf(raced);
    }

    static int laneEraStart(int laneEraStart, int racedHeats) {
        if (laneEraStart < 0 || laneEraStart > racedHeats) {
            throw new IllegalArgumentException("lane change after heat " + laneEraStart
                    + " is not possible: it must be between 0 (lanes never changed) and " + racedHeats
                    + " (the last raced heat)");
        }
        return laneEraStart;
    }
}
