package org.rallylab.app.ui.home;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.Schedule;
import org.rallylab.domain.schedule.ScheduleMetrics;
import org.rallylab.domain.schedule.Scheduler;
import org.rallylab.domain.state.SectionState;

/**
 * The figures of the schedule a section would race on the chosen lanes, computed with the same
 * {@link Scheduler} call the section uses when it starts (one run per lane for every car), before
 * anything is written.
 *
 * @param metrics        the scheduler's own figures (heats, runs per car, lane balance, ...)
 * @param maxMeetings    most heats any two cars share
 * @param minMeetings    fewest heats any two cars share
 * @param neverMeet      pairs of cars that never race each other
 * @param pairs          pairs of cars in all
 * @param backToBack     times a car races in two heats in a row
 * @param carsBackToBack cars that race two heats in a row at least once
 */
record SchedulePreview(ScheduleMetrics metrics, int maxMeetings, int minMeetings, int neverMeet, int pairs,
                       int backToBack, int carsBackToBack) {

    /** The fewest cars and lanes a section starts with (the race rules ask for 2 cars; 1 lane is no race). */
    static final int MIN_CARS = 2;
    static final int MIN_LANES = 2;

    /** Why the section cannot start on {@code lanes} now, in words for the operator; empty when it can. */
    static Optional<String> refusal(SectionState s, List<Integer> lanes) {
        if (!s.rosterLoaded()) {
            return Optional.of("Load the roster of " + s.sectionName() + " before starting it.");
        }
        if (s.completed()) {
            return Optional.of(s.sectionName() + " is complete.");
        }
        if (s.started()) {
            return Optional.of(s.sectionName() + " has already started: go to the race console.");
        }
        int cars = s.racingCars().size();
        if (cars < MIN_CARS) {
            return Optional.of("Check in at least " + MIN_CARS + " cars to start (" + cars + " checked in).");
        }
        if (lanes.size() < MIN_LANES) {
            return Optional.of("Tick at least " + MIN_LANES + " lanes to race on (" + lanes.size() + " ticked).");
        }
        return Optional.empty();
    }

    /** The schedule for {@code cars} on {@code lanes}, one run per lane (what StartSection plans). */
    static SchedulePreview of(List<String> cars, List<Integer> lanes) {
        Schedule schedule = Scheduler.plan(cars, lanes, lanes.size());
        Map<String, Integer> index = new HashMap<>();
        for (String car : cars) {
            index.putIfAbsent(car, index.size());
        }
        int n = index.size();
        int[][] meetings = new int[n][n];
        Map<String, List<Integer>> heatsOf = new HashMap<>();
        for (Heat heat : schedule.heats()) {
            List<String> inHeat = heat.cars();
            for (int i = 0; i < inHeat.size(); i++) {
                heatsOf.computeIfAbsent(inHeat.get(i), k -> new ArrayList<>()).add(heat.number());
                for (int j = i + 1; j < inHeat.size(); j++) {
                    int a = index.get(inHeat.get(i));
                    int b = index.get(inHeat.get(j));
                    meetings[Math.min(a, b)][Math.max(a, b)]++;
                }
            }
        }
        int max = 0;
        int min = Integer.MAX_VALUE;
        int never = 0;
        int pairs = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                int m = meetings[a][b];
                pairs++;
                max = Math.max(max, m);
                min = Math.min(min, m);
                if (m == 0) {
                    never++;
                }
            }
        }
        int backToBack = 0;
        int carsBackToBack = 0;
        for (List<Integer> runs : heatsOf.values()) {
            int own = 0;
            for (int i = 1; i < runs.size(); i++) {
                if (runs.get(i) - runs.get(i - 1) == 1) {
                    own++;
                }
            }
            backToBack += own;
            carsBackToBack += own > 0 ? 1 : 0;
        }
        return new SchedulePreview(schedule.metrics(), max, pairs == 0 ? 0 : min, never, pairs, backToBack,
                carsBackToBack);
    }
}
