package org.rallylab.domain.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The general method: whatever is left to race, from any state. Runs owed ({@link OwedRuns}) are
 * split into the fewest heats by a bipartite edge colouring ({@link BipartiteEdgeColouring}),
 * opponents are spread by trading cars between heats ({@link MeetingSpreader}), the heats are
 * ordered for spacing ({@link HeatOrder}) and back-to-back runs the order could not avoid are
 * traded away ({@link SpacingRepair}). Raced heats are copied unchanged; new heats follow,
 * numbered on. With nothing raced it is a first schedule for any R.
 */
final class EdgeColouringPlanner {

    private EdgeColouringPlanner() {
    }

    static List<Heat> heats(List<Heat> raced, int laneEraStart, List<String> cars, List<Integer> lanes,
                            int runsPerCar) {
        int[][] owed = OwedRuns.owed(raced, laneEraStart, cars, lanes, runsPerCar);
        int[][] met = pastMeetings(raced, cars);
        List<int[][]> classes = MeetingSpreader.spread(BipartiteEdgeColouring.heats(owed, met), lanes.size(), met);
        int[] lastRun = lastRuns(raced, cars);
        List<Heat> heats = new ArrayList<>(raced.size() + classes.size());
        heats.addAll(raced);
        List<int[][]> ordered = HeatOrder.order(classes, lastRun, raced.size());
        for (int[][] heat : SpacingRepair.repair(ordered, lanes.size(), lastHeat(lastRun, raced.size()), met)) {
            List<LaneAssignment> slots = new ArrayList<>(heat.length);
            for (int[] run : heat) {
                slots.add(new LaneAssignment(lanes.get(run[1]), cars.get(run[0])));
            }
            heats.add(new Heat(heats.size() + 1, slots, heat.length == 1));
        }
        return heats;
    }

    /** Heats each pair of racing cars has shared in the raced heats, [car][car]. */
    private static int[][] pastMeetings(List<Heat> raced, List<String> cars) {
        Map<String, Integer> index = OwedRuns.index(cars);
        int[][] met = new int[cars.size()][cars.size()];
        for (Heat heat : raced) {
            List<String> inHeat = heat.cars();
            for (int i = 0; i < inHeat.size(); i++) {
                Integer a = index.get(inHeat.get(i));
                for (int j = 0; j < i && a != null; j++) {
                    Integer b = index.get(inHeat.get(j));
                    if (b != null) {
                        met[a][b]++;
                        met[b][a]++;
                    }
                }
            }
        }
        return met;
    }

    private static int[] lastHeat(int[] lastRun, int raced) {
        return IntStream.range(0, lastRun.length)
                .filter(c -> raced > 0 && lastRun[c] == raced).toArray();
    }

    private static int[] lastRuns(List<Heat> raced, List<String> cars) {
        Map<String, Integer> index = OwedRuns.index(cars);
        int[] last = new int[cars.size()];
        for (Heat heat : raced) {
            for (LaneAssignment a : heat.lanes()) {
                Integer c = index.get(a.carNumber());
                if (c != null) {
                    last[c] = heat.number();
                }
            }
        }
        return last;
    }
}
