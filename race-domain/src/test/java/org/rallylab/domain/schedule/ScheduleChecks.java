package org.rallylab.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures schedules independently of the production code (simple counting, no shortcuts), so
 * tests compare the scheduler's claims with what its heats really say.
 */
final class ScheduleChecks {

    static final List<Integer> EIGHT_LANES = List.of(1, 2, 3, 4, 5, 6, 7, 8);

    private ScheduleChecks() {
    }

    static List<String> cars(int n) {
        List<String> cars = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            cars.add(Integer.toString(i));
        }
        return cars;
    }

    static List<Integer> lanes(int count) {
        return EIGHT_LANES.subList(0, count);
    }

    /** Runs per car over all heats. */
    static Map<String, Integer> runs(List<Heat> heats) {
        Map<String, Integer> runs = new TreeMap<>();
        for (Heat heat : heats) {
            for (LaneAssignment a : heat.lanes()) {
                runs.merge(a.carNumber(), 1, Integer::sum);
            }
        }
        return runs;
    }

    /** Runs of {@code car} in {@code lane} in heats numbered above {@code afterHeat}. */
    static int runsIn(List<Heat> heats, String car, int lane, int afterHeat) {
        int runs = 0;
        for (Heat heat : heats) {
            if (heat.number() > afterHeat && car.equals(heat.carIn(lane).orElse(null))) {
                runs++;
            }
        }
        return runs;
    }

    /** Runs per car and lane in heats numbered above {@code afterHeat}. */
    static Map<String, Map<Integer, Integer>> laneRuns(List<Heat> heats, int afterHeat) {
        Map<String, Map<Integer, Integer>> runs = new HashMap<>();
        for (Heat heat : heats) {
            if (heat.number() > afterHeat) {
                for (LaneAssignment a : heat.lanes()) {
                    runs.computeIfAbsent(a.carNumber(), car -> new HashMap<>()).merge(a.lane(), 1, Integer::sum);
                }
            }
        }
        return runs;
    }

    /** Largest max − min runs of one of {@code cars} over {@code lanes}, heats above afterHeat. */
    static int laneSpread(List<Heat> heats, Collection<String> cars, List<Integer> lanes, int afterHeat) {
        Map<String, Map<Integer, Integer>> runs = laneRuns(heats, afterHeat);
        int spread = 0;
        for (String car : cars) {
            Map<Integer, Integer> perLane = runs.getOrDefault(car, Map.of());
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int lane : lanes) {
                int n = perLane.getOrDefault(lane, 0);
                min = Math.min(min, n);
                max = Math.max(max, n);
            }
            spread = Math.max(spread, max - min);
        }
        return spread;
    }

    static int maxPairMeetings(List<Heat> heats) {
        Map<String, Integer> meetings = new HashMap<>();
        int max = 0;
        for (Heat heat : heats) {
            for (String a : heat.cars()) {
                for (String b : heat.cars()) {
                    if (a.compareTo(b) < 0) {
                        max = Math.max(max, meetings.merge(a + "\u0000" + b, 1, Integer::sum));
                    }
                }
            }
        }
        return max;
    }

    static int minGap(List<Heat> heats) {
        Map<String, Integer> previous = new HashMap<>();
        int min = Integer.MAX_VALUE;
        for (Heat heat : heats) {
            for (String car : heat.cars()) {
                Integer before = previous.put(car, heat.number());
                if (before != null) {
                    min = Math.min(min, heat.number() - before);
                }
            }
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    /** Cars racing in two consecutive heats where the later heat is numbered above {@code afterHeat}. */
    static int backToBackAfter(List<Heat> heats, int afterHeat) {
        int count = 0;
        for (int i = 1; i < heats.size(); i++) {
            if (heats.get(i).number() > afterHeat) {
                for (String car : heats.get(i).cars()) {
                    count += heats.get(i - 1).hasCar(car) ? 1 : 0;
                }
            }
        }
        return count;
    }

    /** Numbered 1..n, no car or lane twice in a heat, every lane in {@code allowed}. */
    static void assertWellFormed(List<Heat> heats) {
        for (int i = 0; i < heats.size(); i++) {
            Heat heat = heats.get(i);
            assertThat(heat.number()).as("heat numbering").isEqualTo(i + 1);
            assertThat(new HashSet<>(heat.cars())).as("cars of heat %d", heat.number()).hasSameSizeAs(heat.cars());
            assertThat(new HashSet<>(heat.laneNumbers())).as("lanes of heat %d", heat.number())
                    .hasSameSizeAs(heat.laneNumbers());
        }
    }

    static void assertLanesWithin(List<Heat> heats, int afterHeat, List<Integer> lanes) {
        for (Heat heat : heats) {
            if (heat.number() > afterHeat) {
                assertThat(lanes).as("lanes of heat %d", heat.number()).containsAll(heat.laneNumbers());
            }
        }
    }

    /** Heats with fewer than 2 cars are exactly the catch-up heats. */
    static void assertSolosAreCatchUp(List<Heat> heats) {
        for (Heat heat : heats) {
            assertThat(heat.catchUp()).as("heat %d with %d cars is catch-up", heat.number(), heat.lanes().size())
                    .isEqualTo(heat.lanes().size() < 2);
        }
    }

    /** König's bound for the runs still owed: the busiest car or lane (no lane change, R = k·L). */
    static int koenigBound(List<Heat> raced, Collection<String> cars, List<Integer> lanes, int runsPerCar) {
        int perLane = runsPerCar / lanes.size();
        Map<String, Map<Integer, Integer>> done = laneRuns(raced, 0);
        int busiest = 0;
        Map<Integer, Integer> laneLoad = new HashMap<>();
        for (String car : cars) {
            int owed = 0;
            for (int lane : lanes) {
                int left = perLane - done.getOrDefault(car, Map.of()).getOrDefault(lane, 0);
                owed += left;
                laneLoad.merge(lane, left, Integer::sum);
            }
            busiest = Math.max(busiest, owed);
        }
        for (int load : laneLoad.values()) {
            busiest = Math.max(busiest, load);
        }
        return busiest;
    }

}
