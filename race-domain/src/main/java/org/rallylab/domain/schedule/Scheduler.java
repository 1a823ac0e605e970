package org.rallylab.domain.schedule;

import java.util.List;

/**
 * Heat scheduling (docs/race-rules.md): a pure, deterministic function of the cars, the lanes, what has been
 * raced and the runs per car. Same inputs, same schedule.
 *
 * <ul>
 * <li>N ≥ L and R = k·L: a cyclic chart with searched offsets ({@link CyclicChart}): lane
 *     balance 0, every lane filled, N·R/L heats, pairs meeting as rarely as offsets allow.</li>
 * <li>2 ≤ N &lt; L and R = k·L: every heat holds every car, rotated over all lanes.</li>
 * <li>Anything else, and every re-plan: runs owed, split into the fewest heats by a bipartite
 *     edge colouring ({@link EdgeColouringPlanner}).</li>
 * </ul>
 */
public final class Scheduler {

    static final String CYCLIC = "cyclic-difference-set";
    static final String ROTATION = "rotation";
    static final String EDGE_COLOURING = "edge-colouring";

    private Scheduler() {
    }

    /**
     * First schedule of a section.
     *
     * @param cars       distinct car numbers, any order (they are sorted naturally)
     * @param lanes      distinct physical lanes 1..8, any subset
     * @param runsPerCar R ≥ 1; the section default is one run per lane, R = lanes.size()
     * @throws IllegalArgumentException naming the bad value: fewer than 2 cars, no lane, a lane
     *                                  outside 1..8, a car or lane listed twice, R &lt; 1
     */
    public static Schedule plan(List<String> cars, List<Integer> lanes, int runsPerCar) {
        List<String> sorted = ScheduleArguments.cars(cars, "has checked in");
        List<Integer> laneSet = ScheduleArguments.lanes(lanes);
        ScheduleArguments.runsPerCar(runsPerCar);
        int n = sorted.size();
        int l = laneSet.size();
        List<Heat> heats;
        String algorithm;
        if (l >= 2 && runsPerCar % l == 0 && n >= l) {
            heats = CyclicChart.heats(sorted, laneSet, runsPerCar / l);
            algorithm = CYCLIC;
        } else if (l >= 2 && runsPerCar % l == 0) {
            heats = CyclicChart.rotation(sorted, laneSet, runsPerCar / l);
            algorithm = ROTATION;
        } else {
            heats = EdgeColouringPlanner.heats(List.of(), 0, sorted, laneSet, runsPerCar);
            algorithm = EDGE_COLOURING;
        }
        return new Schedule(heats, ScheduleMeasures.measure(heats, sorted, laneSet, 0, runsPerCar, algorithm));
    }

    /**
     * Re-plans what is left to race after a removal, a late arrival, a lane change or a lane
     * correction. Raced heats are kept verbatim; the runs each car still owes are added in the
     * fewest heats the busiest car or lane allows, one-car catch-up heats first.
     *
     * @param raced        heats that must not change, numbered 1..k in order
     * @param laneEraStart the last raced heat before the current lane set took effect (0: lanes
     *                     never changed); earlier runs count toward a car's runs, not its lanes
     * @param cars         cars still racing (survivors and late arrivals)
     * @param lanes        the current lane set
     * @param runsPerCar   the section's R, fixed when it started
     * @throws IllegalArgumentException as {@link #plan}, or for misnumbered raced heats or a
     *                                  lane era outside 0..k
     */
    public static Schedule replan(List<Heat> raced, int laneEraStart, List<String> cars, List<Integer> lanes,
                                  int runsPerCar) {
        List<Heat> racedHeats = ScheduleArguments.raced(raced);
        ScheduleArguments.laneEraStart(laneEraStart, racedHeats.size());
        List<String> sorted = ScheduleArguments.cars(cars, "is still racing");
        List<Integer> laneSet = ScheduleArguments.lanes(lanes);
        ScheduleArguments.runsPerCar(runsPerCar);
        List<Heat> heats = EdgeColouringPlanner.heats(racedHeats, laneEraStart, sorted, laneSet, runsPerCar);
        return new Schedule(heats,
                ScheduleMeasures.measure(heats, sorted, laneSet, laneEraStart, runsPerCar, EDGE_COLOURING));
    }
}
