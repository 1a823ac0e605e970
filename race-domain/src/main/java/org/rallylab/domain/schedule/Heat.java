package org.rallylab.domain.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A scheduled assignment of cars to lanes. {@code number} counts from 1 within a section;
 * {@code lanes} is sorted by lane. A catch-up heat is a solo heat that lets a late car make
 * up the runs it missed.
 */
public record Heat(int number, List<LaneAssignment> lanes, boolean catchUp) {
    public Heat {
        if (number < 1) {
            throw new IllegalArgumentException("heat " + number + " does not exist: heats are numbered from 1");
        }
        List<LaneAssignment> sorted = new ArrayList<>(lanes);
        sorted.sort(Comparator.comparingInt(LaneAssignment::lane));
        lanes = List.copyOf(sorted);
    }

    public Heat(int number, List<LaneAssignment> lanes) {
        this(number, lanes, false);
    }

    /** The car in {@code lane}, if any. */
    public Optional<String> carIn(int lane) {
        for (LaneAssignment a : lanes) {
            if (a.lane() == lane) {
                return Optional.of(a.carNumber());
            }
        }
        return Optional.empty();
    }

    /** The lane {@code carNumber} races in, or 0 when the car is not in this heat. */
    public int laneOf(String carNumber) {
        for (LaneAssignment a : lanes) {
            if (a.carNumber().equals(carNumber)) {
                return a.lane();
            }
        }
        return 0;
    }

    public boolean hasCar(String carNumber) {
        return laneOf(carNumber) != 0;
    }

    public List<String> cars() {
        return lanes.stream().map(LaneAssignment::carNumber).toList();
    }

    public List<Integer> laneNumbers() {
        return lanes.stream().map(LaneAssignment::lane).toList();
    }

    /** The same heat under another number. */
    public Heat renumbered(int newNumber) {
        return new Heat(newNumber, lanes, catchUp);
    }
}
