package org.rallylab.domain.schedule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a schedule on the heats themselves: the {@link ScheduleMetrics} the scheduler reports,
 * and the figures an operator reads before starting a section (how often pairs of cars meet, how
 * often a car races two heats in a row).
 */
public final class ScheduleMeasures {

    /**
     * How often the pairs of cars share a heat.
     *
     * @param most      most heats any two cars share
     * @param fewest    fewest heats any two cars share (0 when there is no pair)
     * @param neverMeet pairs of cars that never race each other
     * @param pairs     pairs of cars in all
     */
    public record Meetings(int most, int fewest, int neverMeet, int pairs) {
    }

    /**
     * Runs in consecutive heats.
     *
     * @param runs times a car races in the heat right after one it raced in
     * @param cars cars that do so at least once
     */
    public record BackToBack(int runs, int cars) {
    }

    private ScheduleMeasures() {
    }

    /** How often each pair of {@code cars} meets in {@code heats} (a car in no heat meets no one). */
    public static Meetings meetings(List<Heat> heats, List<String> cars) {
        Map<String, Integer> index = new HashMap<>();
        cars.forEach(car -> index.putIfAbsent(car, index.size()));
        heats.forEach(heat -> heat.cars().forEach(car -> index.putIfAbsent(car, index.size())));
        int n = index.size();
        int[][] meetings = new int[n][n];
        for (Heat heat : heats) {
            List<String> inHeat = heat.cars();
            for (int i = 0; i < inHeat.size(); i++) {
                for (int j = i + 1; j < inHeat.size(); j++) {
                    int a = index.get(inHeat.get(i));
                    int b = index.get(inHeat.get(j));
                    meetings[Math.min(a, b)][Math.max(a, b)]++;
                }
            }
        }
        int most = 0;
        int fewest = Integer.MAX_VALUE;
        int never = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                most = Math.max(most, meetings[a][b]);
                fewest = Math.min(fewest, meetings[a][b]);
                never += meetings[a][b] == 0 ? 1 : 0;
            }
        }
        int pairs = n * (n - 1) / 2;
        return new Meetings(most, pairs == 0 ? 0 : fewest, never, pairs);
    }

    /** How often cars race in two heats in a row ({@code heats} numbered in racing order). */
    public static BackToBack backToBack(List<Heat> heats) {
        Map<String, Integer> lastRun = new HashMap<>();
        Map<String, Integer> ownRuns = new HashMap<>();
        for (Heat heat : heats) {
            for (String car : heat.cars()) {
                Integer before = lastRun.put(car, heat.number());
                if (before != null && heat.number() - before == 1) {
                    ownRuns.merge(car, 1, Integer::sum);
                }
            }
        }
        return new BackToBack(ownRuns.values().stream().mapToInt(Integer::intValue).sum(), ownRuns.size());
    }

    static ScheduleMetrics measure(List<Heat> heats, List<String> cars, List<Integer> lanes, int laneEraStart,
                                   int runsPerCar, String algorithm) {
        return new ScheduleMetrics(cars.size(), lanes, heats.size(), runsPerCar,
                laneSpread(heats, cars, lanes, laneEraStart), maxPairMeetings(heats), minGap(heats), algorithm);
    }

    /** Largest (max − min) runs of one racing car over the current lanes, in heats after laneEraStart. */
    static int laneSpread(List<Heat> heats, List<String> cars, List<Integer> lanes, int laneEraStart) {
        Map<String, Integer> index = OwedRuns.index(cars);
        int[][] runs = new int[cars.size()][ScheduleArguments.LAST_LANE + 1];
        for (Heat heat : heats) {
            if (heat.number() <= laneEraStart) {
                continue;
            }
            for (LaneAssignment a : heat.lanes()) {
                Integer c = index.get(a.carNumber());
                if (c != null && a.lane() <= ScheduleArguments.LAST_LANE) {
                    runs[c][a.lane()]++;
                }
            }
        }
        int spread = 0;
        for (int[] perLane : runs) {
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int lane : lanes) {
                min = Math.min(min, perLane[lane]);
                max = Math.max(max, perLane[lane]);
            }
            spread = Math.max(spread, max - min);
        }
        return spread;
    }

    /** Most heats any two cars (raced or still racing) share. */
    static int maxPairMeetings(List<Heat> heats) {
        Map<String, Integer> ids = new HashMap<>();
        Map<Long, Integer> meetings = new HashMap<>();
        int max = 0;
        for (Heat heat : heats) {
            List<String> inHeat = heat.cars();
            for (int i = 0; i < inHeat.size(); i++) {
                int a = ids.computeIfAbsent(inHeat.get(i), k -> ids.size());
                for (int j = 0; j < i; j++) {
                    int b = ids.get(inHeat.get(j));
                    long pair = ((long) Math.min(a, b) << 32) | Math.max(a, b);
                    max = Math.max(max, meetings.merge(pair, 1, Integer::sum));
                }
            }
        }
        return max;
    }

    /** Fewest heat numbers between two consecutive runs of one car; 0 when no car runs twice. */
    static int minGap(List<Heat> heats) {
        Map<String, Integer> lastRun = new HashMap<>();
        int min = Integer.MAX_VALUE;
        for (Heat heat : heats) {
            for (String car : heat.cars()) {
                Integer before = lastRun.put(car, heat.number());
                if (before != null) {
                    min = Math.min(min, heat.number() - before);
                }
            }
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }
}
