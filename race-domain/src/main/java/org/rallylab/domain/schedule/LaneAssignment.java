package org.rallylab.domain.schedule;

import java.util.Objects;

/** One car in one lane of a heat. Lanes are physical lane numbers, counted from 1. */
public record LaneAssignment(int lane, String carNumber) {

    /** The highest lane number a track can have: tracks have 2 to 8 lanes. */
    public static final int LAST_LANE = 8;

    public LaneAssignment {
        if (lane < 1) {
            throw new IllegalArgumentException("lane " + lane + " does not exist: lanes are numbered from 1");
        }
        Objects.requireNonNull(carNumber, "carNumber");
    }
}
