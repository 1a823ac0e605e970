package org.rallylab.domain.schedule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Measures {@link ScheduleMetrics} on the heats themselves. */
final class ScheduleMeasures {

    private ScheduleMeasures() {
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
