package org.rallylab.track;

import java.util.Arrays;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;

final class Heats {

    private Heats() {
    }

    /** Heat {@code number} with car "c{lane}" in each of {@code lanes}. */
    static Heat heat(int number, int... lanes) {
        return new Heat(number, Arrays.stream(lanes).mapToObj(lane -> new LaneAssignment(lane, "c" + lane)).toList());
    }
}
