package org.rallylab.app.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;

/**
 * Plausible race times for the command line's demo ({@link DemoRally}), which records races
 * without a track: each car has its own speed (2.4 to 3.2 s), each lane a
 * small bias (a few ms, as real tracks have), each run a little noise. Seeded, so the same
 * seed gives the same rally.
 */
final class DemoTimes {

    private final Random random;
    private final Map<String, Integer> carSpeedMs = new HashMap<>();

    DemoTimes(long seed) {
        this.random = new Random(seed);
    }

    /** Lane to microseconds for one run of {@code heat}; lanes in {@code dnfLanes} do not finish. */
    Map<Integer, Long> runMicros(String sectionId, Heat heat, java.util.Set<Integer> dnfLanes) {
        Map<Integer, Long> times = new HashMap<>();
        for (LaneAssignment seat : heat.lanes()) {
            if (dnfLanes.contains(seat.lane())) {
                continue;
            }
            int base = carSpeedMs.computeIfAbsent(sectionId + "/" + seat.carNumber(), k -> 2_400 + random.nextInt(800));
            double micros = (base + 4.0 * seat.lane()) * 1_000 + random.nextGaussian() * 20_000;
            times.put(seat.lane(), Math.round(micros));
        }
        return times;
    }

    static Map<Integer, Long> toMillis(Map<Integer, Long> micros) {
        Map<Integer, Long> ms = new HashMap<>();
        micros.forEach((lane, us) -> ms.put(lane, Math.round(us / 1_000.0)));
        return ms;
    }
}
