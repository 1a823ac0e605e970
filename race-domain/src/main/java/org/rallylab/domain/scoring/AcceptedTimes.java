package org.rallylab.domain.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.state.HeatResult;
import org.rallylab.domain.state.ManualResult;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.state.TimedResult;

/**
 * The time each car scored in each accepted heat of a section (docs/race-rules.md), held exactly.
 *
 * <p>A timed lane scores its time; a DNF lane scores the result's race timeout; place p of a
 * heat ranked by hand scores baseline + (p − 1) × 50 ms, where the baseline is the average of
 * the section's N real times (timed, not DNF, in a lane that held a car), summing to S; 3 000 ms
 * when N = 0. That average is rarely a whole number, so every score is kept multiplied by the
 * scale N: a time t is t·N, a manual place is S + (p − 1)·50·N. Sums stay integers, averages
 * compare exactly by cross-multiplying (see {@link #compareAverages}), and nothing is rounded
 * before it is displayed.
 *
 * <p>Two passes over the results: the baseline first (it needs the whole log), then the tallies.
 */
final class AcceptedTimes {

    static final long NO_TIMES_BASELINE_MS = 3_000;
    static final long MANUAL_PLACE_STEP_MS = 50;
    /** Times beyond this (24.8 days) can only come from a damaged log; they are scored as this. */
    static final long LONGEST_TIME_MS = Integer.MAX_VALUE;
    /** Places beyond this can only come from a damaged log (the commands allow 1 to the heat's size). */
    static final int LAST_PLACE = 1_000;

    /** N, the number of real times behind the baseline (1 when there are none). */
    final long scale;
    /** S, the baseline times the scale. */
    final long baselineScaled;
    /** Cars in the order they first appear in the accepted heats. */
    final List<CarTally> cars;

    private AcceptedTimes(long scale, long baselineScaled, List<CarTally> cars) {
        this.scale = scale;
        this.baselineScaled = baselineScaled;
        this.cars = cars;
    }

    static AcceptedTimes of(SectionState section, boolean keepLaneTimes) {
        long[] real = realSumAndCount(section);
        long scale = real[1] == 0 ? 1 : real[1];
        long baselineScaled = real[1] == 0 ? NO_TIMES_BASELINE_MS : real[0];
        return new AcceptedTimes(scale, baselineScaled, tally(section, scale, baselineScaled, keepLaneTimes));
    }

    /** The section average (the baseline of manual results) without tallying the cars. */
    static double sectionAverageMs(SectionState section) {
        long[] real = realSumAndCount(section);
        return real[1] == 0 ? NO_TIMES_BASELINE_MS : (double) real[0] / real[1];
    }

    /** S and N: the sum and number of the real times in accepted heats. */
    private static long[] realSumAndCount(SectionState section) {
        long sum = 0;
        long count = 0;
        for (Map.Entry<Integer, HeatResult> entry : section.results().entrySet()) {
            Heat heat = section.heat(entry.getKey()).orElse(null);
            if (heat != null && entry.getValue() instanceof TimedResult timed) {
                for (LaneAssignment seat : heat.lanes()) {
                    if (timed.timesMs().has(seat.lane())) {
                        sum += bounded(timed.timesMs().get(seat.lane()));
                        count++;
                    }
                }
            }
        }
        return new long[] {sum, count};
    }

    private static List<CarTally> tally(SectionState section, long scale, long baselineScaled, boolean keepLaneTimes) {
        Map<String, CarTally> byCar = new HashMap<>();
        List<CarTally> cars = new ArrayList<>();
        for (Map.Entry<Integer, HeatResult> entry : section.results().entrySet()) {
            Heat heat = section.heat(entry.getKey()).orElse(null);
            if (heat == null) {
                continue;
            }
            HeatResult result = entry.getValue();
            for (LaneAssignment seat : heat.lanes()) {
                CarTally car = byCar.get(seat.carNumber());
                if (car == null) {
                    car = new CarTally(seat.carNumber(), keepLaneTimes);
                    byCar.put(seat.carNumber(), car);
                    cars.add(car);
                }
                score(car, seat.lane(), result, scale, baselineScaled);
            }
        }
        return cars;
    }

    private static void score(CarTally car, int lane, HeatResult result, long scale, long baselineScaled) {
        if (result instanceof TimedResult timed) {
            if (!timed.timesMs().has(lane)) {
                car.dnfCount++;
                car.score(bounded(timed.raceTimeoutMs()) * scale);
            } else {
                long ms = timed.timesMs().get(lane);
                car.score(bounded(ms) * scale);
                car.real(lane, ms);
            }
        } else if (result instanceof ManualResult manual) {
            Integer place = manual.placeByLane().get(lane);
            if (place == null) {
                car.dnfCount++;
                car.score(bounded(manual.raceTimeoutMs()) * scale);
            } else {
                int p = Math.max(1, Math.min(place, LAST_PLACE));
                car.placedByHand++;
                car.score(baselineScaled + (p - 1) * MANUAL_PLACE_STEP_MS * scale);
            }
        }
    }

    /** The car's exact average, as a double. */
    double averageMs(CarTally car) {
        return (double) car.sumScaled / ((double) car.heatsRun * scale);
    }

    /** The car's average rounded half-up to whole milliseconds. */
    long roundedAverageMs(CarTally car) {
        return roundHalfUp(car.sumScaled, car.heatsRun * scale);
    }

    long roundedBestMs(CarTally car) {
        return roundHalfUp(car.bestScaled, scale);
    }

    /** Compares two cars' averages exactly: sumA / heatsA against sumB / heatsB, cross-multiplied in 128 bits. */
    static int compareAverages(CarTally a, CarTally b) {
        return compareProducts(a.sumScaled, b.heatsRun, b.sumScaled, a.heatsRun);
    }

    /** Compares x·y with u·v without overflow (signed 128-bit products). */
    static int compareProducts(long x, long y, long u, long v) {
        long high = Math.multiplyHigh(x, y);
        long otherHigh = Math.multiplyHigh(u, v);
        if (high != otherHigh) {
            return Long.compare(high, otherHigh);
        }
        return Long.compareUnsigned(x * y, u * v);
    }

    /** n / d rounded half-up, for n ≥ 0 and d > 0. */
    static long roundHalfUp(long n, long d) {
        return n / d + (n % d * 2 >= d ? 1 : 0);
    }

    static long bounded(long ms) {
        return Math.max(0, Math.min(ms, LONGEST_TIME_MS));
    }
}
