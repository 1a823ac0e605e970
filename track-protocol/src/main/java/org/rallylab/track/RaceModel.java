package org.rallylab.track;

import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;

/**
 * Made-up but plausible race times, the same for the same seed and the same heats in the same
 * order. Each car number has a base time (2.4 to 3.4 s) and a spread (5 to 60 ms, one standard
 * deviation) drawn from the seed and the car number alone, so a car is as fast in every heat; a
 * run adds the lane's bias and a normal draw from one random sequence per track.
 */
final class RaceModel {

    record Profile(double baseMs, double spreadMs) {
    }

    private final long seed;
    private final Map<Integer, Double> laneBiasMs;
    private final double dnfProbability;
    private final Random random;

    RaceModel(long seed, Map<Integer, Double> laneBiasMs, double dnfProbability) {
        this.seed = seed;
        this.laneBiasMs = Map.copyOf(laneBiasMs);
        this.dnfProbability = dnfProbability;
        this.random = new Random(seed);
    }

    Profile profile(String carNumber) {
        long h = seed;
        for (int i = 0; i < carNumber.length(); i++) {
            h = (h ^ carNumber.charAt(i)) * 0x100000001B3L;
        }
        SplittableRandom r = new SplittableRandom(h);
        return new Profile(2400 + r.nextDouble() * 1000, 5 + r.nextDouble() * 55);
    }

    /** The next run of {@code heat}: a new UUID v4, and a time for each lane or DNF. */
    CompletedRace next(Heat heat, int raceTimeoutMs) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        SortedMap<Integer, Long> ms = new TreeMap<>();
        SortedMap<Integer, Long> us = new TreeMap<>();
        for (LaneAssignment car : heat.lanes()) {
            double dnfDraw = random.nextDouble();
            double normal = random.nextGaussian();
            Profile profile = profile(car.carNumber());
            double timeMs = profile.baseMs() + laneBiasMs.getOrDefault(car.lane(), 0.0) + normal * profile.spreadMs();
            long micros = Math.round(Math.max(timeMs, 500.0) * 1000);
            if (dnfDraw < dnfProbability || micros > raceTimeoutMs * 1000L) {
                continue;
            }
            us.put(car.lane(), micros);
            ms.put(car.lane(), (micros + 500) / 1000);
        }
        return new CompletedRace(new UUID(msb, lsb).toString(), ms, us, raceTimeoutMs);
    }
}
