package org.rallylab.domain.schedule;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is left to race, as runs owed per car and lane (steps 1 and 2 of the general method).
 *
 * <p>Car c owes T_c = R − (its runs in every raced heat), never below 0. Its T_c runs are then
 * poured one at a time into its lowest lane, lowest meaning fewest runs of c in that lane since the
 * current lane set took effect (heats after {@code laneEraStart}) plus runs already poured there;
 * ties go to the lane with the fewest owed runs of all cars so far (even lane loads keep the heat
 * count minimal), then to the lower lane. With unchanged lanes and R = k·L this is exactly
 * k − (runs already in that lane); after a lane change the runs still to come level out with
 * spread at most 1 over the new lanes.
 */
final class OwedRuns {

    private OwedRuns() {
    }

    /** owed[car][slot] for cars in natural order and lanes ascending. */
    static int[][] owed(List<Heat> raced, int laneEraStart, List<String> cars, List<Integer> lanes,
                        int runsPerCar) {
        int n = cars.size();
        int l = lanes.size();
        Map<String, Integer> carIndex = index(cars);
        int[] slotOfLane = new int[ScheduleArguments.LAST_LANE + 1];
        Arrays.fill(slotOfLane, -1);
        for (int s = 0; s < l; s++) {
            slotOfLane[lanes.get(s)] = s;
        }
        int[] runs = new int[n];
        int[][] base = new int[n][l];
        for (Heat heat : raced) {
            for (LaneAssignment a : heat.lanes()) {
                Integer c = carIndex.get(a.carNumber());
                if (c == null) {
                    continue;
                }
                runs[c]++;
                int slot = a.lane() < slotOfLane.length ? slotOfLane[a.lane()] : -1;
                if (heat.number() > laneEraStart && slot >= 0) {
                    base[c][slot]++;
                }
            }
        }
        int[][] owed = new int[n][l];
        int[] load = new int[l];
        for (int c = 0; c < n; c++) {
            for (int run = runs[c]; run < runsPerCar; run++) {
                int best = 0;
                for (int s = 1; s < l; s++) {
                    int level = base[c][s] + owed[c][s];
                    int bestLevel = base[c][best] + owed[c][best];
                    if (level < bestLevel || (level == bestLevel && load[s] < load[best])) {
                        best = s;
                    }
                }
                owed[c][best]++;
                load[best]++;
            }
        }
        return owed;
    }

    static Map<String, Integer> index(List<String> cars) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < cars.size(); i++) {
            index.put(cars.get(i), i);
        }
        return index;
    }
}
